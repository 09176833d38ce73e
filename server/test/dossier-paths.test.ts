import { expect, it } from 'vitest';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const CARD = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp decides, 5 working days
type Dossier = {
  id: string;
  code: string | null;
  status: string;
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  competentAgencyId: string;
  receivingAgencyId: string;
  actions: string[];
};

/**
 * Every path of the lifecycle through the HTTP API, on both engines: counter, postal and online
 * intake, refusal at intake, withdrawal, suspension, one extension (a second refused), transfer and
 * consultation, refusal to resolve, routing by authority from a commune desk.
 */
describeEachEngine('dossiers: every lifecycle path through the API', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const {
    ids,
    agencies: desks,
    as,
  } = useDemoSessions(ctx, h, ['nguyenvanan', 'tranthibinh', 'motcua', 'motcua.xa', 'lanhdao', 'chuyenvien']);
  const command = async (who: string, id: string, body: Record<string, unknown>) =>
    as(who, { method: 'POST', url: `/api/dossiers/${id}/commands`, payload: body });
  const ok = async (who: string, id: string, body: Record<string, unknown>) => {
    const r = await command(who, id, body);
    expect(r.statusCode, `${body.type}: ${r.body}`).toBe(200);
    return r.json() as Dossier;
  };
  const walkIn = {
    fullName: 'Hoàng Thị Mai',
    cccd: '008199007777',
    phone: '0977123456',
    email: null,
    addressCommuneCode: null,
    addressDetail: 'Tổ 3, phường Minh Xuân',
  };
  const counter = async (who: string, channel: 'direct' | 'postal') => {
    const r = await as(who, {
      method: 'POST',
      url: '/api/dossiers/counter',
      payload: { procedureCode: CARD, channel, deskAgencyId: desks[who], applicant: walkIn, formData: {} },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Dossier;
  };
  const online = async (who = 'nguyenvanan') => {
    const r = await as(who, { method: 'POST', url: '/api/dossiers', payload: { procedureCode: CARD } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Dossier;
  };
  const dueFor = async (receivedAt: string, value: number) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/calendar/due?receivedAt=${encodeURIComponent(receivedAt)}&value=${value}&unit=working_days`,
      })
    ).json().dueAt as string;

  it('takes walk-in and postal dossiers at the counter with code and due date at once', async () => {
    const direct = await counter('motcua', 'direct');
    expect(direct).toMatchObject({ status: 'received', channel: 'direct' });
    expect(direct.code).toMatch(/^000\.00\.20\.H08-\d{6}-\d{4}$/);
    // The due date is the calendar's: 5 working days from receipt (a receipt after 15:00 starts tomorrow).
    expect(direct.dueAt).toBe(await dueFor(direct.receivedAt!, 5));
    const postal = await counter('motcua', 'postal');
    expect(postal.channel).toBe('postal');
    const seq = (code: string | null) => Number(code!.split('-').at(-1));
    expect(seq(postal.code)).toBe(seq(direct.code) + 1);
    // Not a desk: refused.
    const notDesk = await as('chuyenvien', {
      method: 'POST',
      url: '/api/dossiers/counter',
      payload: { procedureCode: CARD, channel: 'direct', deskAgencyId: desks.motcua, applicant: walkIn },
    });
    expect(notDesk.statusCode).toBe(403);
  });

  it('routes by authority: a commune desk takes in a dossier the department decides', async () => {
    const d = await counter('motcua.xa', 'direct');
    expect(d.receivingAgencyId).toBe(desks['motcua.xa']);
    expect(d.competentAgencyId).toBe(desks.lanhdao); // Sở Tư pháp
    expect(d.code!.startsWith('000.00.20.H08')).toBe(false); // the commune desk's own numbering
    // The department's leader sees it and assigns it; the commune desk cannot decide it.
    expect((await as('lanhdao', { method: 'GET', url: `/api/dossiers/${d.id}` })).json().actions).toContain(
      'assign',
    );
    expect((await command('motcua.xa', d.id, { type: 'approve' })).statusCode).toBe(403);
    const people = (await as('lanhdao', { method: 'GET', url: `/api/dossiers/${d.id}/assignees` })).json()
      .items;
    expect(people).toContainEqual({ id: ids.chuyenvien, fullName: expect.any(String), role: 'specialist' });
    expect(
      (await as('motcua.xa', { method: 'GET', url: `/api/dossiers/${d.id}/assignees` })).statusCode,
    ).toBe(403);
    const assigned = await ok('lanhdao', d.id, { type: 'assign', handlerId: ids.chuyenvien });
    expect(assigned).toMatchObject({ status: 'in_progress', handlerName: 'Trần Văn Hùng', tone: 'on_time' });
    expect((assigned as unknown as { daysLeft: number }).daysLeft).toBeGreaterThanOrEqual(3);
  });

  it('refuses at intake, withdraws at the applicant’s request, suspends on the leader’s decision', async () => {
    const refused = await ok('motcua', (await online()).id, {
      type: 'refuse_intake',
      reason: 'Thủ tục không thuộc thẩm quyền giải quyết của tỉnh.',
    });
    expect(refused).toMatchObject({ status: 'refused_at_intake', code: null, actions: [] });

    const w = await online();
    await ok('motcua', w.id, { type: 'receive' });
    expect((await command('tranthibinh', w.id, { type: 'withdraw' })).statusCode).toBe(404);
    const withdrawn = await ok('nguyenvanan', w.id, { type: 'withdraw', reason: 'Tôi không còn nhu cầu.' });
    expect(withdrawn.status).toBe('withdrawn');
    expect((await command('lanhdao', w.id, { type: 'assign', handlerId: ids.chuyenvien })).statusCode).toBe(
      409,
    );

    const s = await online();
    await ok('motcua', s.id, { type: 'receive' });
    await ok('lanhdao', s.id, { type: 'assign', handlerId: ids.chuyenvien });
    const suspended = await ok('lanhdao', s.id, {
      type: 'suspend',
      reason: 'Người yêu cầu đề nghị dừng giải quyết bằng văn bản.',
    });
    expect(suspended.status).toBe('suspended');
  });

  it('extends once (a second extension is refused), transfers, consults, and refuses to resolve', async () => {
    const d = await online();
    const received = await ok('motcua', d.id, { type: 'receive' });
    await ok('lanhdao', d.id, { type: 'assign', handlerId: ids.chuyenvien });
    const transferred = await ok('lanhdao', d.id, {
      type: 'transfer',
      to: { kind: 'agency', id: desks.lanhdao },
      handlerId: ids.chuyenvien,
      duration: { value: 2, unit: 'working_days' },
    });
    expect(transferred.status).toBe('in_progress');
    const consulted = await ok('chuyenvien', d.id, {
      type: 'consult',
      with: { kind: 'agency', id: desks.motcua },
      question: 'Xin ý kiến về hồ sơ của người đề nghị.',
      duration: { value: 1, unit: 'working_days' },
    });
    expect(consulted.status).toBe('in_progress');

    const later = await dueFor(received.dueAt!, 3);
    const extended = await ok('lanhdao', d.id, {
      type: 'extend',
      newDueAt: later,
      reason: 'Cần xác minh thêm thông tin với cơ quan khác.',
    });
    expect(extended.dueAt).toBe(later);
    const again = await command('lanhdao', d.id, {
      type: 'extend',
      newDueAt: await dueFor(later, 2),
      reason: 'Gia hạn lần hai.',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DOSSIER.EXTENSION_ALREADY_USED');

    const bogus = await command('lanhdao', d.id, {
      type: 'refuse',
      reason: 'Không đủ điều kiện.',
      attachments: [{ fileId: '0190a000-0000-7000-8000-000000000000' }],
    });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().errors[0].field).toBe('attachments');
    const refused = await ok('lanhdao', d.id, {
      type: 'refuse',
      reason: 'Người đề nghị không đáp ứng điều kiện về kinh nghiệm.',
    });
    expect(refused.status).toBe('finished');
    expect((await ok('motcua', d.id, { type: 'return_result', method: 'counter' })).status).toBe('returned');
    const stepsOf = async (who: string) =>
      (await as(who, { method: 'GET', url: `/api/dossiers/${d.id}/timeline` })).json().items as {
        type: string;
        data: Record<string, unknown>;
      }[];
    // The office sees every step; the applicant all but the consultation between agencies.
    const all = [
      'create',
      'submit',
      'receive',
      'assign',
      'transfer',
      'consult',
      'extend',
      'refuse',
      'return_result',
    ];
    expect((await stepsOf('lanhdao')).map((e) => e.type)).toEqual(all);
    const steps = await stepsOf('nguyenvanan');
    expect(steps.map((e) => e.type)).toEqual(all.filter((t) => t !== 'consult'));
    expect(steps.find((e) => e.type === 'extend')!.data.form).toBe('04');
  });

  it("lists a citizen's own dossiers, drafts included, and the timeline names who acted", async () => {
    const draft = await as('tranthibinh', {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: CARD, draft: true },
    });
    const filed = await online('tranthibinh');
    await ok('motcua', filed.id, { type: 'receive' });
    const mine = (await as('tranthibinh', { method: 'GET', url: '/api/dossiers?mine=true' })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([filed.id, draft.json().id]);
    expect(mine.items[0]).toMatchObject({ status: 'received', procedureCode: CARD });
    // An official's own filings are theirs too; their work list is a different thing.
    expect((await as('motcua', { method: 'GET', url: '/api/dossiers?mine=true' })).json().total).toBe(0);
    const steps = (
      await as('tranthibinh', { method: 'GET', url: `/api/dossiers/${filed.id}/timeline` })
    ).json().items as { type: string; actorName: string | null }[];
    expect(steps.find((e) => e.type === 'receive')!.actorName).toBe('Nguyễn Thị Mai');
    expect(steps.find((e) => e.type === 'submit')!.actorName).toBe('Trần Thị Bình');
  });
});
