import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuilt,
  launchChromium,
  type RunningServer,
  signInOfficialFirstTime,
  startServer,
} from './support/index.ts';

const PASSWORD = 'ChinhQuyenSo@2026';
const DESK = 'motcua@demo.cqs.example';

/**
 * A desk with more dossiers than the work list counts exactly (LIST_COUNT_CAP, lowered to 10 here
 * with 80 demo dossiers): the tab and the list say "more than", and paging goes on while pages
 * come back full.
 */
describe("officials' workspace on a busy desk", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer({ env: { PROVINCE_CODE: '08', DEMO_DOSSIERS: '80', LIST_COUNT_CAP: '10' } });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    page = await context.newPage();
    await signInOfficialFirstTime(page, server.url, DESK, PASSWORD);
    await page.waitForLoadState('networkidle');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says "more than 10" past the count cap and still pages through the dossiers', async () => {
    await page.goto(`${server.url}/can-bo?queue=all`);
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
    await page.getByTestId('count-all').filter({ hasText: '10+' }).waitFor();
    await page.getByText('Hồ sơ 1–20 trên hơn 10').waitFor();
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await page.getByText('Hồ sơ 21–40 trên hơn 10').waitFor();
    expect(await page.getByText('Trang 2', { exact: true }).count()).toBe(1);
  });
});
