import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it, vi } from 'vitest';
import { inTransaction } from '../src/db/transaction.ts';
import { createPerson } from '../src/modules/identity/accounts.ts';
import { grantRole } from '../src/modules/identity/roles.ts';
import { createSession } from '../src/modules/identity/sessions.ts';
import { csrfTokenFor } from '../src/modules/identity/web-session.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

// The platform measures belong to the statistics module; here they are a fixed 80 % so the
// measured indicator's score is known (rate × max).
vi.mock('../src/modules/reporting/statistics/kpi-measures.ts', () => ({
  KPI_MEASURES: [
    'online_full_procedures_share',
    'online_dossiers_share',
    'satisfaction_share',
    'on_time_share',
    'digitized_share',
  ],
  measureKpi: vi.fn(async (_db: unknown, measure: string) => (measure === 'on_time_share' ? 0.8 : null)),
}));

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);

const INDICATORS = [
  {
    pillar: 'Nhận thức số',
    code: 'NT1',
    name: 'Ban hành nghị quyết, kế hoạch chuyển đổi số của cơ quan',
    maxPoints: 10,
    evidenceRequired: 'Văn bản kế hoạch chuyển đổi số đã ký',
  },
  { pillar: 'Hạ tầng số', code: 'HT1', name: 'Tỷ lệ máy tính kết nối mạng chuyên dùng', maxPoints: 20 },
  {
    pillar: 'Chính quyền số',
    code: 'CQ1',
    name: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    maxPoints: 10,
    measure: 'on_time_share',
  },
];

type Problem = { code: string; detail: string; errors: { field: string; vi: string; en: string }[] };
type Ranking = {
  provisional: boolean;
  previousSet: { year: number } | null;
  rows: {
    agency: { id: string; name: { vi: string } };
    total: number;
    normalised: number;
    rank: number;
    pillars: Record<string, number>;
    previous: { rank: number; total: number } | null;
    change: { normalised: number; rank: number } | null;
  }[];
  pending: { id: string }[];
};

describeEachEngine('reporting: DX scorecards', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const demo = useDemoSessions(ctx, h, ['chuyendoiso', 'lanhdao', 'chuyenvien']);
  // Officials of two more departments, made here: the demo has one per role.
  const others: Record<string, { cookie: string; csrf: string; agency: string }> = {};
  const agencyByName = async (name: string) => {
    const [row] = await ctx.database.rows<{ id: string }>(
      sql`SELECT id FROM identity_agency WHERE name->>'vi' LIKE ${`${name}%`} AND kind = 'department'`,
    );
    return row!.id;
  };
  beforeAll(async () => {
    const people = [
      { login: 'yte', name: 'Sở Y tế', role: 'leader' as const },
      { login: 'xaydung', name: 'Sở Xây dựng', role: 'specialist' as const },
    ];
    for (const p of people) {
      const agency = await agencyByName(p.name);
      const token = await inTransaction(ctx.database, async (tx) => {
        const person = await createPerson(
          tx,
          {
            fullName: `Cán bộ ${p.name}`,
            email: `${p.login}@scorecards.test`,
            password: 'ChinhQuyenSo@2026',
          },
          { status: 'active' },
        );
        await grantRole(tx, person.id, agency, p.role, null, null);
        const s = await createSession(tx, {
          personId: person.id,
          idToken: null,
          userAgent: null,
          ip: null,
          hours: 1,
        });
        return s.token;
      });
      const csrf = csrfTokenFor(token);
      others[p.login] = { cookie: `cqs_session=${token}; cqs_csrf=${csrf}`, csrf, agency };
    }
  });
  const as = (who: string, req: InjectOptions) => {
    const other = others[who];
    if (!other) return demo.as(who, req);
    return h.app.inject({
      ...req,
      headers: { cookie: other.cookie, 'x-csrf-token': other.csrf, ...req.headers },
    });
  };
  const agencyOf = (who: string) => others[who]?.agency ?? demo.agencies[who]!;
  const api = '/api/reporting/scorecards';
  const sets: Record<number, string> = {};
  const path = (year: number, who: string, rest = '') =>
    `${api}/${sets[year]}/assessments/${agencyOf(who)}${rest}`;
  const saveScores = (who: string, year: number, scores: Record<string, unknown>[], agencyOfWho = who) =>
    as(who, { method: 'PUT', url: path(year, agencyOfWho, '/scores'), payload: { scores } });
  const upload = (
    who: string,
    year: number,
    bytes: Buffer,
    indicator = 'NT1',
    fileName = 'ke-hoach-cds.pdf',
  ) =>
    as(who, {
      method: 'POST',
      url: path(year, who, `/evidence?indicator=${indicator}&fileName=${encodeURIComponent(fileName)}`),
      payload: bytes,
      headers: { 'content-type': 'application/pdf' },
    });
  const submit = (who: string, year: number) => as(who, { method: 'POST', url: path(year, who, '/submit') });
  const review = (year: number, who: string, scores: Record<string, unknown>[]) =>
    as('chuyendoiso', { method: 'PUT', url: path(year, who, '/review'), payload: { scores } });
  const reviewed = (year: number, who: string) =>
    as('chuyendoiso', { method: 'POST', url: path(year, who, '/reviewed') });
  const rankingOf = async (who: string, year: number) => {
    const res = await as(who, { method: 'GET', url: `${api}/${sets[year]}/ranking` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Ranking;
  };

  it('the DX office defines a set; nobody else may', async () => {
    const body = {
      code: 'DTI-TEST',
      year: 2025,
      name: 'Bộ chỉ số đánh giá chuyển đổi số các sở, ban, ngành năm 2025',
      subjectKind: 'department',
      indicators: INDICATORS,
    };
    const refused = await as('lanhdao', { method: 'POST', url: api, payload: body });
    expect(refused.statusCode).toBe(403);
    const dup = await as('chuyendoiso', {
      method: 'POST',
      url: api,
      payload: { ...body, indicators: [...INDICATORS, INDICATORS[0]] },
    });
    expect(dup.statusCode).toBe(400);
    expect((dup.json() as Problem).errors[0]!.field).toBe('indicators.3.code');
    const res = await as('chuyendoiso', { method: 'POST', url: api, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    sets[2025] = created.set.id;
    expect(created.set.status).toBe('draft');
    expect(created.maxTotal).toBe(40);
    expect(created.indicators.map((i: { code: string }) => i.code)).toEqual(['NT1', 'HT1', 'CQ1']);
    // A draft is the DX office's: others do not see it.
    expect((await as('lanhdao', { method: 'GET', url: `${api}/${sets[2025]}` })).statusCode).toBe(404);
    // It is edited while a draft, then opened.
    const edit = await as('chuyendoiso', {
      method: 'PUT',
      url: `${api}/${sets[2025]}`,
      payload: { indicators: INDICATORS },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const open = await as('chuyendoiso', {
      method: 'POST',
      url: `${api}/${sets[2025]}/status`,
      payload: { status: 'open' },
    });
    expect(open.json().set.status).toBe('open');
    const late = await as('chuyendoiso', {
      method: 'PUT',
      url: `${api}/${sets[2025]}`,
      payload: { indicators: INDICATORS },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('SCORECARD.NOT_DRAFT');
  });

  it('a department self-assesses: scores within max, evidence by content, measured from the platform', async () => {
    const over = await saveScores('lanhdao', 2025, [
      { indicatorCode: 'NT1', selfScore: 8 },
      { indicatorCode: 'HT1', selfScore: 25 },
    ]);
    expect(over.statusCode).toBe(400);
    const p = over.json() as Problem;
    expect(p.code).toBe('SCORECARD.SCORES_INVALID');
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]!.field).toBe('scores.1.selfScore');
    expect(p.errors[0]!.vi).toContain('HT1');
    expect(p.errors[0]!.vi).toContain('20');
    // Nothing of the refused request was kept.
    const before = await as('lanhdao', { method: 'GET', url: path(2025, 'lanhdao') });
    expect(before.json().lines[0].selfScore).toBeNull();

    const saved = await saveScores('lanhdao', 2025, [
      { indicatorCode: 'NT1', selfScore: 8, explanation: 'Kế hoạch 12/KH-STP ngày 10/02/2025' },
      { indicatorCode: 'HT1', selfScore: 15 },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    const view = saved.json();
    expect(view.actions).toEqual(['edit', 'submit']);
    const measured = view.lines.find((l: { indicator: { code: string } }) => l.indicator.code === 'CQ1');
    expect(measured.measuredScore).toBe(8);
    expect(view.total).toBe(31);

    const measuredBySelf = await saveScores('lanhdao', 2025, [{ indicatorCode: 'CQ1', selfScore: 10 }]);
    expect(measuredBySelf.statusCode).toBe(400);
    expect(measuredBySelf.json().errors[0].vi).toContain('CQ1');
  });

  it('submitting without the required evidence is refused, naming the indicator', async () => {
    const res = await submit('lanhdao', 2025);
    expect(res.statusCode).toBe(400);
    const p = res.json() as Problem;
    expect(p.code).toBe('SCORECARD.INCOMPLETE');
    expect(p.errors.map((e) => e.field)).toEqual(['indicators.NT1.evidence']);
    expect(p.detail).toContain('NT1');
    expect(p.detail).toContain('Văn bản kế hoạch chuyển đổi số đã ký');

    const exe = await upload('chuyenvien', 2025, EXE, 'NT1', 'ke-hoach.pdf');
    expect(exe.statusCode).toBe(415);
    const pdf = await upload('chuyenvien', 2025, PDF);
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json().contentType).toBe('application/pdf');
    const file = await as('lanhdao', { method: 'GET', url: pdf.json().url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);

    const ok = await submit('lanhdao', 2025);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('submitted');
    expect(ok.json().actions).toEqual([]);
    // Submitted is final for the agency.
    const again = await saveScores('lanhdao', 2025, [{ indicatorCode: 'HT1', selfScore: 20 }]);
    expect(again.statusCode).toBe(409);
  });

  it("another department's official gets 403 on this assessment", async () => {
    expect((await as('xaydung', { method: 'GET', url: path(2025, 'lanhdao') })).statusCode).toBe(403);
    const write = await as('xaydung', {
      method: 'PUT',
      url: path(2025, 'lanhdao', '/scores'),
      payload: { scores: [{ indicatorCode: 'HT1', selfScore: 0 }] },
    });
    expect(write.statusCode).toBe(403);
    // A specialist of the agency may not review it.
    expect(
      (await as('chuyenvien', { method: 'POST', url: path(2025, 'lanhdao', '/reviewed') })).statusCode,
    ).toBe(403);
    // The list shows each official their own agency only.
    const list = await as('xaydung', { method: 'GET', url: `${api}/${sets[2025]}/assessments` });
    expect(list.json().items.map((i: { agency: { id: string } }) => i.agency.id)).toEqual([
      agencyOf('xaydung'),
    ]);
  });

  it('the DX office reviews and fixes a score; ranks are shared on ties', async () => {
    // Two more departments assess: Xây dựng ties with Tư pháp after the review.
    expect(
      (
        await saveScores('xaydung', 2025, [
          { indicatorCode: 'NT1', selfScore: 5 },
          { indicatorCode: 'HT1', selfScore: 16 },
        ])
      ).statusCode,
    ).toBe(200);
    expect((await upload('xaydung', 2025, PDF, 'NT1', 'Quyết định số 45.pdf')).statusCode).toBe(201);
    expect((await submit('xaydung', 2025)).statusCode).toBe(200);
    expect(
      (
        await saveScores('yte', 2025, [
          { indicatorCode: 'NT1', selfScore: 0 },
          { indicatorCode: 'HT1', selfScore: 20 },
        ])
      ).statusCode,
    ).toBe(200);
    // A zero claims nothing, so it needs no proof.
    expect((await submit('yte', 2025)).statusCode).toBe(200);

    const tooHigh = await review(2025, 'lanhdao', [{ indicatorCode: 'NT1', reviewedScore: 11 }]);
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().errors[0]).toMatchObject({ field: 'scores.0.reviewedScore' });
    expect(tooHigh.json().errors[0].vi).toContain('NT1');
    const fixed = await review(2025, 'lanhdao', [
      { indicatorCode: 'NT1', reviewedScore: 6, reviewNote: 'Kế hoạch chưa có lộ trình năm 2025' },
    ]);
    expect(fixed.statusCode, fixed.body).toBe(200);
    const line = fixed.json().lines[0];
    expect(line).toMatchObject({ selfScore: 8, reviewedScore: 6, score: 6 });
    expect(fixed.json().total).toBe(29);

    // Before the review is done, only the DX office sees these scores.
    expect((await rankingOf('xaydung', 2025)).rows).toEqual([]);
    const provisional = await rankingOf('chuyendoiso', 2025);
    expect(provisional.provisional).toBe(true);
    expect(provisional.rows).toHaveLength(3);

    for (const who of ['lanhdao', 'xaydung', 'yte']) expect((await reviewed(2025, who)).statusCode).toBe(200);
    const r = await rankingOf('xaydung', 2025);
    expect(r.provisional).toBe(false);
    expect(r.previousSet).toBeNull();
    expect(r.rows.map((x) => [x.agency.id, x.total, x.rank])).toEqual(
      expect.arrayContaining([
        [agencyOf('lanhdao'), 29, 1],
        [agencyOf('xaydung'), 29, 1],
        [agencyOf('yte'), 28, 3],
      ]),
    );
    expect(r.rows[2]!.agency.id).toBe(agencyOf('yte'));
    expect(r.rows[0]!.normalised).toBe(0.725);
    expect(r.rows[0]!.pillars['Chính quyền số']).toBe(8);
  });

  it('a set is copied to the next year and ranked against the previous one', async () => {
    const copy = await as('chuyendoiso', {
      method: 'POST',
      url: `${api}/${sets[2025]}/copy`,
      payload: { year: 2026 },
    });
    expect(copy.statusCode, copy.body).toBe(201);
    sets[2026] = copy.json().set.id;
    expect(copy.json().set.name).toContain('2026');
    expect(copy.json().indicators.map((i: { code: string }) => i.code)).toEqual(['NT1', 'HT1', 'CQ1']);
    const twice = await as('chuyendoiso', {
      method: 'POST',
      url: `${api}/${sets[2025]}/copy`,
      payload: { year: 2026 },
    });
    expect(twice.statusCode).toBe(409);
    await as('chuyendoiso', {
      method: 'POST',
      url: `${api}/${sets[2026]}/status`,
      payload: { status: 'open' },
    });
    // Last year's set closes: read-only.
    await as('chuyendoiso', {
      method: 'POST',
      url: `${api}/${sets[2025]}/status`,
      payload: { status: 'closed' },
    });
    expect((await review(2025, 'yte', [{ indicatorCode: 'HT1', reviewedScore: 1 }])).statusCode).toBe(409);

    await saveScores('lanhdao', 2026, [
      { indicatorCode: 'NT1', selfScore: 10 },
      { indicatorCode: 'HT1', selfScore: 20 },
    ]);
    await upload('lanhdao', 2026, PDF);
    expect((await submit('lanhdao', 2026)).statusCode).toBe(200);
    await saveScores('yte', 2026, [
      { indicatorCode: 'NT1', selfScore: 0 },
      { indicatorCode: 'HT1', selfScore: 18 },
    ]);
    expect((await submit('yte', 2026)).statusCode).toBe(200);

    const r = await rankingOf('chuyendoiso', 2026);
    expect(r.previousSet?.year).toBe(2025);
    expect(r.pending.map((a) => a.id)).toContain(agencyOf('xaydung'));
    const justice = r.rows.find((x) => x.agency.id === agencyOf('lanhdao'))!;
    expect(justice).toMatchObject({ total: 38, rank: 1, normalised: 0.95, previous: { rank: 1, total: 29 } });
    expect(justice.change).toEqual({ normalised: 0.225, rank: 0 });
    const health = r.rows.find((x) => x.agency.id === agencyOf('yte'))!;
    expect(health).toMatchObject({ total: 26, rank: 2, previous: { rank: 3, total: 28 } });
    expect(health.change).toEqual({ normalised: -0.05, rank: 1 });
  });

  it('the demo seed ranks departments in 2026 against their reviewed 2025 scores', async () => {
    const list = await as('lanhdao', { method: 'GET', url: api });
    const demoSets = (
      list.json().items as { id: string; code: string; year: number; status: string }[]
    ).filter((x) => x.code === 'DTI-SO');
    expect(demoSets.map((x) => [x.year, x.status])).toEqual([
      [2026, 'open'],
      [2025, 'closed'],
    ]);
    const set2026 = demoSets[0]!.id;
    const office = await as('chuyendoiso', { method: 'GET', url: `${api}/${set2026}/ranking` });
    const r = office.json() as Ranking;
    expect(r.previousSet?.year).toBe(2025);
    expect(r.rows.length).toBeGreaterThanOrEqual(4);
    expect(r.rows.every((x) => x.previous !== null && x.change !== null)).toBe(true);
    // The demo leaves Sở Tư pháp's 2026 self-assessment to be done (the e2e test does it).
    expect(r.pending.map((a) => a.id)).toContain(demo.agencies.lanhdao);
  });

  it('the ranking downloads as an .xlsx with headers and values', async () => {
    const res = await as('chuyendoiso', { method: 'GET', url: `${api}/${sets[2026]}/ranking.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('filename*=UTF-8');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('BỘ CHỈ SỐ');
    const headers = (ws.getRow(4).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 2)).toEqual(['Xếp hạng', 'Cơ quan, đơn vị']);
    expect(headers).toContain('Tổng điểm (tối đa 40)');
    expect(headers).toContain('Xếp hạng 2025');
    const first = (ws.getRow(5).values as unknown[]).slice(1);
    expect(first[0]).toBe(1);
    expect(String(first[1])).toContain('Sở Tư pháp');
    expect(first[headers.indexOf('Tổng điểm (tối đa 40)')]).toBe(38);
    expect(first[headers.indexOf('Xếp hạng 2025')]).toBe(1);
  });
});
