import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  ensureWebBuilt,
  fitsViewportWidth,
  launchChromium,
  type RunningServer,
  resultsDir,
  seriousA11yViolations,
  signInFromHome,
  signInOfficialFirstTime,
  startServer,
  watchProblems,
} from './support/index.ts';

const PASSWORD = 'ChinhQuyenSo@2026';
const DESK = 'motcua@demo.cqs.example';
const LEADER = 'lanhdao@demo.cqs.example';
const SPECIALIST = 'chuyenvien@demo.cqs.example';
const CITIZEN = 'nguyenvanan@demo.cqs.example';
const CITIZEN_CCCD = '008090001234';
const WALK_IN = { fullName: 'Lê Thị Hồng', cccd: '008195006543', phone: '0987654321' };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

// A 1×1 PNG (a photographed page) and a one-page PDF (the signed result).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * A reload cancels the favicon's request if it is still loading: the browser's doing, not the page's.
 */
const real = (problems: string[]) => problems.filter((p) => !p.includes('/favicon.svg'));

/** Only the portal's own pages count (not the sign-in provider's). */
const portal = (url: URL) => !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/auth');

/**
 * The officials' workspace in a real browser: a walk-in dossier taken in at the counter (scanned,
 * digitized, receipt printed), and an online dossier from the citizen's submission to the
 * electronic return, through the desk, the leader and the specialist, each signed in as themselves.
 */
describe("officials' workspace", () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: { context: BrowserContext; page: Page; problems: string[] };
  let walkInCode = '';

  const url = (path: string) => `${server.url}${path}`;
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(resultsDir, name), fullPage: true });

  /** An official's own browser, signed in (first sign-in: two-factor enrolment), watched for problems. */
  async function official(login: string) {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await context.newPage();
    await signInOfficialFirstTime(page, server.url, login, PASSWORD);
    // The home page the sign-in lands on finishes loading before the next page replaces it.
    await page.waitForLoadState('networkidle');
    return { context, page, problems: watchProblems(page, { where: portal }) };
  }

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    server = await startServer({ env: { PROVINCE_CODE: '08' } });
    browser = await launchChromium();
    desk = await official(DESK);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** On failure, what the page showed and what went wrong in it, for the report. */
  function keepEvidence(name: string, page: Page, problems: string[]) {
    onTestFailed(async () => {
      await page.screenshot({ path: join(resultsDir, `workspace-failed-${name}.png`), fullPage: true });
      console.error(`${name}: ${page.url()}\n${problems.join('\n')}`);
    });
  }

  it('takes in a walk-in dossier at the counter: new applicant, scan, digitized, receipt', async () => {
    const { page, problems } = desk;
    keepEvidence('intake', page, problems);
    await page.goto(url('/can-bo'));
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
    await page.getByTestId('count-all').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'workspace-queue-empty-1440x900.png');

    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ trực tiếp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ trực tiếp' }).waitFor();

    // Nobody has an account with this CCCD (the one 404 of this test): the details are typed.
    await page.getByLabel('Số CCCD').fill(WALK_IN.cccd);
    await page.getByRole('button', { name: 'Tìm theo CCCD' }).click();
    await page.getByTestId('lookup-none').waitFor();
    await page.getByLabel('Họ và tên').fill(WALK_IN.fullName);
    await page.getByLabel('Số điện thoại').fill(WALK_IN.phone);
    await page.getByLabel('Địa chỉ liên hệ').fill('Tổ 5, phường Minh Xuân');

    // A commune-level procedure asks for the deciding commune, found without diacritics.
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByRole('button', { name: /Chọn thủ tục Thủ tục đăng ký khai sinh \(1\.001193\)/ }).click();
    const committee = page.getByRole('combobox', { name: 'Ủy ban nhân dân xã, phường giải quyết' });
    await committee.fill('tan trao');
    await page.getByRole('option', { name: 'Ủy ban nhân dân xã Tân Trào' }).click();
    expect(await committee.inputValue()).toBe('Ủy ban nhân dân xã Tân Trào');
    await page.getByRole('button', { name: 'Đổi thủ tục' }).click();

    await page.getByLabel('Tìm thủ tục').fill('1.000426');
    await page.getByRole('button', { name: /Chọn thủ tục Cấp thẻ tư vấn viên pháp luật/ }).click();
    await page.getByTestId('picked-procedure').waitFor();

    // A mistyped CCCD is caught here, next to the field, and nothing typed is lost.
    // Until the required papers are ticked, the desk is reminded instead of receiving.
    await page.getByText('Hồ sơ chưa đủ thành phần bắt buộc').waitFor();
    expect(await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy hẹn' }).isDisabled()).toBe(true);
    await page.getByLabel('Số CCCD').fill('0081950065');
    for (const n of [1, 2, 3]) await page.getByLabel(`Đã nhận thành phần ${n}`).check();
    await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy hẹn' }).click();
    await page.getByText('Số CCCD gồm đúng 12 chữ số.').waitFor();
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(WALK_IN.fullName);
    await page.getByLabel('Số CCCD').fill(WALK_IN.cccd);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'workspace-intake-1440x900.png');

    await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy hẹn' }).click();
    await page.getByTestId('intake-done').waitFor();
    walkInCode = (await page.getByTestId('print-summary').locator('strong').first().textContent()) ?? '';
    expect(walkInCode).toMatch(/^[0-9A-Z.]+-\d{6}-\d{4}$/);
    const dossierId = new URL(page.url()).searchParams.get('hoSo')!;

    // Scan the first component (a photo), see it in place, then mark the dossier digitized.
    await page
      .locator('input[type=file][aria-label="Tải bản quét — thành phần 1"]')
      .setInputFiles({ name: 'giay-xac-nhan.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('component-0').getByTestId('file-count').filter({ hasText: '1 tệp' }).waitFor();
    await page.getByRole('button', { name: 'Xem: giay-xac-nhan.png' }).click();
    await page.getByRole('img', { name: 'Bản chụp giay-xac-nhan.png' }).waitFor();
    await page.getByRole('button', { name: 'Đánh dấu đã số hóa' }).click();
    await page.getByTestId('digitized').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'workspace-intake-done-1440x900.png');

    // The receipt (Form 01, with its QR code) is a real PDF.
    const href = await page.getByTestId('receipt-link').getAttribute('href');
    expect(href).toBe(`/api/dossiers/${dossierId}/forms/01`);
    const receipt = await page.request.get(url(href!));
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    expect((await receipt.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // In the "in progress" queue with its deadline colour, in words too.
    await page.getByRole('link', { name: 'Về danh sách đang xử lý' }).click();
    await page.getByRole('tab', { name: /Đang xử lý/, selected: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: walkInCode });
    await row.waitFor();
    const api = await (await page.request.get(url(`/api/dossiers?queue=in_progress&q=${walkInCode}`))).json();
    const tone = api.items[0].tone as string;
    expect(await row.getByTestId('deadline').getAttribute('data-tone')).toBe(tone);
    expect(await row.getByTestId('deadline').textContent()).toMatch(
      /(Còn hạn|Sắp đến hạn|Quá hạn) · (còn \d+ ngày làm việc|hết hạn trong hôm nay|quá hạn)/,
    );
    expect(await row.getByText(WALK_IN.fullName).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'workspace-queue-1440x900.png');

    const unexpected = real(problems).filter(
      (p) => !p.includes('/api/identity/persons/lookup') && !p.includes('status of 404'),
    );
    expect(unexpected).toEqual([]);
  }, 180_000);

  it('follows an online dossier from the citizen to the electronic return', async () => {
    // The citizen files online through the API, signed in as a person would be.
    const citizen = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const citizenPage = await citizen.newPage();
    await signInFromHome(citizenPage, server.url, CITIZEN, PASSWORD);
    const citizenCsrf = (await citizen.cookies()).find((c) => c.name === 'cqs_csrf')!.value;
    // The workspace tells a citizen, politely, that it is for officials.
    await citizenPage.goto(url('/can-bo'));
    await citizenPage.getByText('Trang này dành cho cán bộ giải quyết thủ tục hành chính').waitFor();
    await citizenPage.getByRole('link', { name: 'Đến Hồ sơ của tôi' }).waitFor();
    const filed = await citizenPage.request.post(url('/api/dossiers'), {
      headers: { 'x-csrf-token': citizenCsrf, 'idempotency-key': 'e2e-workspace-online-1' },
      data: { procedureCode: '1.000426', formData: {} },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    const detail = `/can-bo/ho-so/${id}`;

    // The desk finds it among the dossiers to check, and receives it.
    const { page, problems } = desk;
    keepEvidence('online', page, problems);
    await page.goto(url('/can-bo?queue=to_receive'));
    await page.getByTestId('count-to_receive').filter({ hasText: '1' }).waitFor();
    const waiting = page.getByRole('row').filter({ hasText: 'Nguyễn Văn An' });
    await waiting.getByRole('link', { name: 'Chưa cấp mã' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ chưa cấp mã' }).waitFor();
    await page.getByTestId('timeline').getByText('Nộp hồ sơ').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'workspace-detail-to-receive-1440x900.png');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.getByRole('dialog', { name: 'Tiếp nhận hồ sơ' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByTestId('action-done').waitFor();
    await page.getByTestId('form-01').waitFor();
    const code = (await page.getByTestId('dossier-code').textContent())!;
    expect(code).toMatch(/^[0-9A-Z.]+-\d{6}-\d{4}$/);
    await page.getByTestId('status').filter({ hasText: 'Đã tiếp nhận' }).waitFor();

    // The leader of the deciding department assigns it to the specialist.
    const leader = await official(LEADER);
    await leader.page.goto(url(detail));
    await leader.page.getByRole('heading', { level: 1, name: code }).waitFor();
    await leader.page.getByRole('button', { name: 'Phân công xử lý' }).click();
    await leader.page.getByRole('radio', { name: /Trần Văn Hùng/ }).check();
    await leader.page.getByRole('dialog').getByRole('button', { name: 'Phân công', exact: true }).click();
    await leader.page.getByTestId('action-done').waitFor();
    await leader.page.getByTestId('status').filter({ hasText: 'Đang xử lý' }).waitFor();

    // The specialist asks for a supplement: two items, once.
    const specialist = await official(SPECIALIST);
    await specialist.page.goto(url(detail));
    await specialist.page.getByText('Trần Văn Hùng', { exact: true }).first().waitFor();
    await specialist.page.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
    const dialog = specialist.page.getByRole('dialog');
    await dialog.getByLabel('Nội dung cần bổ sung 1').fill('Bản sao Bằng cử nhân luật có chứng thực');
    await dialog.getByRole('button', { name: 'Thêm nội dung' }).click();
    await dialog
      .getByLabel('Nội dung cần bổ sung 2')
      .fill('Giấy xác nhận thời gian công tác có chữ ký, đóng dấu');
    await dialog.getByLabel(/Lý do, hướng dẫn thêm/).fill('Bản sao nộp kèm chưa được chứng thực.');
    await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await specialist.page.getByTestId('action-done').waitFor();
    await specialist.page.getByTestId('status').filter({ hasText: 'Chờ bổ sung' }).waitFor();
    const timeline = specialist.page.getByTestId('timeline');
    await timeline.getByText('Bản sao Bằng cử nhân luật có chứng thực').waitFor();
    await timeline.getByText('Giấy xác nhận thời gian công tác có chữ ký, đóng dấu').waitFor();
    await specialist.page.getByTestId('form-02').waitFor();

    // The citizen delivers the supplement (their own page is another test).
    const supplied = await citizenPage.request.post(url(`/api/dossiers/${id}/commands`), {
      headers: { 'x-csrf-token': citizenCsrf },
      data: { type: 'supply' },
    });
    expect(supplied.status(), await supplied.text()).toBe(200);

    // The leader approves.
    await leader.page.reload();
    await leader.page.getByTestId('status').filter({ hasText: 'Đang xử lý' }).waitFor();
    await leader.page.getByRole('button', { name: 'Phê duyệt kết quả' }).click();
    await leader.page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await leader.page.getByTestId('action-done').waitFor();
    await leader.page.getByTestId('status').filter({ hasText: 'Đã có kết quả' }).waitFor();

    // Returning it electronically before a result file exists: the server says why, in place.
    await page.reload();
    await page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    const returning = page.getByRole('dialog', { name: 'Trả kết quả cho người nộp' });
    expect(await returning.getByRole('radio', { name: /Trực tuyến/ }).isChecked()).toBe(true);
    await returning.getByRole('button', { name: 'Xác nhận trả kết quả' }).click();
    await returning.getByTestId('action-error').filter({ hasText: 'Chưa có kết quả điện tử' }).waitFor();
    await returning.getByRole('button', { name: 'Hủy' }).click();

    // The leader uploads the result.
    await leader.page.getByLabel('Tên kết quả').fill('Thẻ tư vấn viên pháp luật');
    await leader.page
      .locator('input[type=file][aria-label="Tải lên kết quả — kết quả giải quyết"]')
      .setInputFiles({ name: 'the-tu-van-vien.pdf', mimeType: 'application/pdf', buffer: PDF });
    await leader.page.getByTestId('results').getByText('Thẻ tư vấn viên pháp luật').waitFor();
    expect(real(leader.problems)).toEqual([]);

    // Now the desk returns it electronically.
    await page.reload();
    await page.getByTestId('results').getByText('the-tu-van-vien.pdf', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận trả kết quả' }).click();
    await page.getByTestId('action-done').waitFor();
    await page.getByTestId('status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    await page.getByTestId('no-actions').waitFor();
    await page.getByTestId('timeline').getByText('Hình thức trả: Trực tuyến (kết quả điện tử)').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'workspace-detail-1440x900.png');

    // Found among all dossiers by the applicant's CCCD, and by the name typed without diacritics.
    for (const q of [CITIZEN_CCCD, 'nguyen van an']) {
      await page.goto(url('/can-bo?queue=all'));
      await page.getByLabel('Tìm hồ sơ').fill(q);
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await page.getByTestId('search-summary').waitFor();
      await page.getByRole('row').filter({ hasText: code }).waitFor();
      expect(new URL(page.url()).searchParams.get('q')).toBe(q);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The same pages on a phone: no sideways scrolling.
    await page.setViewportSize(PHONE);
    await page.goto(url('/can-bo?queue=in_progress'));
    await page.getByTestId('queue-cards').getByText(walkInCode).waitFor();
    expect(await fitsViewportWidth(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'workspace-queue-390x844.png');
    await page.goto(url(detail));
    await page.getByRole('heading', { level: 1, name: code }).waitFor();
    await page.getByTestId('timeline').waitFor();
    expect(await fitsViewportWidth(page)).toBe(true);
    await shot(page, 'workspace-detail-390x844.png');
    await page.goto(url('/can-bo/tiep-nhan'));
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ trực tiếp' }).waitFor();
    expect(await fitsViewportWidth(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'workspace-intake-390x844.png');

    // The only failures were the ones provoked: the lookup of test 1 and the early electronic return.
    const expected = (p: string) =>
      p.includes('/api/identity/persons/lookup') ||
      (p.includes(`/api/dossiers/${id}/commands`) && p.includes('409')) ||
      p.includes('status of 404') ||
      p.includes('status of 409');
    expect(real(problems).filter((p) => !expected(p))).toEqual([]);
    expect(real(specialist.problems)).toEqual([]);
    await Promise.all([leader.context.close(), specialist.context.close(), citizen.close()]);
  }, 300_000);
});
