import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { seedDemoPlan } from '../seed/dx-plan.ts';
import { sendPlanReminders } from '../src/modules/reporting/plan/reminders.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);

type Task = {
  id: string;
  code: string;
  groupCode: string;
  leadName: string | null;
  leadAgencyId: string | null;
  status: string;
  progress: number;
  actions: string[];
};
type Plan = {
  id: string;
  number: string;
  groups: { code: string; tasks: number }[];
  tasks: Task[];
  actions: string[];
};
type Report = {
  plan: { number: string };
  totals: { tasks: number };
  groups: {
    code: string;
    tasks: number;
    done: number;
    inProgress: number;
    notStarted: number;
    overdue: number;
  }[];
  tasks: {
    id: string;
    status: string;
    progress: number;
    latestReport: { note: string | null; evidence: number } | null;
  }[];
  kpis: {
    code: string;
    target: number | null;
    targetYear: number | null;
    value: number | null;
    met: boolean | null;
  }[];
};

const HEADER =
  'loai,ma,ten,nhom,chu_tri,phoi_hop,thoi_han,trang_thai,tien_do,don_vi,do_tu_dong,muc_tieu,ngay_ban_hanh,co_quan_ban_hanh,giai_doan';
const smallPlan = (number: string, taskRows: string[]) =>
  [
    '# a comment line, then the header',
    HEADER,
    `ke_hoach,${number},Kế hoạch thử,,Sở Khoa học và Công nghệ,,,,,,,,01/03/2024,Ủy ban nhân dân tỉnh Tuyên Quang,2024-2026`,
    'nhom,A,Hạ tầng số,,,,,,,,,,,,',
    ...taskRows,
    'chi_tieu,K1,Tỷ lệ hồ sơ trực tuyến,,,,,,,%,online_dossiers_share,2025: 50; 2026: 60,,,',
  ].join('\n');

describeEachEngine('reporting: the digital-transformation plan', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const { ids, as } = useDemoSessions(ctx, h, ['chuyendoiso', 'lanhdao', 'chuyenvien', 'motcua']);
  let plan: Plan;
  const getPlan = async (who = 'chuyendoiso') => {
    const res = await as(who, { method: 'GET', url: `/api/reporting/plans/${plan.id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Plan;
  };
  const countRows = async (table: string) =>
    (await ctx.database.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

  beforeAll(async () => {
    expect(await seedDemoPlan(ctx.database)).toBe(true);
    expect(await seedDemoPlan(ctx.database)).toBe(false); // safe to repeat
    const list = await as('chuyendoiso', { method: 'GET', url: '/api/reporting/plans' });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: string; number: string; tasks: number }[];
    const found = items.find((p) => p.number === '55/KH-UBND')!;
    expect(found.tasks).toBe(109);
    plan = { id: found.id } as Plan;
    plan = await getPlan();
  });

  it("loads the seeds' plan: 109 tasks in 6 groups (4/17/13/32/40/3), leads matched to our agencies", async () => {
    expect(plan.groups.map((g) => g.tasks)).toEqual([4, 17, 13, 32, 40, 3]);
    expect(plan.actions).toEqual(['manage']);
    const justice = plan.tasks.filter((t) => t.leadName?.startsWith('Sở Tư pháp'));
    expect(justice.length).toBeGreaterThan(3);
    expect(justice.every((t) => t.leadAgencyId !== null)).toBe(true);
    // Not one of our agencies: kept as the plan's text.
    expect(plan.tasks.some((t) => t.leadName === 'Công an tỉnh' && t.leadAgencyId === null)).toBe(true);
    const res = await as('chuyendoiso', {
      method: 'GET',
      url: `/api/reporting/plans/${plan.id}/report?period=2026-H1`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as Report;
    expect(report.totals.tasks).toBe(109);
    expect(report.groups.map((g) => g.tasks)).toEqual([4, 17, 13, 32, 40, 3]);
    for (const g of report.groups) expect(g.done + g.inProgress + g.notStarted).toBe(g.tasks);
    expect(report.kpis).toHaveLength(6);
    // 2026 has no target of its own: the nearest later one (2030) applies.
    expect(report.kpis[0]).toMatchObject({ code: 'CT1', targetYear: 2030, target: 100 });
    const bad = await as('chuyendoiso', {
      method: 'GET',
      url: `/api/reporting/plans/${plan.id}/report?period=2026-Q3`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.period');
  });

  it('lists upcoming report deadlines: yearly 15 Dec, six-monthly 15 Jun', async () => {
    const res = await as('lanhdao', { method: 'GET', url: `/api/reporting/plans/${plan.id}/deadlines` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { period: string; due: string }[];
    expect(items.find((d) => d.period === '2027-H1')?.due).toBe('2027-06-15');
    expect(items.find((d) => d.period === '2027')?.due).toBe('2027-12-15');
    expect(items.at(-1)?.period).toBe('2030');
  });

  it('refuses an import with a bad row, naming the row, and writes nothing; a good one is created', async () => {
    const before = await Promise.all(
      ['reporting_plan', 'reporting_plan_group', 'reporting_plan_task', 'reporting_kpi'].map(countRows),
    );
    const bad = smallPlan('99/KH-UBND', [
      'nhiem_vu,A.1,Nâng cấp mạng truyền số liệu chuyên dùng cấp xã,A,Sở Khoa học và Công nghệ,,31/12/2025,,,,,,,,',
      'nhiem_vu,A.2,Xây dựng cơ sở dữ liệu đất đai tỉnh,,Sở Nông nghiệp và Môi trường,,2025,,,,,,,,',
      'nhiem_vu,A.3,Số hóa hồ sơ,A,Sở Tư pháp,,31/02/2025,,150,,,,,,',
    ]);
    const res = await as('chuyendoiso', {
      method: 'POST',
      url: '/api/reporting/plans/import',
      payload: Buffer.from(bad),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json() as {
      code: string;
      detail: string;
      en: { detail: string };
      errors: { vi: string; en: string }[];
    };
    expect(problem.code).toBe('PLAN.IMPORT_INVALID');
    expect(problem.detail).toContain('Dòng 6: thiếu nhóm nhiệm vụ');
    expect(problem.en.detail).toContain('Row 6: the task group is missing');
    expect(problem.errors.map((e) => e.vi)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Dòng 7: thời hạn/),
        expect.stringMatching(/^Dòng 7: tiến độ/),
      ]),
    );
    const after = await Promise.all(
      ['reporting_plan', 'reporting_plan_group', 'reporting_plan_task', 'reporting_kpi'].map(countRows),
    );
    expect(after).toEqual(before);

    // The leader of a department may not import; an old .xls is refused by its bytes.
    const good = smallPlan('99/KH-UBND', [
      'nhiem_vu,A.1,Nâng cấp mạng truyền số liệu chuyên dùng cấp xã,A,Sở Tư pháp,,Hằng năm,,,,,,,,',
    ]);
    const forbidden = await as('lanhdao', {
      method: 'POST',
      url: '/api/reporting/plans/import',
      payload: Buffer.from(good),
      headers: { 'content-type': 'text/csv' },
    });
    expect(forbidden.statusCode).toBe(403);
    const xls = await as('chuyendoiso', {
      method: 'POST',
      url: '/api/reporting/plans/import',
      payload: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(xls.statusCode).toBe(415);

    const latin = await as('chuyendoiso', {
      method: 'POST',
      url: '/api/reporting/plans/import',
      payload: Buffer.concat([
        Buffer.from(`${HEADER}\n`),
        Buffer.from([0x4b, 0xe9, 0x20, 0x68, 0x6f, 0xe1, 0x63, 0x68]),
      ]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(latin.statusCode).toBe(415);
    expect(latin.json().detail).toContain('UTF-8');
    // The same layout as an Excel workbook.
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Kế hoạch');
    for (const line of good.split('\n').filter((l) => !l.startsWith('#'))) ws.addRow(line.split(','));
    const created = await as('chuyendoiso', {
      method: 'POST',
      url: '/api/reporting/plans/import',
      payload: Buffer.from(await book.xlsx.writeBuffer()),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ groups: 1, tasks: 1, kpis: 1, unmatchedLeads: [] });
    const again = await as('chuyendoiso', {
      method: 'POST',
      url: '/api/reporting/plans/import',
      payload: Buffer.from(good),
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(again.statusCode).toBe(409);
  });

  it("takes the lead agency's progress report with evidence, updates the task and the report; others get 403", async () => {
    const task = plan.tasks.find((t) => t.code === '5.4')!; // Sở Tư pháp, not started
    expect(task.leadName).toBe('Sở Tư pháp tỉnh Tuyên Quang');
    const seenByLeader = (await getPlan('lanhdao')).tasks.find((t) => t.id === task.id)!;
    expect(seenByLeader.actions).toContain('report');
    const url = `/api/reporting/plans/${plan.id}/tasks/${task.id}/reports`;
    const body = {
      status: 'in_progress',
      progress: 45,
      note: 'Đã số hóa 45% sổ công chứng giai đoạn 2015–2020.',
      evidence: [{ fileName: 'Biên bản kiểm tra.pdf', contentBase64: PDF.toString('base64') }],
    };
    // Bad input: a 400 with the field, a renamed program 415, nothing written.
    const wrong = await as('lanhdao', { method: 'POST', url, payload: { ...body, status: 'done' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.progress');
    const impossible = await as('lanhdao', {
      method: 'POST',
      url,
      payload: { ...body, reportedOn: '2026-02-31' },
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().errors[0].field).toBe('body.reportedOn');
    const future = await as('lanhdao', {
      method: 'POST',
      url,
      payload: { ...body, reportedOn: '2099-01-01' },
    });
    expect(future.statusCode).toBe(400);
    const exe = await as('lanhdao', {
      method: 'POST',
      url,
      payload: { ...body, evidence: [{ fileName: 'bao-cao.pdf', contentBase64: EXE.toString('base64') }] },
    });
    expect(exe.statusCode).toBe(415);
    // Another agency's official, and a task of another agency.
    expect((await as('motcua', { method: 'POST', url, payload: body })).statusCode).toBe(403);
    const health = plan.tasks.find((t) => t.leadName?.startsWith('Sở Y tế'))!;
    const other = await as('lanhdao', {
      method: 'POST',
      url: `/api/reporting/plans/${plan.id}/tasks/${health.id}/reports`,
      payload: body,
    });
    expect(other.statusCode).toBe(403);
    expect(await countRows('reporting_task_report')).toBe(0);

    const res = await as('lanhdao', { method: 'POST', url, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json() as { id: string; evidence: { url: string; contentType: string }[] };
    expect(report.evidence[0]!.contentType).toBe('application/pdf');
    const file = await as('chuyendoiso', { method: 'GET', url: report.evidence[0]!.url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);

    const updated = (await getPlan()).tasks.find((t) => t.id === task.id)!;
    expect(updated).toMatchObject({ status: 'in_progress', progress: 45 });
    const listed = await as('chuyenvien', { method: 'GET', url });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toHaveLength(1);
    const year = new Date().getUTCFullYear();
    const yearly = (
      await as('chuyendoiso', { method: 'GET', url: `/api/reporting/plans/${plan.id}/report?period=${year}` })
    ).json() as Report;
    const row = yearly.tasks.find((t) => t.id === task.id)!;
    expect(row).toMatchObject({ status: 'in_progress', progress: 45 });
    expect(row.latestReport).toMatchObject({ note: body.note, evidence: 1 });
  });

  it('keeps hand-entered KPI values and compares them with the target', async () => {
    const kpis = (
      await as('chuyendoiso', { method: 'GET', url: `/api/reporting/plans/${plan.id}/kpis?year=2025` })
    ).json().items as { id: string; code: string }[];
    const fibre = kpis.find((k) => k.code === 'CT6')!;
    const put = (who: string, value: number) =>
      as(who, {
        method: 'PUT',
        url: `/api/reporting/plans/${plan.id}/kpis/${fibre.id}/values/2025`,
        payload: { value },
      });
    expect((await put('lanhdao', 85)).statusCode).toBe(403);
    expect((await put('chuyendoiso', 85)).statusCode).toBe(204);
    const after = (
      await as('chuyendoiso', { method: 'GET', url: `/api/reporting/plans/${plan.id}/kpis?year=2025` })
    ).json().items as { code: string; value: number; target: number; met: boolean; source: string }[];
    expect(after.find((k) => k.code === 'CT6')).toMatchObject({
      value: 85,
      target: 80,
      met: true,
      source: 'entered',
    });
  });

  it('gives the report as an Excel workbook with the title row, headers and values', async () => {
    const res = await as('chuyendoiso', {
      method: 'GET',
      url: `/api/reporting/plans/${plan.id}/report?period=2025&format=xlsx`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const groups = book.worksheets[0]!;
    expect(String(groups.getCell(1, 1).value)).toContain('55/KH-UBND');
    expect(groups.getRow(4).getCell(2).value).toBe('Nhóm nhiệm vụ');
    expect(groups.getRow(4).getCell(3).value).toBe('Số nhiệm vụ');
    expect([5, 6, 7, 8, 9, 10].map((r) => groups.getRow(r).getCell(3).value)).toEqual([4, 17, 13, 32, 40, 3]);
    expect(groups.getRow(11).getCell(3).value).toBe(109);
    const tasks = book.worksheets[1]!;
    expect(tasks.rowCount).toBe(4 + 109);
    const kpis = book.worksheets[2]!;
    const fibre = [5, 6, 7, 8, 9, 10].map((r) => kpis.getRow(r)).find((r) => r.getCell(1).value === 'CT6')!;
    expect(fibre.getCell(5).value).toBe(80);
    expect(fibre.getCell(6).value).toBe(85);
    expect(fibre.getCell(8).value).toBe('Đạt');
  });

  it('gives the report as a PDF with the administrative header, the plan number and the group counts', async () => {
    const res = await as('chuyendoiso', {
      method: 'GET',
      url: `/api/reporting/plans/${plan.id}/report?period=2026-H1&format=pdf`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cqs-plan-')), 'report.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('55/KH-UBND');
    expect(text).toContain('6 tháng đầu năm 2026');
    const counts = [
      'Nâng cao nhận thức',
      'Hoàn thiện thể chế',
      'Phát triển hạ tầng số',
      'Phát triển ứng dụng',
      'Phát triển dữ liệu số',
      'Bảo đảm an toàn',
    ].map(
      (name) =>
        new RegExp(`${name}[^\\n]*?\\s(\\d+)\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+[\\d,]+%`).exec(text)?.[1],
    );
    expect(counts).toEqual(['4', '17', '13', '32', '40', '3']);
    expect(text).toMatch(/Tổng cộng\s+109/);
    expect(text).toContain('5.4'); // the task table runs over several pages
  });

  it("reminds the lead agency's leader once, 7 days before the six-monthly report is due", async () => {
    const notices = async () =>
      (
        await ctx.database.rows<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM notification WHERE recipient_id = ${ids.lanhdao} AND kind = 'dx.plan_report_due'`,
        )
      )[0]!.n;
    const before = await notices();
    const sixDaysBefore = new Date('2027-06-09T02:00:00Z');
    const first = await sendPlanReminders(ctx.database, sixDaysBefore);
    expect(first).toBeGreaterThan(1); // every lead agency with unfinished tasks
    expect(await sendPlanReminders(ctx.database, sixDaysBefore)).toBe(0);
    expect(await notices()).toBe(before + 1);
    const [notice] = await ctx.database.rows<{ title: { vi: string }; link: string }>(
      sql`SELECT title, link FROM notification WHERE recipient_id = ${ids.lanhdao} AND kind = 'dx.plan_report_due' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(notice!.title.vi).toContain('15/06/2027');
    expect(notice!.link).toContain(plan.id);
    // Overdue is its own step, again once; and nothing a month before.
    expect(await sendPlanReminders(ctx.database, new Date('2027-05-01T02:00:00Z'))).toBe(0);
    const late = new Date('2027-06-20T02:00:00Z');
    expect(await sendPlanReminders(ctx.database, late)).toBeGreaterThan(0);
    expect(await sendPlanReminders(ctx.database, late)).toBe(0);
  });
});
