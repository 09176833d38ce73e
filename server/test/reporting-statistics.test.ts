import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inTransaction } from '../src/db/transaction.ts';
import { createSession } from '../src/modules/identity/sessions.ts';
import { csrfTokenFor } from '../src/modules/identity/web-session.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

/**
 * The statistics oracle: thirteen dossiers walked through the dossier API on a fake clock across
 * February–April 2026, each chosen to land in a known cell (early, on time, late by date, late by
 * two supplement requests, early against an extension, open and overdue, open but waiting for a
 * supplement, refused, withdrawn, suspended, digitized, rated). Every figure and every 766 score
 * for March 2026 is asserted exactly, as worked out by hand below, on both engines.
 *
 * Procedure 1.000426 (Sở Tư pháp decides, 5 working days). Office hours 07:30–11:30, 13:30–16:00
 * (6.5 h a day); a receipt at 09:00 on day D is due at 16:00 on the 5th working day after D.
 */
const CARD = '1.000426';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The text of a PDF as poppler lays it out, an independent reader of what we wrote. */
const pdfText = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');

/** Vietnamese local time → instant. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

describeEachEngine('reporting: one-stop statistics and the 766 index (oracle)', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const { ids, agencies: agencyOf } = useDemoSessions(ctx, h, [
    'nguyenvanan',
    'motcua',
    'lanhdao',
    'chuyenvien',
    'chuyendoiso',
  ]);
  const code: Record<string, string> = {};

  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  /** Moves the clock (Vietnam time) and sends a request as `who`, signed in at that moment. */
  const as = async (who: string, when: string, req: InjectOptions) => {
    vi.setSystemTime(vn(when));
    const { token } = await inTransaction(ctx.database, (tx) =>
      createSession(tx, { personId: ids[who]!, idToken: null, userAgent: null, ip: null, hours: 1 }),
    );
    return h.app.inject({
      ...req,
      headers: {
        cookie: `cqs_session=${token}; cqs_csrf=${csrfTokenFor(token)}`,
        'x-csrf-token': csrfTokenFor(token),
        ...req.headers,
      },
    });
  };
  const cmd = async (who: string, when: string, id: string, body: Record<string, unknown>) => {
    const r = await as(who, when, { method: 'POST', url: `/api/dossiers/${id}/commands`, payload: body });
    expect(r.statusCode, `${body.type} at ${when}: ${r.body}`).toBe(200);
    return r.json() as { id: string; code: string | null; status: string };
  };
  const counter = async (name: string, when: string, channel: 'direct' | 'postal' = 'direct') => {
    const r = await as('motcua', when, {
      method: 'POST',
      url: '/api/dossiers/counter',
      payload: {
        procedureCode: CARD,
        channel,
        deskAgencyId: agencyOf.motcua,
        applicant: {
          fullName: `Người nộp ${name}`,
          cccd: null,
          phone: null,
          email: null,
          addressCommuneCode: null,
          addressDetail: null,
        },
        formData: {},
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json() as { id: string; code: string };
    code[name] = d.code;
    return d.id;
  };
  const online = async (name: string, submitAt: string, receiveAt?: string) => {
    const r = await as('nguyenvanan', submitAt, {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: CARD },
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = (r.json() as { id: string }).id;
    if (receiveAt) code[name] = (await cmd('motcua', receiveAt, id, { type: 'receive' })).code!;
    return id;
  };
  const assign = (id: string, when: string) =>
    cmd('lanhdao', when, id, { type: 'assign', handlerId: ids.chuyenvien });
  const approve = (id: string, when: string) => cmd('lanhdao', when, id, { type: 'approve' });
  const returnAt = (id: string, when: string, method = 'counter') =>
    cmd('motcua', when, id, { type: 'return_result', method });
  const supplement = (id: string, when: string) =>
    cmd('chuyenvien', when, id, { type: 'request_supplement', items: ['Bản sao chứng chỉ hành nghề'] });
  const rate = async (id: string, when: string, score: number) => {
    const r = await as('nguyenvanan', when, {
      method: 'POST',
      url: `/api/dossiers/${id}/rating`,
      payload: { score },
    });
    expect(r.statusCode, r.body).toBe(200);
  };

  it('walks thirteen dossiers through February–April 2026', async () => {
    // D1 carried over from February (due 06/03), resolved 03/03: early.
    const d1 = await counter('D1', '2026-02-27 09:00');
    await assign(d1, '2026-02-27 09:10');
    await approve(d1, '2026-03-03 10:00');
    await returnAt(d1, '2026-03-03 11:00');
    // D2 online, due 09/03 16:00, approved that morning: on time; electronic result, rated 5.
    const d2 = await online('D2', '2026-03-02 08:30', '2026-03-02 09:00');
    await assign(d2, '2026-03-02 09:10');
    const result = await as('lanhdao', '2026-03-09 09:50', {
      method: 'POST',
      url: `/api/dossiers/${d2}/files?purpose=result&label=${encodeURIComponent('Thẻ tư vấn viên pháp luật')}&fileName=the.pdf`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(result.statusCode, result.body).toBe(201);
    await approve(d2, '2026-03-09 10:00');
    await returnAt(d2, '2026-03-10 08:00', 'electronic');
    await rate(d2, '2026-03-10 09:00', 5);
    // D3: two supplement requests after receipt → late, although resolved before its restarted due date.
    const d3 = await online('D3', '2026-03-02 08:40', '2026-03-02 09:30');
    await assign(d3, '2026-03-02 09:40');
    await supplement(d3, '2026-03-03 10:00');
    await cmd('nguyenvanan', '2026-03-04 10:00', d3, { type: 'supply' });
    await supplement(d3, '2026-03-05 10:00');
    await cmd('nguyenvanan', '2026-03-06 10:00', d3, { type: 'supply' });
    await approve(d3, '2026-03-09 10:00');
    // D4: due 10/03, extended on 09/03 to 13/03, resolved 12/03: early against the extension.
    const d4 = await counter('D4', '2026-03-03 09:00');
    await assign(d4, '2026-03-03 09:10');
    await cmd('lanhdao', '2026-03-09 10:00', d4, {
      type: 'extend',
      newDueAt: '2026-03-13T16:00:00+07:00',
      reason: 'Cần xác minh thêm thông tin.',
    });
    await approve(d4, '2026-03-12 10:00');
    // D5: due 11/03, resolved 12/03: late.
    const d5 = await counter('D5', '2026-03-04 09:00');
    await assign(d5, '2026-03-04 09:10');
    await approve(d5, '2026-03-12 10:00');
    // D6: due 12/03, still open at the end of March (overdue then), resolved late on 02/04.
    const d6 = await online('D6', '2026-03-05 08:30', '2026-03-05 09:00');
    await assign(d6, '2026-03-05 09:10');
    await approve(d6, '2026-04-02 10:00');
    // D7: received 25/03, due 01/04: open within its deadline at the end of March.
    const d7 = await counter('D7', '2026-03-25 09:00');
    await assign(d7, '2026-03-25 09:10');
    // D8: due 23/03, waiting for a supplement since 18/03: the clock stopped before the due date.
    const d8 = await online('D8', '2026-03-16 08:30', '2026-03-16 09:00');
    await assign(d8, '2026-03-16 09:10');
    await supplement(d8, '2026-03-18 10:00');
    // D9: refused at intake. D10: withdrawn after receipt. D11: suspended by the leader.
    const d9 = await online('D9', '2026-03-10 08:30');
    await cmd('motcua', '2026-03-10 09:00', d9, { type: 'refuse_intake', reason: 'Không thuộc thẩm quyền.' });
    const d10 = await online('D10', '2026-03-10 08:40', '2026-03-10 09:10');
    await cmd('nguyenvanan', '2026-03-11 10:00', d10, { type: 'withdraw', reason: 'Không còn nhu cầu.' });
    const d11 = await counter('D11', '2026-03-11 09:00');
    await assign(d11, '2026-03-11 09:10');
    await cmd('lanhdao', '2026-03-12 10:00', d11, { type: 'suspend', reason: 'Người nộp đề nghị dừng.' });
    // D12: by post, scanned and digitized at intake, resolved early.
    const d12 = await counter('D12', '2026-03-12 09:00', 'postal');
    const scan = await as('motcua', '2026-03-12 09:02', {
      method: 'POST',
      url: `/api/dossiers/${d12}/files?component=0&fileName=scan.pdf`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(scan.statusCode, scan.body).toBe(201);
    expect(
      (await as('motcua', '2026-03-12 09:05', { method: 'POST', url: `/api/dossiers/${d12}/digitized` }))
        .statusCode,
    ).toBe(200);
    await assign(d12, '2026-03-12 09:10');
    await approve(d12, '2026-03-18 10:00');
    await returnAt(d12, '2026-03-19 09:00');
    // D13: early, returned, rated 2 (unsatisfied).
    const d13 = await online('D13', '2026-03-13 08:30', '2026-03-13 09:00');
    await assign(d13, '2026-03-13 09:10');
    await approve(d13, '2026-03-16 10:00');
    await returnAt(d13, '2026-03-17 09:00');
    await rate(d13, '2026-03-17 10:00', 2);
  });

  type Figures = {
    counts: Record<string, number>;
    supplementRequests: number;
    ratings: Record<string, number>;
    averageRating: number | null;
    averageWorkingDays: number | null;
    rates: Record<string, number | null>;
  };
  const get = async (who: string, url: string) => {
    const r = await as(who, '2026-04-10 09:00', { method: 'GET', url });
    return r;
  };

  it('gives every one-stop figure of March 2026 exactly', async () => {
    const r = await get('chuyendoiso', '/api/reporting/one-stop?period=2026-03');
    expect(r.statusCode, r.body).toBe(200);
    const { total, period } = r.json() as {
      total: Figures;
      period: { from: string; to: string; asOf: string };
    };
    expect(period).toMatchObject({ from: '2026-03-01', to: '2026-03-31', asOf: '2026-04-01T00:00:00+07:00' });
    expect(total.counts).toMatchObject({
      received: 11, // D2–D8, D10–D13 (D1 came in February, D9 was never received)
      received_direct: 4, // D4 D5 D7 D11
      received_online: 6, // D2 D3 D6 D8 D10 D13
      received_postal: 1, // D12
      carried_over: 1, // D1
      resolved: 9,
      resolved_early: 6, // D1 D4 D10 D11 D12 D13
      resolved_on_time: 1, // D2
      resolved_in_time: 7,
      resolved_late: 2, // D3 (two supplements) D5
      pending: 3,
      pending_on_time: 2, // D7, and D8 waiting for its supplement since before its due date
      pending_overdue: 1, // D6
      refused_at_intake: 1,
      withdrawn: 1,
      suspended: 1,
      supplement_requested: 2, // D3 D8
      returned: 4, // D1 D2 D12 D13
      returned_electronic: 1,
      digitizable: 5,
      digitized: 1,
      reused: 0,
      approved: 7, // D1 D2 D3 D4 D5 D12 D13
      approved_with_e_result: 1,
      rated: 2,
      rated_low: 1,
    });
    expect(total.supplementRequests).toBe(3);
    expect(total.ratings).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 });
    expect(total.averageRating).toBe(3.5);
    expect(total.rates).toEqual({
      inTime: 0.7778,
      digitization: 0.2,
      online: 0.5455,
      onlinePayment: null,
      satisfied: 0.5,
    });
  });

  it('lists the dossiers behind a figure, with office time less the waits for the applicant', async () => {
    const list = async (set: string) => {
      const r = await get('chuyendoiso', `/api/reporting/dossiers?period=2026-03&set=${set}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        total: number;
        items: { code: string; workingDaysTaken: number | null; outcome: string }[];
      };
    };
    expect((await list('resolved_late')).items.map((i) => i.code).sort()).toEqual([code.D3, code.D5].sort());
    expect((await list('pending_overdue')).items.map((i) => i.code)).toEqual([code.D6]);
    expect((await list('pending_on_time')).items.map((i) => i.code).sort()).toEqual(
      [code.D7, code.D8].sort(),
    );
    const resolved = await list('resolved');
    expect(resolved.total).toBe(9);
    const days = Object.fromEntries(resolved.items.map((i) => [i.code, i.workingDaysTaken]));
    // D1: 27/02 09:00 → 03/03 10:00 = 300 + 390 + 150 min = 840 / 390 = 2.15 working days.
    expect(days[code.D1!]).toBe(2.15);
    // D13: 13/03 09:00 → 16/03 10:00 = 300 + 150 = 450 / 390 = 1.15.
    expect(days[code.D13!]).toBe(1.15);
    // D3: 270 + 150, waits 03/03 10:00–04/03 10:00 and 05/03 10:00–06/03 10:00 cut out,
    // + 240 + 150 + 240 + 150 = 1200 min / 390 = 3.08.
    expect(days[code.D3!]).toBe(3.08);
    const mean = Object.values(days).reduce((s, d) => s! + d!, 0)! / 9;
    const figures = (await get('chuyendoiso', '/api/reporting/one-stop?period=2026-03')).json()
      .total as Figures;
    expect(figures.averageWorkingDays).toBeCloseTo(mean, 1);
  });

  it('counts the year to date, and the breakdowns add up to the total', async () => {
    const year = (await get('chuyendoiso', '/api/reporting/one-stop?period=2026&groupBy=channel')).json() as {
      rows: Figures[];
      total: Figures;
    };
    // Measured on 10/04 (the year is not over): D6 resolved late on 02/04; D7 (due 01/04) is now
    // overdue; D8 still waits for its supplement, so its clock stays stopped within the deadline.
    expect(year.total.counts).toMatchObject({
      received: 12,
      carried_over: 0,
      resolved: 10,
      resolved_late: 3,
      pending: 2,
      pending_overdue: 1,
      pending_on_time: 1,
    });
    for (const key of ['received', 'resolved', 'resolved_early', 'resolved_late', 'pending']) {
      expect(
        year.rows.reduce((s, r) => s + r.counts[key]!, 0),
        key,
      ).toBe(year.total.counts[key]);
    }
    // A row of a breakdown opens exactly its dossiers: each desk's count is its list's length.
    const desks = (
      await get('chuyendoiso', '/api/reporting/one-stop?period=2026-03&groupBy=desk')
    ).json() as {
      rows: (Figures & { key: string })[];
    };
    for (const row of desks.rows) {
      const list = (
        await get('chuyendoiso', `/api/reporting/dossiers?period=2026-03&set=received&deskId=${row.key}`)
      ).json();
      expect(list.total, row.key).toBe(row.counts.received);
    }
    const byAgency = (
      await get('chuyendoiso', '/api/reporting/one-stop?period=2026-03&groupBy=agency')
    ).json();
    const stp = byAgency.rows.find((r: { key: string }) => r.key === agencyOf.lanhdao);
    const decided = (
      await get(
        'chuyendoiso',
        `/api/reporting/dossiers?period=2026-03&set=resolved&decidedBy=${agencyOf.lanhdao}`,
      )
    ).json();
    expect(decided.total).toBe(stp.counts.resolved);
    // The department's own figures: it decides every one of these dossiers.
    const dept = (
      await get('lanhdao', `/api/reporting/one-stop?period=2026-03&agencyId=${agencyOf.lanhdao}`)
    ).json();
    expect(dept.total.counts.resolved_in_time).toBe(7);
  });

  it('scores the Decision 766 index from those figures', async () => {
    const r = await get('chuyendoiso', '/api/reporting/index?period=2026-03');
    expect(r.statusCode, r.body).toBe(200);
    const { index } = r.json() as {
      index: {
        total: number;
        measuredMax: number;
        groups: {
          code: string;
          score: number;
          components: {
            key: string;
            available: boolean;
            numerator: number | null;
            denominator: number | null;
            score: number | null;
          }[];
        }[];
      };
    };
    const part = (group: string, key: string) =>
      index.groups.find((g) => g.code === group)!.components.find((c) => c.key === key)!;
    // TDGQ = 20 × (early + on time) / received = 20 × 7 / 11
    expect(part('TDGQ', 'in_time')).toMatchObject({ numerator: 7, denominator: 11, score: 12.73 });
    // MDHL dossier satisfaction: 1 − (late 2 + overdue 1) / (resolved 9 + open 3) − unsatisfied 1/2 = 0.25 → 6 × 0.25 / 0.9
    expect(part('MDHL', 'dossier_satisfaction')).toMatchObject({
      numerator: 2500,
      denominator: 10000,
      score: 1.67,
    });
    // MDSH: electronic result 1 of 7 results → 6/7; digitized 1 of 5 paper dossiers → 4 × 0.2; reused none.
    expect(part('MDSH', 'e_result')).toMatchObject({ numerator: 1, denominator: 7, score: 0.86 });
    expect(part('MDSH', 'digitized')).toMatchObject({ numerator: 1, denominator: 5, score: 0.8 });
    expect(part('MDSH', 'reused')).toMatchObject({ numerator: 0, denominator: 11, score: 0 });
    // CLGQ: online share, full marks at 50%: 6 of 11 online (D2 has its electronic result anyway).
    const online = part('CLGQ', 'online_dossiers');
    expect(online.denominator).toBe(11);
    expect([1, 6]).toContain(online.numerator); // 1 if the procedure's result is on paper: only D2 counts
    expect(online.score).toBe(Math.round(Math.min(4, (4 * online.numerator!) / 11 / 0.5) * 100) / 100);
    // Online services with dossiers: this procedure is the only one used.
    expect(part('CLGQ', 'online_services_used').numerator).toBe(1);
    // What the platform cannot measure yet is left out, not scored as zero.
    for (const [g, k] of [
      ['CKMB', 'synced_national'],
      ['TTTT', 'paid_online'],
      ['MDHL', 'feedback_on_time'],
    ] as const) {
      expect(part(g, k)).toMatchObject({ available: false, score: null });
    }
    const sum = index.groups.reduce((s, g) => s + g.score, 0);
    expect(index.total).toBeCloseTo(sum, 2);
    expect(index.groups.find((g) => g.code === 'CKMB')!.score).toBe(0);
  });

  it('exports the table to Excel with a title, the period and Vietnamese headers', async () => {
    const r = await get('chuyendoiso', '/api/reporting/one-stop?period=2026-03&groupBy=channel&format=xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('thong-ke-mot-cua-2026-03.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH');
    expect(String(ws.getCell(2, 1).value)).toBe('Kỳ báo cáo: Tháng 3/2026 · Đơn vị: Toàn tỉnh');
    const headers = (ws.getRow(4).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual([
      'Đơn vị / nhóm',
      'Tổng số hồ sơ tiếp nhận',
      'Kỳ trước chuyển qua',
      'Mới tiếp nhận',
    ]);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('Tổng cộng');
    expect(last.getCell(2).value).toBe(12); // 1 carried over + 11 new
    expect(last.getCell(headers.indexOf('Quá hạn') + 1).value).toBe(2);
    expect(ws.getColumn(headers.indexOf('Tỷ lệ trước và đúng hạn') + 1).numFmt).toBe('0.00%');
  });

  it('writes the period report as a PDF an office can file', async () => {
    const r = await get('chuyendoiso', '/api/reporting/one-stop?period=2026-03&format=pdf');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = pdfText(r.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('Kỳ báo cáo: Tháng 3/2026 (từ 01/03/2026 đến 31/03/2026)');
    expect(text).toMatch(/Mới tiếp nhận trong kỳ 11 91,67%/);
    expect(text).toMatch(/Trước hạn 6 66,67%/);
    // received 12, resolved 9 (6 early, 1 on time, 2 late), open 2 within and 1 past the deadline;
    // the agency's name wraps in its narrow column.
    expect(text).toMatch(/Sở Tư pháp tỉnh Tuyên( Quang)? 12 9 6 1 2 2 1/);
  });

  it('counts online services and ranks the departments on the same figures', async () => {
    const services = (await get('chuyendoiso', '/api/reporting/services?period=2026-03')).json() as {
      rows: {
        kind: string;
        procedures: number;
        withOnlineDossiers: number;
        received: number;
        receivedOnline: number;
      }[];
    };
    expect(services.rows.reduce((s, r) => s + r.received, 0)).toBe(11);
    expect(services.rows.reduce((s, r) => s + r.receivedOnline, 0)).toBe(6);
    expect(services.rows.reduce((s, r) => s + r.withOnlineDossiers, 0)).toBe(1);
    // The 766 procedure counts open their procedure lists.
    const index = (await get('chuyendoiso', '/api/reporting/index?period=2026-03')).json();
    const used = index.index.groups
      .find((g: { code: string }) => g.code === 'CLGQ')
      .components.find((c: { key: string }) => c.key === 'online_services_used');
    const listOf = async (set: string) =>
      (await get('chuyendoiso', `/api/reporting/procedures?period=2026-03&set=${set}`)).json();
    const numerator = await listOf(used.drill.procedures.numerator);
    expect(numerator.items.map((p: { code: string }) => p.code)).toEqual([CARD]);
    expect((await listOf(used.drill.procedures.denominator)).total).toBe(used.denominator);
    const ranking = (await get('chuyendoiso', '/api/reporting/index/ranking?period=2026-03')).json() as {
      rows: { agencyId: string; rank: number; index: { total: number } }[];
    };
    const own = (
      await get('chuyendoiso', `/api/reporting/index?period=2026-03&agencyId=${agencyOf.lanhdao}`)
    ).json();
    const row = ranking.rows.find((x) => x.agencyId === agencyOf.lanhdao)!;
    expect(row.index.total).toBe(own.index.total);
    const ranks = ranking.rows.map((x) => x.rank);
    expect(ranks[0]).toBe(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  describe('who sees what', () => {
    it('refuses citizens and other agencies, and says which field is wrong', async () => {
      expect((await get('nguyenvanan', '/api/reporting/one-stop?period=2026-03')).statusCode).toBe(403);
      // A department leader sees the department, not the province.
      expect((await get('lanhdao', '/api/reporting/one-stop?period=2026-03')).statusCode).toBe(403);
      expect(
        (await get('lanhdao', `/api/reporting/index?period=2026-03&agencyId=${agencyOf.lanhdao}`)).statusCode,
      ).toBe(200);
      const bad = await get('chuyendoiso', '/api/reporting/one-stop?period=2026-13');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'STATISTICS.BAD_PERIOD', errors: [{ field: 'period' }] });
      // Open data: province aggregates without signing in.
      vi.setSystemTime(vn('2026-04-10 09:00'));
      const open = await h.app.inject({ method: 'GET', url: '/api/reporting/open/one-stop?period=2026-03' });
      expect(open.statusCode).toBe(200);
      expect(open.json().total.counts.received).toBe(11);
    });

    it('refuses periods outside the platform’s data or longer than a year at once, counting nothing (1800–1899 froze the server)', async () => {
      const months = async () =>
        (
          await ctx.database.rows<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM reporting_rollup_month WHERE month < '2025-01-01'`,
          )
        )[0]!.n;
      // Today is 10/04/2026; the dossiers here are of 2026, so periods start on the epoch year's first day.
      const bounds = await get('chuyendoiso', '/api/reporting/periods');
      expect(bounds.json()).toEqual({ earliest: '2025-01-01', today: '2026-04-10', maxDays: 366 });
      const leader = (url: string) => get('lanhdao', `${url}&agencyId=${agencyOf.lanhdao}`);
      for (const [url, why] of [
        ['/api/reporting/one-stop?period=1800-01-01..1899-12-31&groupBy=procedure', 'ngày'], // 36,524 days
        ['/api/reporting/one-stop?period=1850&groupBy=procedure', '01/01/2025'],
        ['/api/reporting/one-stop?period=2024-Q4', '01/01/2025'],
        ['/api/reporting/one-stop?period=2026-05', '10/04/2026'], // not begun yet
        ['/api/reporting/one-stop?period=2025-01-01..2026-03-31', '366 ngày'], // 455 days
        ['/api/reporting/services?period=1900', '01/01/2025'],
        ['/api/reporting/index?period=1900', '01/01/2025'],
        ['/api/reporting/dossiers?period=1900&set=received', '01/01/2025'],
      ] as const) {
        const started = Date.now();
        const r = await leader(url);
        expect(r.statusCode, `${url}: ${r.body}`).toBe(422);
        expect(r.json()).toMatchObject({
          code: 'STATISTICS.PERIOD_OUT_OF_RANGE',
          errors: [{ field: 'period' }],
        });
        expect(r.json().detail, url).toContain(why);
        expect(Date.now() - started, url).toBeLessThan(1000);
      }
      const open = await h.app.inject({ method: 'GET', url: '/api/reporting/open/one-stop?period=1800' });
      expect(open.statusCode).toBe(422);
      const year = await leader('/api/reporting/overview?year=2010');
      expect(year.statusCode).toBe(422);
      expect(year.json().errors[0].field).toBe('year');
      expect(await months()).toBe(0); // nothing was counted for them
      // A year (365 days) from the first allowed day still answers.
      expect((await leader('/api/reporting/one-stop?period=2025-04-01..2026-03-31')).statusCode).toBe(200);
      expect((await leader('/api/reporting/one-stop?period=2025')).statusCode).toBe(200);
    });

    it('lets the DX office date a new weighting, which then scores the periods it covers', async () => {
      const current = (await get('chuyendoiso', '/api/reporting/index-config')).json().items[0].config;
      const config = structuredClone(current);
      config.groups.TDGQ.components.in_time.denominator = 'resolved';
      const post = (who: string, body: Record<string, unknown>) =>
        as(who, '2026-04-10 09:00', { method: 'POST', url: '/api/reporting/index-config', payload: body });
      const body = { effectiveFrom: '2026-03-15', basis: 'Văn bản hướng dẫn thử nghiệm', config };
      expect((await post('lanhdao', body)).statusCode).toBe(403);
      const broken = structuredClone(config);
      broken.groups.TDGQ.max = -1;
      const bad = await post('chuyendoiso', { ...body, config: broken });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('config.groups.TDGQ.max');
      expect((await post('chuyendoiso', body)).statusCode).toBe(201);
      expect((await post('chuyendoiso', body)).statusCode).toBe(409);
      const march = (await get('chuyendoiso', '/api/reporting/index?period=2026-03')).json();
      expect(march.configEffectiveFrom).toBe('2026-03-15');
      // 20 × (early + on time) / resolved = 20 × 7 / 9
      expect(march.index.groups.find((g: { code: string }) => g.code === 'TDGQ').score).toBe(15.56);
      const february = (await get('chuyendoiso', '/api/reporting/index?period=2026-02')).json();
      expect(february.configEffectiveFrom).toBe('2022-06-23');
    });
  });
});
