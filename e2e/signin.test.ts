import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuilt,
  fitsViewportWidth,
  launchChromium,
  type RunningServer,
  resultsDir,
  signInFromHome as signInAsDemo,
  smallTouchTargets,
  startServer,
  watchProblems,
} from './support/index.ts';

// Demo accounts, seeded on a new database.
const PASSWORD = 'ChinhQuyenSo@2026';
const CITIZEN = 'nguyenvanan@demo.cqs.example';
const LEADER = 'lanhdao@demo.cqs.example';

const ANDROID_PHONE =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

/** The portal's own pages, not the sign-in provider's server-rendered ones (`/oidc/…`, `/auth/…`). */
const portalPages = (url: URL) => !url.pathname.startsWith('/oidc/') && !url.pathname.startsWith('/auth/');

/** The code an authenticator app shows for `secret` now (RFC 6238: SHA-1, 6 digits, 30 s). */
function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

/**
 * A code is accepted once (RFC 6238 §5.2): a second sign-in within the same 30 seconds waits for
 * the next code, as a person would.
 */
async function nextTotpCode(secret: string, used: string): Promise<string> {
  for (;;) {
    const code = totpCode(secret);
    if (code !== used) return code;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

describe('signing in', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let base = '';

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    // startServer sets PUBLIC_URL to its own address, which the browser uses: cookies and
    // redirects of the sign-in follow it.
    server = await startServer({ env: { PROVINCE_CODE: '08' } });
    base = server.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Fills the provider's login page (`/oidc/interaction/:uid`) and submits it. */
  async function submitLogin(page: Page, login: string, password: string) {
    await page.waitForURL(/\/oidc\/interaction\//);
    await page.locator('#login').fill(login);
    await page.locator('#password').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  /** From the header's "Đăng nhập" to the portal again, as a person without two-factor. */
  const signInFromHome = (page: Page, login: string) => signInAsDemo(page, base, login, PASSWORD);

  async function signOut(page: Page) {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    // The provider ends its own session (its page submits itself), then sends the browser home.
    await page.waitForURL(`${base}/`);
  }

  /** Waits for the menu's opening transition to end, so screenshots show it as people see it. */
  async function settled(page: Page) {
    await page.waitForFunction(() => {
      const menu = document.querySelector('[role="menu"]');
      return menu !== null && getComputedStyle(menu).opacity === '1';
    });
  }

  async function meStatus(context: BrowserContext): Promise<number> {
    // Through the context's cookies but outside the page, so the expected 401 is no page problem.
    return (await context.request.get(`${base}/api/me`)).status();
  }

  it('a citizen signs in on a phone, sees the account and sessions, ends another session and signs out', async () => {
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page, { where: portalPages });
    let phone: BrowserContext | undefined;
    try {
      await page.goto(`${base}/`);
      const signIn = page.getByRole('link', { name: 'Đăng nhập' });
      await signIn.waitFor();
      expect(await signIn.getAttribute('href')).toBe('/auth/login?returnTo=%2F&lang=vi');
      await signIn.click();

      // The provider's login page, in Vietnamese.
      await submitLogin(page, CITIZEN, PASSWORD);
      await page.waitForURL(`${base}/`);

      // Signed in: on a phone the header shows the initials; the button is named after the person.
      const menuButton = page.getByRole('banner').getByRole('button', { name: /Nguyễn Văn An/ });
      await menuButton.waitFor();
      expect(await page.getByRole('link', { name: 'Đăng nhập' }).count()).toBe(0);
      expect(await fitsViewportWidth(page)).toBe(true);
      expect(await smallTouchTargets(page)).toEqual([]);
      await page.screenshot({ path: join(resultsDir, 'signin-header-390x844.png') });

      await menuButton.click();
      const menu = page.getByRole('menu');
      await menu.getByText('Nguyễn Văn An', { exact: true }).waitFor();
      await menu.getByRole('menuitem', { name: 'Đăng xuất' }).waitFor();
      await settled(page);
      expect(await smallTouchTargets(page)).toEqual([]);
      await page.screenshot({ path: join(resultsDir, 'signin-menu-390x844.png') });
      await menu.getByRole('menuitem', { name: 'Tài khoản' }).click();

      // The account page: profile, identity level, this session.
      await page.waitForURL(`${base}/tai-khoan`);
      await page.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();
      expect(await page.getByTestId('assurance-level').textContent()).toContain('Mức 2');
      expect(await page.getByText('nguyenvanan@demo.cqs.example', { exact: true }).isVisible()).toBe(true);
      const sessions = page.getByTestId('sessions').getByRole('listitem');
      await sessions.first().getByText('Phiên hiện tại').waitFor();
      expect(await sessions.count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Vai trò theo cơ quan' }).count()).toBe(0);

      // Signed in on a second device too: it shows up, and can be ended from here.
      phone = await browser!.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'vi-VN',
        userAgent: ANDROID_PHONE,
      });
      await signInFromHome(await phone.newPage(), CITIZEN);
      expect(await meStatus(phone)).toBe(200);

      await page.reload();
      await page.getByText('Chrome trên Android', { exact: true }).waitFor();
      await menuButton.waitFor();
      expect(await sessions.count()).toBe(2);
      expect(await sessions.first().getByText('Phiên hiện tại').isVisible()).toBe(true);
      expect(await fitsViewportWidth(page)).toBe(true);
      expect(await smallTouchTargets(page)).toEqual([]);
      await page.screenshot({ path: join(resultsDir, 'account-390x844.png'), fullPage: true });

      await page.getByRole('button', { name: /^Kết thúc phiên trên Chrome trên Android/ }).click();
      await page.getByText('Không có thiết bị nào khác đang đăng nhập.').waitFor();
      expect(await sessions.count()).toBe(1);
      expect(await meStatus(phone)).toBe(401);

      // Signing out ends the session here and at the provider, and comes back home.
      await signOut(page);
      await page.getByRole('link', { name: 'Đăng nhập' }).waitFor();
      expect(await meStatus(context)).toBe(401);
      // The provider's session is over too: signing in again asks for the password.
      await page.getByRole('link', { name: 'Đăng nhập' }).click();
      await page.locator('#password').waitFor();

      expect(problems.join('\n')).toBe('');
    } finally {
      await phone?.close();
      await context.close();
    }
  });

  it('an official sets up two-factor sign-in at first login, and the header shows the role and agency', async () => {
    const context = await browser!.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page, { where: portalPages });
    try {
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Đăng nhập' }).click();
      await submitLogin(page, LEADER, PASSWORD);

      // First login: the enrolment page shows the secret an authenticator app would read from the QR code.
      await page.getByRole('heading', { name: 'Thiết lập xác thực hai lớp' }).waitFor();
      const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      const firstCode = totpCode(secret);
      await page.locator('#code').fill(firstCode);
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.waitForURL(`${base}/`);

      const header = page.getByRole('banner');
      await header.getByText('Lê Minh Tuấn', { exact: true }).waitFor();
      const role = header.getByText('Lãnh đạo · Sở Tư pháp tỉnh Tuyên Quang', { exact: true });
      expect(await role.isVisible()).toBe(true);
      expect(await header.getByText(/Sở Tư pháp/).isVisible()).toBe(true);
      expect(await fitsViewportWidth(page)).toBe(true);
      await page.screenshot({ path: join(resultsDir, 'signin-official-1440x900.png') });

      // The account page lists the roles by agency and says two-factor is on.
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Tài khoản' }).click();
      await page.getByRole('heading', { name: 'Vai trò theo cơ quan' }).waitFor();
      expect(await page.getByTestId('two-factor').textContent()).toBe('Đang bật');
      expect(await page.getByTestId('assurance-level').textContent()).toContain('Mức 1');
      await page.getByText('Phiên hiện tại').waitFor();
      await page.screenshot({ path: join(resultsDir, 'account-official-1440x900.png'), fullPage: true });

      // In English too, roles and agency names included.
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
      expect(await header.getByText(/^Leader · /).isVisible()).toBe(true);
      await page.screenshot({ path: join(resultsDir, 'account-official-1440x900-en.png'), fullPage: true });
      expect(await page.getByTestId('two-factor').textContent()).toBe('On');
      await page.getByRole('button', { name: /Tiếng Việt/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();

      // Later logins ask only for the code.
      await signOut(page);
      await page.getByRole('link', { name: 'Đăng nhập' }).click();
      await submitLogin(page, LEADER, PASSWORD);
      await page.getByRole('heading', { name: 'Xác thực hai lớp' }).waitFor();
      expect(await page.getByTestId('totp-secret').count()).toBe(0);
      await page.locator('#code').fill(await nextTotpCode(secret, firstCode));
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.waitForURL(`${base}/`);
      await header.getByText('Lãnh đạo · Sở Tư pháp tỉnh Tuyên Quang', { exact: true }).waitFor();

      expect(problems.join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });

  it('sends a signed-out visitor of the account page to sign in, says a wrong password in Vietnamese, then returns to the page', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 640 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchProblems(page, { where: portalPages });
    try {
      await page.goto(`${base}/tai-khoan`);
      await page.waitForURL(/\/oidc\/interaction\//);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      expect(await fitsViewportWidth(page)).toBe(true);
      await page.screenshot({ path: join(resultsDir, 'signin-login-360x640.png'), fullPage: true });

      await submitLogin(page, CITIZEN, 'not-the-password');
      const error = page.getByRole('alert');
      await error.waitFor();
      expect((await error.textContent())?.trim()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
      // The login is kept; only the password needs typing again.
      expect(await page.locator('#login').inputValue()).toBe(CITIZEN);
      expect(await fitsViewportWidth(page)).toBe(true);
      await page.screenshot({ path: join(resultsDir, 'signin-wrong-password-360x640.png'), fullPage: true });

      await submitLogin(page, CITIZEN, PASSWORD);
      await page.waitForURL(`${base}/tai-khoan`);
      await page.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();
      await page.getByText('Phiên hiện tại').waitFor();
      expect(await fitsViewportWidth(page)).toBe(true);
      expect(await smallTouchTargets(page)).toEqual([]);

      expect(problems.join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });
});
