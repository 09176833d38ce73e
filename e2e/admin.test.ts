import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const SYSTEM_ADMIN = 'quantri@demo.cqs.example';
const AGENCY_ADMIN = 'quantri.so@demo.cqs.example';
const CITIZEN = 'nguyenvanan@demo.cqs.example';
const NEW_OFFICIAL = { fullName: 'Đinh Thị Hoa', email: 'dinhthihoa@tuyenquang.gov.vn' };

/** The portal's own pages, not the sign-in provider's server-rendered ones. */
const portalPages = (url: URL) => !url.pathname.startsWith('/oidc/') && !url.pathname.startsWith('/auth/');

/**
 * The administration (`/quan-tri`) as the province's system admin uses it on a desktop: agencies,
 * officials and roles, a procedure's new version, the holiday schedule, an OIDC client; then an
 * agency admin's narrower view, and a citizen's polite refusal.
 */
describe('administration', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let base = '';
  let admin: BrowserContext | undefined;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    server = await startServer({ env: { PROVINCE_CODE: '08' } });
    base = server.url;
    browser = await launchChromium();
    admin = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    page = await admin.newPage();
    problems = watchProblems(page, { where: portalPages });
    await signInOfficialFirstTime(page, base, SYSTEM_ADMIN, PASSWORD);
    await page.waitForLoadState('networkidle');
  });

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await server?.stop();
  });

  // The procedure editor keeps its save bar stuck to the bottom of the window, which a full-page
  // capture would paint mid-page: that page is captured as the window shows it.
  const shot = (name: string, size = '1440x900', fullPage = name !== 'procedure') =>
    page.screenshot({ path: join(resultsDir, `admin-${name}-${size}.png`), fullPage });

  /** Opens a section from the side navigation, as a person would. */
  async function openSection(name: string) {
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  it('opens on the organisation tree and finds an agency with its Decision 20/2020 code', async () => {
    await page.goto(`${base}/quan-tri`);
    await page.waitForURL(`${base}/quan-tri/co-quan`);
    await page.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' }).waitFor();
    const tree = page.getByRole('region', { name: 'Cây tổ chức của tỉnh' });
    await tree.getByText('Ủy ban nhân dân tỉnh Tuyên Quang', { exact: true }).waitFor();
    const justice = tree.locator('tr[data-agency="000.00.03.H08"]');
    await justice.getByText('Sở Tư pháp tỉnh Tuyên Quang').waitFor();
    expect(await justice.textContent()).toContain('Sở, ngành');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('agencies');
    // The communes are folded under one row until asked for.
    const communes = tree.getByRole('button', { name: /^Mở rộng Chính quyền cấp xã/ });
    await communes.click();
    await tree.getByText('Ủy ban nhân dân phường Hà Giang 1', { exact: true }).waitFor();

    await page.getByLabel('Tìm cơ quan').fill('tu phap');
    await page.waitForURL(/q=tu\+phap/);
    const results = page.getByRole('region', { name: 'Kết quả tìm cơ quan' });
    await results.getByText('Sở Tư pháp tỉnh Tuyên Quang').waitFor();
    expect(await results.locator('tr[data-agency="000.00.03.H08"]').textContent()).toContain(
      'Ủy ban nhân dân tỉnh Tuyên Quang',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('creates an official, grants a counter officer role and lists both roles', async () => {
    await openSection('Người dùng và phân quyền');
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    const form = page.getByRole('region', { name: 'Thêm tài khoản cán bộ' });
    // Nothing typed: the form says what is missing without asking the server.
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await form.getByText('Nhập họ và tên (ít nhất 2 ký tự).').waitFor();
    await form.getByLabel('Họ và tên').fill(NEW_OFFICIAL.fullName);
    await form.getByLabel('Email công vụ').fill(NEW_OFFICIAL.email);
    await form.getByRole('combobox', { name: 'Cơ quan' }).fill('so tu phap');
    await page.getByRole('option', { name: 'Sở Tư pháp tỉnh Tuyên Quang' }).click();
    await form.getByLabel('Vai trò').selectOption({ label: 'Chuyên viên' });
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await form.getByText(`Đã tạo tài khoản cho ${NEW_OFFICIAL.fullName}.`).waitFor();

    const row = page.locator(`tr[data-person="${NEW_OFFICIAL.fullName}"]`);
    await row.getByText('Chuyên viên').waitFor();
    await row.getByRole('button', { name: `Phân quyền: ${NEW_OFFICIAL.fullName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Phân quyền: ${NEW_OFFICIAL.fullName}` });
    await dialog.getByRole('combobox', { name: 'Cơ quan' }).fill('trung tam phuc vu hanh chinh cong tinh');
    await page.getByRole('option', { name: 'Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang' }).click();
    await dialog
      .getByRole('combobox', { name: 'Vai trò', exact: true })
      .selectOption({ label: 'Cán bộ một cửa' });
    await dialog.getByRole('button', { name: 'Cấp quyền' }).click();
    await dialog.getByText('Đã cấp vai trò Cán bộ một cửa tại Trung tâm Phục vụ hành chính công').waitFor();
    // The button has its label back once the list is reloaded (a loading button shows only a spinner).
    await dialog.locator('button[data-loading]').waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Đóng' }).first().click();
    await row.getByText('Cán bộ một cửa').waitFor();
    expect(await row.textContent()).toContain('Chuyên viên');

    // Disabling asks first; the account can be enabled again.
    await row.getByRole('button', { name: `Thao tác: ${NEW_OFFICIAL.fullName}` }).click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('menuitem', { name: 'Vô hiệu hóa' }).click();
    const confirm = page.getByRole('dialog', { name: `Vô hiệu hóa tài khoản của ${NEW_OFFICIAL.fullName}?` });
    await confirm.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await row.getByText('Đã vô hiệu hóa').waitFor();
    await row.getByRole('button', { name: `Thao tác: ${NEW_OFFICIAL.fullName}` }).click();
    await page.getByRole('menuitem', { name: 'Kích hoạt lại' }).click();
    await page
      .getByRole('dialog', { name: `Kích hoạt lại tài khoản của ${NEW_OFFICIAL.fullName}?` })
      .getByRole('button', { name: 'Kích hoạt lại' })
      .click();
    await row.getByText('Đang hoạt động').waitFor();
    // The confirmation has finished closing (a check mid-fade would see its pale, half-transparent text).
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('users');
    expect(problems).toEqual([]);
  });

  it("edits procedure 1.000426's processing time and shows the new version in the history", async () => {
    await openSection('Thủ tục hành chính');
    await page.getByLabel('Tìm thủ tục').fill('1.000426');
    const row = page.locator('tr[data-procedure="1.000426"]');
    await row.waitFor();
    await row.getByRole('link', { name: 'Sửa: Cấp thẻ tư vấn viên pháp luật' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cấp thẻ tư vấn viên pháp luật' }).waitFor();
    const history = page.getByTestId('version-history');
    await history.getByText('Phiên bản 1').waitFor();

    // The e-form editor says where JSON breaks while it is typed.
    const eform = page.getByTestId('eform-json');
    await eform.fill('{\n  "schema": {\n    "type": "object",\n  }\n}');
    await page.getByText(/JSON chưa đúng cú pháp ở dòng 4, cột 3\./).waitFor();
    await eform.fill('{ "ui": {} }');
    await page.getByText('Thiếu “schema”: một đối tượng JSON Schema mô tả các trường.').waitFor();
    await eform.fill('');

    const time = page.getByLabel('Thời hạn', { exact: true });
    expect(await time.inputValue()).toBe('5');
    await time.fill('7');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByText('Đã lưu phiên bản 2').waitFor();
    await history.getByText('Phiên bản 2').waitFor();
    expect(await history.textContent()).toContain('Chỉnh sửa tại tỉnh · Vũ Quang Huy');
    const saved = await (await page.request.get(`${base}/api/catalog/procedures/1.000426`)).json();
    expect(saved.processingTime).toEqual({ value: 7, unit: 'working_days' });
    expect(saved.currentVersion).toBe(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('procedure');
    expect(problems).toEqual([]);
  });

  it('imports a make-up working Saturday into the 2027 schedule from CSV', async () => {
    await openSection('Lịch nghỉ, ngày làm bù');
    await page.getByLabel('Năm', { exact: true }).selectOption('2027');
    await page.getByRole('heading', { name: 'Lịch chính thức năm 2027' }).waitFor();
    await page.getByText('Chưa nhập lịch chính thức cho năm 2027').waitFor();
    const csv = page.getByTestId('schedule-csv');

    // A wrong date is refused, named by its line, and the text stays to be fixed.
    await csv.fill('date,kind,name_vi,name_en\n2027-02-30,working_day,Làm bù,Make-up day\n');
    await page.getByRole('button', { name: 'Nhập lịch năm 2027' }).click();
    await page
      .getByRole('alert')
      .getByText(/Dòng 2: ngày "2027-02-30" không hợp lệ/)
      .waitFor();
    expect(await csv.inputValue()).toContain('2027-02-30');

    await csv.fill(
      'date,kind,name_vi,name_en\n2027-02-20,working_day,"Làm bù ngày nghỉ Tết Nguyên đán","Make-up working day for Tết"\n',
    );
    await page.getByRole('button', { name: 'Nhập lịch năm 2027' }).click();
    await page.getByText('Đã nhập lịch chính thức năm 2027 (1 ngày).').waitFor();
    const year = page.getByTestId('year-holidays');
    const saturday = year.locator('tr', { hasText: 'Thứ Bảy, 20/02/2027' });
    await saturday.waitFor();
    expect(await saturday.textContent()).toContain('Ngày làm bù');
    expect(await saturday.textContent()).toContain('Lịch chính thức');
    expect(await page.getByLabel('Ngày (dòng 1)').inputValue()).toBe('2027-02-20');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('holidays');
    // The one expected failure: the CSV with a wrong date (400, and the browser's log of it).
    const unexpected = problems.filter(
      (p) => !p.includes('/api/calendar/schedule/2027/import') && !p.includes('status of 400'),
    );
    expect(unexpected).toEqual([]);
    problems.length = 0;
  });

  it('registers an OIDC client and shows its secret once, then the audit trail has it', async () => {
    await openSection('Ứng dụng kết nối (OIDC)');
    await page.locator('tr[data-client="cqs-web"]').waitFor();
    await page.getByRole('button', { name: 'Đăng ký ứng dụng' }).click();
    const form = page.getByRole('region', { name: 'Đăng ký ứng dụng mới' });
    await form.getByLabel('Mã ứng dụng (client_id)').fill('mot-cua-tinh');
    await form.getByLabel('Tên ứng dụng').fill('Phần mềm một cửa điện tử tỉnh');
    await form
      .getByLabel('Địa chỉ chuyển hướng sau đăng nhập')
      .fill('https://motcua.tuyenquang.gov.vn/callback');
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    const secret = page.getByTestId('client-secret');
    await secret.waitFor();
    const value = (await secret.textContent())?.trim() ?? '';
    expect(value.length).toBeGreaterThanOrEqual(32);
    await page.getByText('mã này không bao giờ hiện lại').waitFor();
    await page.locator('tr[data-client="mot-cua-tinh"]').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('clients');
    await page.getByRole('button', { name: 'Tôi đã lưu mã, đóng lại' }).click();
    expect(await page.getByTestId('client-secret').count()).toBe(0);
    await page.reload();
    await page.locator('tr[data-client="mot-cua-tinh"]').waitFor();
    expect(await page.content()).not.toContain(value);

    await page.getByRole('link', { name: 'Xem nhật ký hệ thống' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
    const trail = page.getByRole('region', { name: 'Nhật ký hệ thống' });
    await trail.getByText('Đăng ký ứng dụng').first().waitFor();
    await trail.getByText('Cấp vai trò').first().waitFor();
    await trail.getByText('Sửa thủ tục (phiên bản mới)').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('audit');
    expect(problems).toEqual([]);
  });

  it('stays usable on a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, name] of [
      ['/quan-tri/co-quan', 'agencies'],
      ['/quan-tri/nguoi-dung', 'users'],
      ['/quan-tri/thu-tuc?ma=1.000426', 'procedure'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await fitsViewportWidth(page), path).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(name, '390x844');
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(problems).toEqual([]);
  });

  it("shows an agency admin only their agency's staff and sections", async () => {
    const context = await browser!.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const own = await context.newPage();
    const seen = watchProblems(own, { where: portalPages });
    try {
      await signInOfficialFirstTime(own, base, AGENCY_ADMIN, PASSWORD);
      await own.waitForLoadState('networkidle');
      await own.goto(`${base}/quan-tri`);
      await own.waitForURL(/\/quan-tri\/nguoi-dung\?coquan=000\.00\.03\.H08/);
      await own.getByRole('heading', { level: 1, name: 'Người dùng và phân quyền' }).waitFor();
      await own.locator('tr[data-person="Lê Minh Tuấn"]').waitFor();
      await own.locator(`tr[data-person="${NEW_OFFICIAL.fullName}"]`).waitFor();
      // Staff of other agencies, and the platform's sections, are not offered.
      expect(await own.locator('tr[data-person="Nguyễn Thị Mai"]').count()).toBe(0);
      const nav = own.getByRole('navigation', { name: 'Các mục quản trị' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        'Cơ quan, đơn vị',
        'Người dùng và phân quyền',
      ]);
      await own.goto(`${base}/quan-tri/thu-tuc`);
      await own
        .getByRole('heading', { level: 1, name: 'Mục “Thủ tục hành chính” dành cho quản trị hệ thống' })
        .waitFor();
      expect(await seriousA11yViolations(own)).toEqual([]);
      expect(seen).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('explains politely to a citizen that the administration is not for them', async () => {
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const citizen = await context.newPage();
    const seen = watchProblems(citizen, { where: portalPages });
    try {
      await signInFromHome(citizen, base, CITIZEN, PASSWORD);
      // The home page finishes asking who is signed in before the person moves on.
      await citizen.waitForLoadState('networkidle');
      await citizen.goto(`${base}/quan-tri`);
      await citizen.getByRole('heading', { level: 1, name: 'Trang này dành cho quản trị viên' }).waitFor();
      await citizen.getByText('Tài khoản của bạn chưa được giao vai trò quản trị').waitFor();
      await citizen.getByTestId('admin-not-allowed').getByRole('link', { name: 'Về trang chủ' }).waitFor();
      expect(await fitsViewportWidth(citizen)).toBe(true);
      expect(await seriousA11yViolations(citizen)).toEqual([]);
      await citizen.screenshot({ path: join(resultsDir, 'admin-not-allowed-390x844.png'), fullPage: true });
      // No admin API was even asked.
      expect(seen).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
