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
  signInOfficialFirstTime,
  startServer,
  watchProblems,
} from './support/index.ts';

const PASSWORD = 'ChinhQuyenSo@2026';
const DX_OFFICE = 'chuyendoiso@demo.cqs.example';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Only the portal's own pages count (not the sign-in provider's). */
const portal = (url: URL) => !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/auth');

/**
 * The statistics dashboards as the DX office reads them: today's queues and the 766 groups, a
 * period change kept in the address, a figure opened to its dossiers, the Excel download, the
 * 766 detail with its ranking, and the DX dashboard; on a desktop and on a phone.
 */
describe('statistics dashboards', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: string[] = [];

  const url = (path: string) => `${server!.url}${path}`;
  const shot = (name: string) =>
    page.screenshot({ path: join(resultsDir, `dashboards-${name}.png`), fullPage: true });

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    server = await startServer({ env: { PROVINCE_CODE: '08' } });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', acceptDownloads: true });
    page = await context.newPage();
    await signInOfficialFirstTime(page, server.url, DX_OFFICE, PASSWORD);
    await page.waitForLoadState('networkidle');
    problems = watchProblems(page, { where: portal });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  function keepEvidence(name: string) {
    onTestFailed(async () => {
      await page.screenshot({ path: join(resultsDir, `dashboards-failed-${name}.png`), fullPage: true });
      console.error(`${name}: ${page.url()}\n${problems.join('\n')}\n${server?.output().slice(-4000)}`);
    });
  }

  it('opens /thong-ke from the menu: queue cards and the 766 groups', async () => {
    keepEvidence('overview');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Thống kê', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/thong-ke');

    // Today's queues, each a number with its words.
    const overdue = page.getByTestId('queue-overdue');
    await overdue.waitFor();
    await expect(overdue.textContent()).resolves.toMatch(/Quá hạn\s*\d+\s*\d+ hồ sơ/);
    await page.getByTestId('queue-receivedToday').getByText('Tiếp nhận hôm nay').waitFor();
    await expect(page.getByTestId('stats-unit').textContent()).resolves.toBe('Phạm vi: Toàn tỉnh');

    // The 766 index: the total and one ring per group, with the score in words.
    await page.getByTestId('index-total').waitFor();
    for (const code of ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH'])
      await page.getByTestId(`index-${code}`).waitFor();
    await expect(page.getByTestId('index-total').textContent()).resolves.toMatch(/điểm đo được/);

    await page.getByTestId('one-stop-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await fitsViewportWidth(page)).toBe(true);
    await shot('overview-1440x900');
  });

  it('changes the period (kept in the address) and breaks the figures down', async () => {
    keepEvidence('period');
    await page.getByLabel('Loại kỳ').selectOption('half');
    await page.waitForURL(/[?&]ky=\d{4}-H1/);
    await page.getByLabel('Nửa năm').selectOption('2');
    await page.waitForURL(/[?&]ky=\d{4}-H2/);
    await page
      .getByTestId('period-shown')
      .getByText(/6 tháng cuối năm \d{4}/)
      .waitFor();

    await page.getByLabel('Chia theo', { exact: true }).selectOption('channel');
    await page.waitForURL(/[?&]theo=channel/);
    await page.getByTestId('one-stop-table').getByRole('rowheader', { name: 'Tổng cộng' }).waitFor();

    // The address alone brings the same view back.
    await page.reload();
    await page
      .getByTestId('period-shown')
      .getByText(/6 tháng cuối năm \d{4}/)
      .waitFor();
    expect(await page.getByLabel('Chia theo', { exact: true }).inputValue()).toBe('channel');
  });

  it('opens a figure to the list of its dossiers', async () => {
    keepEvidence('drill');
    await page.getByRole('button', { name: /^Xem \d+ hồ sơ: Đã giải quyết — Tổng cộng$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Đã giải quyết — Tổng cộng' });
    await dialog.waitFor();
    await dialog
      .getByTestId('drill-list')
      .getByText(/^\d+ hồ sơ$/)
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('downloads the one-stop figures as Excel', async () => {
    keepEvidence('xlsx');
    const link = page.getByRole('link', { name: 'Tải Excel số liệu một cửa' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/reporting\/one-stop\?.*format=xlsx/);
    const response = await context!.request.get(url(href!));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(XLSX);
    const bytes = await response.body();
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: an .xlsx file

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^thong-ke-mot-cua-.*\.xlsx$/);
  });

  it('shows the 766 index in detail with the ranking of departments', async () => {
    keepEvidence('index');
    await page.getByRole('link', { name: 'Xem chi tiết chỉ số 766' }).click();
    await page.getByRole('heading', { level: 1, name: /Chỉ số phục vụ người dân, doanh nghiệp/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/thong-ke/chi-so-766');
    // The period chosen on the overview carries over.
    expect(page.url()).toMatch(/[?&]ky=\d{4}-H2/);
    await page.getByRole('heading', { level: 2, name: /^CKMB\./ }).waitFor();
    // What the platform cannot measure yet says so, never a zero.
    await expect(page.getByText('Chưa có dữ liệu').count()).resolves.toBeGreaterThan(0);
    await page.getByTestId('ranking-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('index-1440x900');
    // A count of procedures opens the procedures behind it.
    await page.getByTestId('component-procedures_online').getByRole('button').last().click();
    await page.getByTestId('procedure-list').waitFor();
    await expect(page.getByTestId('procedure-list').getByRole('row').count()).resolves.toBeGreaterThan(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('procedure-list').waitFor({ state: 'detached' });
  });

  it('the DX dashboard links the plan and the scorecards', async () => {
    keepEvidence('dx');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Chuyển đổi số', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Chuyển đổi số' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tiến độ theo nhóm nhiệm vụ' }).waitFor();
    await page.getByTestId('dx-groups').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Xếp hạng bộ chỉ số chuyển đổi số' }).waitFor();
    await page.getByRole('link', { name: 'Mở trang kế hoạch chuyển đổi số' }).waitFor();
    await page.getByRole('link', { name: 'Mở trang bộ chỉ số chuyển đổi số' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot('dx-1440x900');
  });

  it('works on a phone (390×844): no sideways scroll, no serious accessibility problem', async () => {
    keepEvidence('phone');
    await page.setViewportSize(PHONE);
    for (const path of ['/thong-ke', '/thong-ke/chi-so-766', '/chuyen-doi-so']) {
      await page.goto(url(path));
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await fitsViewportWidth(page), path).toBe(true);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    await page.goto(url('/thong-ke'));
    await page.getByTestId('one-stop-table').waitFor();
    await page.getByRole('button', { name: /^Xem \d+ hồ sơ: Tiếp nhận mới — Tổng cộng$/ }).click();
    await page.getByTestId('drill-list').waitFor();
    expect(await fitsViewportWidth(page)).toBe(true);
    await shot('drill-390x844');
    expect(problems).toEqual([]);
  });
});
