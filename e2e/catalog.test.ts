import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuilt,
  fitsViewportWidth,
  launchChromium,
  type RunningServer,
  resultsDir,
  seriousA11yViolations,
  signInOfficialFirstTime,
  smallTouchTargets,
  startServer,
  watchProblems,
} from './support/index.ts';

const PASSWORD = 'ChinhQuyenSo@2026';
const WALK_IN = { fullName: 'Lý Văn Sơn', cccd: '008199005555', phone: '0987654321' };
const PHONE = { width: 360, height: 640 };

/** On a phone a person must be able to use the page: no sideways scroll, big targets, no axe errors. */
async function expectUsable(page: Page, where: string): Promise<void> {
  expect(await fitsViewportWidth(page), `${where}: fits the width`).toBe(true);
  expect(await smallTouchTargets(page), `${where}: touch targets`).toEqual([]);
  expect(await seriousA11yViolations(page), `${where}: accessibility`).toEqual([]);
}

/** The status line of the catalogue once it has settled ("Có 41 thủ tục"). */
/**
 * Waits until the result status says what is expected. Polled, not read once: right after a
 * navigation (Back, a filter) it may still show the previous list's count, or the loading text.
 */
async function expectStatus(page: Page, expected: string | RegExp): Promise<void> {
  const status = page.locator('#catalog-results-status');
  const text = async () => (await status.textContent()) ?? '';
  if (typeof expected === 'string') await expect.poll(text).toBe(expected);
  else await expect.poll(text).toMatch(expected);
}

/**
 * The citizen portal's catalogue: from the home page's search box to a procedure's page (documents,
 * fees, processing time, the way to file), the catalogue's filters in the address, and English.
 */
describe('procedure catalogue and home page', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let dossierCode = '';

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    server = await startServer({ env: { PROVINCE_CODE: '08' } });
    browser = await launchChromium();
    // A walk-in dossier taken in at the desk, to follow from the home page's tracking box.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInOfficialFirstTime(page, server.url, 'motcua@demo.cqs.example', PASSWORD);
    const csrf = (await context.cookies()).find((c) => c.name === 'cqs_csrf')!.value;
    const me = await (await page.request.get(`${server.url}/api/me`)).json();
    const desk = me.roles.find((r: { role: string }) => r.role === 'counter_officer').agencyId;
    const res = await page.request.post(`${server.url}/api/dossiers/counter`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        procedureCode: '1.000426',
        channel: 'direct',
        deskAgencyId: desk,
        applicant: { ...WALK_IN, email: null, addressCommuneCode: null, addressDetail: null },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    dossierCode = (await res.json()).code;
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds "Đăng ký khai sinh" from the home page without accents and shows how to file it, in Vietnamese and English', async () => {
    const context = await browser!.newContext({ viewport: PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      await page.goto(`${server!.url}/`);
      await page.getByRole('heading', { level: 1, name: 'Cổng dịch vụ công tỉnh Tuyên Quang' }).waitFor();
      // The most used procedures, the fields with their counts, the tracking box and the notices.
      const popular = page.getByRole('region', { name: 'Thủ tục thường dùng' });
      await popular.getByRole('link', { name: /^Đăng ký khai sinh/ }).waitFor();
      expect(await popular.getByRole('listitem').count()).toBe(8);
      const fields = page.getByRole('region', { name: 'Thủ tục theo lĩnh vực' });
      await fields.getByRole('link', { name: /^Hộ tịch\s+41 thủ tục$/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Theo dõi hồ sơ đã nộp' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Lịch nghỉ Tết Nguyên đán Bính Ngọ 2026' }).waitFor();
      await expectUsable(page, 'home (vi)');

      await page.getByRole('searchbox', { name: 'Bạn cần làm thủ tục gì?' }).fill('dang ky khai sinh');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await page.waitForURL(/\/thu-tuc\?q=dang\+ky\+khai\+sinh$/);
      await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
      await expectStatus(page, /^Tìm thấy \d+ thủ tục cho “dang ky khai sinh”$/);
      const results = page.getByRole('list', { name: 'Danh sách thủ tục' });
      const birth = results.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true });
      await birth.waitFor();
      // The most relevant first, with its code, field, level, online type and processing time.
      const first = results.getByRole('listitem').first();
      expect(await first.textContent()).toMatch(
        /Thủ tục đăng ký khai sinh.*Toàn trình.*Cấp xã.*Mã\s*1\.001193.*Lĩnh vực\s*Hộ tịch.*Thời hạn\s*1 ngày làm việc/,
      );
      expect(await page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' }).inputValue()).toBe(
        'dang ky khai sinh',
      );
      await expectUsable(page, 'catalogue (vi)');

      await birth.click();
      await page.waitForURL(/\/thu-tuc\/1\.001193$/);
      await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }).waitFor();
      await page
        .getByText('Giấy chứng sinh; trường hợp không có Giấy chứng sinh', { exact: false })
        .waitFor();
      await page.getByRole('heading', { level: 2, name: 'Phí, lệ phí' }).waitFor();
      const facts = page.locator('.cqs-procedure-dl');
      expect(await facts.textContent()).toContain('Thời hạn giải quyết1 ngày làm việc');
      expect(await facts.textContent()).toContain('Phí, lệ phíMiễn phí');
      const file = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' });
      expect(await file.getAttribute('href')).toBe('/nop-ho-so/1.001193');
      expect(await page.title()).toMatch(/^Thủ tục đăng ký khai sinh — /);
      await expectUsable(page, 'procedure (vi)');

      // English: the page's own words switch; the procedure's data stays as published.
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Required documents' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Fees and charges' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await facts.textContent()).toContain('Processing time1 working day');
      expect(await page.getByRole('link', { name: 'File online' }).getAttribute('href')).toBe(
        '/nop-ho-so/1.001193',
      );
      await expectUsable(page, 'procedure (en)');

      // Back to the results, then home: the search is kept, now in English.
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Administrative procedures' }).waitFor();
      await expectStatus(page, /^\d+ procedures found for “dang ky khai sinh”$/);
      await expectUsable(page, 'catalogue (en)');
      await page.goBack();
      await page.getByRole('heading', { level: 2, name: 'Most used procedures' }).waitFor();
      await page.getByRole('link', { name: /^Hộ tịch\s+41 procedures$/ }).waitFor();
      await expectUsable(page, 'home (en)');

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('filters the catalogue by field and level, keeps the filters in the address, and Back undoes them', async () => {
    const context = await browser!.newContext({ viewport: PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      // From the home page's field list straight to the field.
      await page.goto(`${server!.url}/`);
      await page.getByRole('link', { name: /^Hộ tịch\s+41 thủ tục$/ }).click();
      await page.waitForURL(/\/thu-tuc\?field=H%E1%BB%99\+t%E1%BB%8Bch$/);
      await expectStatus(page, 'Có 41 thủ tục');
      // On a phone the filters fold behind a button that says how many are set.
      const toggle = page.getByRole('button', { name: 'Bộ lọc (đang chọn 1)' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      const field = page.getByRole('combobox', { name: 'Lĩnh vực' });
      expect(await field.inputValue()).toBe('Hộ tịch');
      // The common ones (with an e-form) lead the list.
      const items = page.getByRole('list', { name: 'Danh sách thủ tục' }).getByRole('listitem');
      expect(await items.first().getByText('Có tờ khai điện tử').count()).toBe(1);
      expect(await items.count()).toBe(20);
      for (const text of await items.allTextContents()) expect(text).toMatch(/Lĩnh vực\s*Hộ tịch/);
      await expectUsable(page, 'catalogue filters (vi)');

      await page.getByRole('combobox', { name: 'Cấp thực hiện' }).selectOption('province');
      await page.waitForURL(/field=H%E1%BB%99\+t%E1%BB%8Bch&level=province$/);
      await expectStatus(page, 'Có 2 thủ tục');
      expect(await items.count()).toBe(2);
      for (const text of await items.allTextContents()) expect(text).toMatch(/Cấp tỉnh.*Lĩnh vực\s*Hộ tịch/);

      // Shareable: the same address opened afresh shows the same list.
      const shared = page.url();
      const other = await context.newPage();
      await other.goto(shared);
      await expectStatus(other, 'Có 2 thủ tục');
      await other.close();

      await page.goBack();
      await page.waitForURL(/\/thu-tuc\?field=H%E1%BB%99\+t%E1%BB%8Bch$/);
      await expectStatus(page, 'Có 41 thủ tục');
      expect(await page.getByRole('combobox', { name: 'Cấp thực hiện' }).inputValue()).toBe('');

      // Paging, and clearing the filters.
      await page.getByRole('link', { name: 'Trang sau' }).click();
      await page.waitForURL(/page=2$/);
      await page.getByText('Trang 2/3').waitFor();
      expect(await items.count()).toBe(20);
      await page.getByRole('link', { name: 'Bỏ bộ lọc' }).first().click();
      await page.waitForURL(/\/thu-tuc$/);
      await expectStatus(page, /^Có 1\.\d{3} thủ tục$/);

      // The agency filter offers the agencies that decide procedures, with their counts.
      const plainToggle = page.getByRole('button', { name: 'Bộ lọc', exact: true });
      if ((await plainToggle.getAttribute('aria-expanded')) === 'false') await plainToggle.click();
      const agency = page.getByRole('combobox', { name: 'Cơ quan giải quyết' });
      const justiceOption = async () =>
        (await agency.locator('option').allTextContents()).find((o) => o.startsWith('Sở Tư pháp')) ?? '';
      await expect.poll(justiceOption).toMatch(/^Sở Tư pháp tỉnh Tuyên Quang \(\d+\)$/);
      const justice = await justiceOption();
      await agency.selectOption({ label: justice });
      await page.waitForURL(/\?agency=[0-9a-f-]{36}$/);
      const count = justice.match(/\((\d+)\)$/)![1];
      await expectStatus(page, `Có ${count} thủ tục`);
      expect(await items.first().textContent()).toMatch(/Cơ quan\s*Sở Tư pháp tỉnh Tuyên Quang/);
      await expectUsable(page, 'catalogue by agency (vi)');

      // An address that is not a procedure code gets a friendly page, with a way on.
      await page.goto(`${server!.url}/thu-tuc/khong-co-ma-nay`);
      await page.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' }).waitFor();
      await page.getByRole('link', { name: 'Xem danh mục thủ tục' }).waitFor();
      await expectUsable(page, 'procedure not found (vi)');

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a procedure and a search from a link with their data in the page, and without it from the API', async () => {
    const context = await browser!.newContext({ viewport: PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    // What the page asks the catalogue's API for.
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/catalog/procedures')) asked.push(url.pathname + url.search);
    });
    const heading = page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' });
    try {
      // Opened from a link: the procedure is in the page, not asked for after the script.
      await page.goto(`${server!.url}/thu-tuc/1.001193`);
      await heading.waitFor();
      await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }).waitFor();
      await page.goto(`${server!.url}/thu-tuc?q=dang%20ky%20khai%20sinh`);
      await expectStatus(page, /^Tìm thấy \d+ thủ tục cho “dang ky khai sinh”$/);
      expect(asked).toEqual([]);
      // Moving inside the app, the page asks the API (the data in the page was for the search).
      const results = page.getByRole('list', { name: 'Danh sách thủ tục' });
      await results.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true }).click();
      await heading.waitFor();
      expect(asked).toEqual(['/api/catalog/procedures/1.001193']);
      // And back on the search, its answer again, not the one the page carried when it opened.
      await page.goBack();
      await expectStatus(page, /^Tìm thấy \d+ thủ tục cho “dang ky khai sinh”$/);
      expect(asked).toContain('/api/catalog/procedures?q=dang+ky+khai+sinh&limit=20&offset=0');

      // A page without the data (an older server, a proxy that rewrote it): the same page, from the API.
      asked.length = 0;
      await page.route(
        (url) => url.pathname.startsWith('/thu-tuc'),
        async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<script id="cqs-boot"[\s\S]*?<\/script>/, '');
          await route.fulfill({ response, body });
        },
      );
      await page.goto(`${server!.url}/thu-tuc/1.001193`);
      await heading.waitFor();
      await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }).waitFor();
      expect(asked).toEqual(['/api/catalog/procedures/1.001193']);
      await page.goto(`${server!.url}/thu-tuc?q=dang%20ky%20khai%20sinh`);
      await expectStatus(page, /^Tìm thấy \d+ thủ tục cho “dang ky khai sinh”$/);
      expect(asked).toContain('/api/catalog/procedures?q=dang+ky+khai+sinh&limit=20&offset=0');
      await expectUsable(page, 'catalogue without page data (vi)');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('follows a dossier from the home page with its code and phone number', async () => {
    const context = await browser!.newContext({ viewport: PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      await page.goto(`${server!.url}/`);
      const box = page.getByRole('region', { name: 'Theo dõi hồ sơ đã nộp' });
      await box.getByLabel('Mã hồ sơ').fill(dossierCode.toLowerCase());
      await box.getByLabel('Số điện thoại hoặc số CCCD').fill('12345');
      await box.getByRole('button', { name: 'Tra cứu' }).click();
      await box.getByText('Nhập số điện thoại (10–11 chữ số) hoặc số CCCD (12 chữ số).').waitFor();
      await box.getByLabel('Số điện thoại hoặc số CCCD').fill(WALK_IN.phone);
      await box.getByRole('button', { name: 'Tra cứu' }).click();
      await box.getByText('Đã tiếp nhận', { exact: true }).waitFor();
      await box.getByText('Cấp thẻ tư vấn viên pháp luật', { exact: false }).waitFor();
      expect(await box.textContent()).toMatch(/Ngày hẹn trả kết quả: \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
      expect(await box.getByText(WALK_IN.fullName).count()).toBe(0);
      await expectUsable(page, 'home tracking (vi)');
      await box.getByRole('link', { name: 'Xem toàn bộ quá trình xử lý' }).click();
      await page.waitForURL(
        new RegExp(`/tra-cuu\\?ma=${encodeURIComponent(dossierCode).replace(/\./g, '\\.')}$`),
      );
      await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
      expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe(dossierCode);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ]) {
    const size = `${viewport.width}x${viewport.height}`;
    it(`lays out the home, catalogue and procedure pages at ${size}`, async () => {
      const context = await browser!.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const fullPage = viewport.width < 1000;
      try {
        await page.goto(`${server!.url}/`);
        await page.getByRole('link', { name: /^Đăng ký khai sinh/ }).waitFor();
        await page.getByRole('link', { name: /^Hộ tịch\s+41 thủ tục$/ }).waitFor();
        expect(await fitsViewportWidth(page)).toBe(true);
        await page.screenshot({ path: join(resultsDir, `catalog-home-${size}.png`), fullPage });

        await page.getByRole('link', { name: /^Hộ tịch\s+41 thủ tục$/ }).click();
        await expectStatus(page, 'Có 41 thủ tục');
        expect(await fitsViewportWidth(page)).toBe(true);
        await page.screenshot({ path: join(resultsDir, `catalog-list-${size}.png`), fullPage });

        await page.getByRole('link', { name: 'Thủ tục đăng ký kết hôn', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký kết hôn' }).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }).waitFor();
        expect(await fitsViewportWidth(page)).toBe(true);
        await page.screenshot({ path: join(resultsDir, `catalog-procedure-${size}.png`) });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
