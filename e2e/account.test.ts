import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuilt,
  fitsViewportWidth,
  launchChromium,
  type RunningServer,
  resultsDir,
  seriousA11yViolations,
  signInFromHome,
  startServer,
  watchProblems,
} from './support/index.ts';

const PASSWORD = 'ChinhQuyenSo@2026';
const NEW_PASSWORD = 'Binh-Mat-Khau-Moi-2026';
const CITIZEN = 'tranthibinh@demo.cqs.example';

/** A citizen's own settings on a phone: a business linked by tax code, a new password, two-factor on. */
describe('account settings', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    server = await startServer({ env: { PROVINCE_CODE: '08' } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('links a business, changes the password and turns two-factor on, then signs in with the code', async () => {
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page, { where: (u) => !u.pathname.startsWith('/oidc/') });
    try {
      await signInFromHome(page, server!.url, CITIZEN, PASSWORD);
      await page.waitForLoadState('networkidle'); // let the home page finish before leaving it
      await page.goto(`${server!.url}/tai-khoan`);
      await page.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();

      // A business by its tax code; a wrong code is named next to the field.
      await page.getByRole('button', { name: 'Liên kết doanh nghiệp, tổ chức' }).click();
      await page.getByLabel('Mã số thuế').fill('0100109107');
      await page.getByLabel('Tên doanh nghiệp, tổ chức').fill('Hộ kinh doanh Chè Bình');
      await page.getByRole('button', { name: 'Liên kết', exact: true }).click();
      const taxError = page.locator('[id$="-error"]').filter({ hasText: /mã số thuế/i });
      await taxError.first().waitFor();
      await page.getByLabel('Mã số thuế').fill('0100109106');
      await page.getByRole('button', { name: 'Liên kết', exact: true }).click();
      await page.getByTestId('organizations').getByText('Hộ kinh doanh Chè Bình').waitFor();

      // The password: the wrong current one is named, then the change goes through.
      await page.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau');
      await page.getByLabel('Mật khẩu mới').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page.getByText('Mật khẩu hiện tại không đúng.').waitFor();
      await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page
        .getByRole('status')
        .getByText(/Đã đổi mật khẩu/)
        .waitFor();

      // Two-factor: the QR code and key, a code from them.
      await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
      await page.getByRole('img', { name: /Mã QR/ }).waitFor();
      const secret = (await page.getByTestId('totp-setup-secret').textContent())!.trim();
      const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
      await page.getByLabel('Mã 6 số').fill(totp.generate());
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.getByTestId('two-factor').getByText('Đang bật').waitFor();
      expect(await fitsViewportWidth(page)).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(resultsDir, 'account-security-390x844.png'), fullPage: true });

      // The only failures: the two refusals provoked above (wrong tax code, wrong current password).
      const unexpected = problems.filter(
        (p) => !/HTTP 400: .*\/api\/me\/(organizations|password)$/.test(p) && !p.includes('status of 400'),
      );
      expect(unexpected).toEqual([]);

      // Signing in again asks for the new password and then the code.
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await page.waitForURL(`${server!.url}/`);
      await page.getByRole('link', { name: 'Đăng nhập' }).click();
      await page.locator('#login').fill(CITIZEN);
      await page.locator('#password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Xác thực hai lớp').first().waitFor();
      // The code used to turn it on is spent: wait for the next one, as a person would.
      const used = totp.generate();
      let code = used;
      while (code === used) {
        await page.waitForTimeout(1_000);
        code = totp.generate();
      }
      await page.locator('#code').fill(code);
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.waitForURL(`${server!.url}/`);
      await page.getByTestId('user-menu').waitFor();
    } finally {
      await context.close();
    }
  });
});
