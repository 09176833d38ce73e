import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const PROCEDURE = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp, online, 5 working days
type Dossier = {
  id: string;
  code: string | null;
  status: string;
  dueAt: string | null;
  actions: string[];
  statusLabel: { vi: string };
};

// Work lists count exactly up to LIST_COUNT_CAP, then say "more than": 100 here, under the 150
// dossiers these tests file, so both sides of the cap are seen.
describeEachEngine(
  'dossiers: filing and processing through the API',
  { seed: true, config: { LIST_COUNT_CAP: '100' } },
  (ctx) => {
    const h = useApp(ctx);
    const { ids, as } = useDemoSessions(ctx, h, [
      'nguyenvanan',
      'tranthibinh',
      'motcua',
      'lanhdao',
      'chuyenvien',
    ]);
    const command = (who: string, id: string, body: Record<string, unknown>) =>
      as(who, { method: 'POST', url: `/api/dossiers/${id}/commands`, payload: body });

    it('takes a dossier online, through intake, processing with a supplement, approval and return', async () => {
      const submit = () =>
        as('nguyenvanan', {
          method: 'POST',
          url: '/api/dossiers',
          headers: { 'idempotency-key': 'an-the-tu-van-1' },
          payload: { procedureCode: PROCEDURE, formData: { note: 'Xin cấp thẻ' } },
        });
      const first = await submit();
      expect(first.statusCode, first.body).toBe(201);
      const d = first.json() as Dossier;
      expect(d).toMatchObject({ status: 'submitted', code: null, statusLabel: { vi: expect.any(String) } });
      expect(d.actions).toContain('withdraw');
      const retry = await submit();
      expect(retry.statusCode).toBe(200);
      expect(retry.json().id).toBe(d.id);

      // The provincial service centre's desk checks it and issues the receipt: code and due date.
      const desk = (await as('motcua', { method: 'GET', url: `/api/dossiers/${d.id}` })).json() as Dossier;
      expect(desk.actions).toEqual(
        expect.arrayContaining(['receive', 'refuse_intake', 'request_supplement']),
      );
      const received = (await command('motcua', d.id, { type: 'receive' })).json() as Dossier;
      expect(received.status).toBe('received');
      expect(received.code).toMatch(/^000\.00\.20\.H08-\d{6}-0001$/);
      expect(received.dueAt).toMatch(/T16:00:00\+07:00$/);

      // Nobody else may decide it; the lifecycle refuses what comes out of order, in Vietnamese.
      expect((await command('nguyenvanan', d.id, { type: 'approve' })).statusCode).toBe(403);
      const early = await command('motcua', d.id, { type: 'return_result', method: 'electronic' });
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toContain('trả kết quả');

      const assigned = (
        await command('lanhdao', d.id, { type: 'assign', handlerId: ids.chuyenvien })
      ).json() as Dossier;
      expect(assigned.status).toBe('in_progress');
      const supplement = await command('chuyenvien', d.id, {
        type: 'request_supplement',
        items: ['Bản sao bằng cử nhân luật'],
      });
      expect(supplement.json().status).toBe('supplement_requested');
      const supplied = (await command('nguyenvanan', d.id, { type: 'supply' })).json() as Dossier;
      expect(supplied.status).toBe('in_progress');
      expect(supplied.dueAt! >= received.dueAt!).toBe(true); // the processing time restarted
      expect((await command('lanhdao', d.id, { type: 'approve' })).json().status).toBe('finished');
      // An electronic return hands over the electronic result the handler uploaded.
      const result = await as('chuyenvien', {
        method: 'POST',
        url: `/api/dossiers/${d.id}/files?purpose=result&fileName=the-tu-van-vien.pdf`,
        payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
        headers: { 'content-type': 'application/pdf' },
      });
      expect(result.statusCode, result.body).toBe(201);
      const returned = (
        await command('motcua', d.id, { type: 'return_result', method: 'electronic' })
      ).json() as Dossier;
      expect(returned.status).toBe('returned');
      expect(returned.actions).toEqual([]);

      // The applicant rates the service once; nobody else may.
      const rateIt = (who: string, score: number) =>
        as(who, {
          method: 'POST',
          url: `/api/dossiers/${d.id}/rating`,
          payload: { score, comment: 'Nhanh, chu đáo' },
        });
      expect((await rateIt('motcua', 5)).statusCode).toBe(403);
      expect((await rateIt('nguyenvanan', 6)).json().errors[0].field).toBe('body.score');
      const rated = await rateIt('nguyenvanan', 5);
      expect(rated.statusCode, rated.body).toBe(200);
      expect(rated.json()).toMatchObject({ score: 5, comment: 'Nhanh, chu đáo' });
      const twice = await rateIt('nguyenvanan', 4);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().title).toContain('mỗi hồ sơ một lần');

      const events = (
        await as('nguyenvanan', { method: 'GET', url: `/api/dossiers/${d.id}/timeline` })
      ).json().items;
      expect(events.map((e: { type: string }) => e.type)).toEqual([
        'create',
        'submit',
        'receive',
        'assign',
        'request_supplement',
        'supply',
        'approve',
        'attach_result',
        'return_result',
        'rate',
      ]);
      // Another citizen cannot even learn that the dossier exists.
      expect((await as('tranthibinh', { method: 'GET', url: `/api/dossiers/${d.id}` })).statusCode).toBe(404);
    });

    it('makes exactly 150 dossiers of 200 concurrent submissions with 50 repeated keys, and gap-free codes at receipt', async () => {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          as('tranthibinh', {
            method: 'POST',
            url: '/api/dossiers',
            headers: { 'idempotency-key': `binh-key-${i < 100 ? i : i < 150 ? i - 100 : i - 50}` },
            payload: { procedureCode: PROCEDURE, formData: {} },
          }),
        ),
      );
      expect(results.filter((r) => r.statusCode >= 300).map((r) => r.body)).toEqual([]);
      const distinct = new Set(results.map((r) => r.json().id));
      expect(distinct.size).toBe(150);
      const [count] = await ctx.database.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM dossier WHERE applicant_id = ${ids.tranthibinh}`,
      );
      expect(count!.n).toBe(150);

      const receipts = await Promise.all(
        [...distinct].map((id) => command('motcua', id, { type: 'receive' })),
      );
      expect(receipts.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
      const numbers = receipts
        .map((r) => Number((r.json().code as string).split('-').at(-1)))
        .sort((a, b) => a - b);
      // The first test's dossier took number 1 today.
      expect(numbers).toEqual(Array.from({ length: 150 }, (_, i) => i + 2));
    });

    it('refuses bad submissions with the field named', async () => {
      const unknown = await as('nguyenvanan', {
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: '9.999999' },
      });
      expect(unknown.statusCode).toBe(404);
      const bad = await as('nguyenvanan', {
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: 'abc' },
      });
      expect(bad.json().errors[0].field).toBe('body.procedureCode');
      const anonymous = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: { procedureCode: PROCEDURE },
      });
      expect(anonymous.statusCode).toBe(401);
    });

    it("lists an official's queues with deadline colour, finds by code, name without diacritics or CCCD, and counts up to the cap", async () => {
      const queue = (who: string, q: string) => as(who, { method: 'GET', url: `/api/dossiers?${q}` });
      const desk = (await queue('motcua', 'queue=in_progress&limit=200')).json();
      // The 150 received above (the first one was returned) are all listed; the count stops at the cap.
      expect(desk.items).toHaveLength(150);
      expect(desk).toMatchObject({ total: 100, totalCapped: true });
      expect(desk.items[0]).toMatchObject({
        status: 'received',
        applicantName: 'Trần Thị Bình',
        tone: expect.stringMatching(/on_time|due_soon/),
      });
      expect(desk.items[0].daysLeft).toBeGreaterThanOrEqual(0);
      expect((await queue('motcua', 'queue=to_return')).json()).toMatchObject({
        total: 0,
        totalCapped: false,
      });
      const byName = (await queue('lanhdao', `q=${encodeURIComponent('tran thi binh')}&limit=1`)).json();
      expect(byName).toMatchObject({ total: 100, totalCapped: true });
      const code = byName.items[0].code as string;
      const byCode = (await queue('lanhdao', `q=${encodeURIComponent(code)}`)).json();
      expect(byCode.items.map((i: { code: string }) => i.code)).toEqual([code]);
      expect(byCode).toMatchObject({ total: 1, totalCapped: false });
      expect((await queue('chuyenvien', 'q=008195004321&limit=1')).json()).toMatchObject({
        total: 100,
        totalCapped: true,
      });
      // A citizen has no work list.
      expect((await queue('nguyenvanan', 'queue=all')).json()).toEqual({
        items: [],
        total: 0,
        totalCapped: false,
      });
    });

    it('keeps a dossier waiting for a supplement out of the due and overdue queues, and lists the latest receipts first', async () => {
      const queue = (q: string) => as('motcua', { method: 'GET', url: `/api/dossiers?${q}` });
      // Two of the received dossiers are past their due date; one of them now waits for the applicant.
      const late = await ctx.database.rows<{ id: string; due: Date }>(sql`
        SELECT id, due_at AS due FROM dossier WHERE status = 'received' ORDER BY received_at DESC LIMIT 2`);
      const [running, waiting] = [late[0]!.id, late[1]!.id];
      await ctx.database.rows(sql`
        UPDATE dossier SET due_at = now() - interval '3 days' WHERE id IN (${running}::uuid, ${waiting}::uuid)`);
      await ctx.database.rows(
        sql`UPDATE dossier SET status = 'supplement_requested' WHERE id = ${waiting}::uuid`,
      );
      const overdue = (await queue('queue=overdue&limit=200')).json();
      const ids = overdue.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(running);
      expect(ids).not.toContain(waiting);
      expect(overdue.items.find((i: { id: string }) => i.id === running)).toMatchObject({ tone: 'overdue' });
      // Its clock is stopped: no deadline colour in the lists either.
      const all = (await queue('queue=all&limit=200')).json();
      expect(all.items.find((i: { id: string }) => i.id === waiting)).toMatchObject({
        tone: null,
        daysLeft: null,
      });
      const received = all.items
        .map((i: { receivedAt: string | null }) => i.receivedAt)
        .filter((at: string | null): at is string => at !== null);
      expect(received.length).toBeGreaterThan(100);
      expect(received).toEqual([...received].sort().reverse());
      // As they were, for the tests below.
      for (const d of late) {
        await ctx.database.rows(
          sql`UPDATE dossier SET status = 'received', due_at = ${d.due} WHERE id = ${d.id}::uuid`,
        );
      }
    });

    it('lets anyone track a dossier by code with the phone or CCCD given, showing no personal data', async () => {
      const [row] = await ctx.database.rows<{ code: string }>(
        sql`SELECT code FROM dossier WHERE applicant_id = ${ids.tranthibinh} AND code IS NOT NULL ORDER BY code LIMIT 1`,
      );
      const byPhone = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/track?code=${row!.code}&phone=0987654321`,
      });
      expect(byPhone.statusCode, byPhone.body).toBe(200);
      expect(byPhone.json()).toMatchObject({
        code: row!.code,
        status: 'received',
        procedureName: { vi: 'Cấp thẻ tư vấn viên pháp luật' },
      });
      expect(byPhone.json().steps.map((s: { type: string }) => s.type)).toEqual([
        'create',
        'submit',
        'receive',
      ]);
      expect(byPhone.body).not.toContain('Trần Thị Bình');
      expect(byPhone.body).not.toContain('008195004321');
      const byCccd = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/track?code=${row!.code}&cccd=008195004321`,
      });
      expect(byCccd.statusCode).toBe(200);
      const wrong = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/track?code=${row!.code}&phone=0900000000`,
      });
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json().detail).toContain('Không tìm thấy hồ sơ');
      const neither = await h.app.inject({ method: 'GET', url: `/api/dossiers/track?code=${row!.code}` });
      expect(neither.statusCode).toBe(400);
    });
  },
);
