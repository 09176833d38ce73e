import { Secret, TOTP } from 'otpauth';
import type { Page, Request } from 'playwright-core';

export interface WatchOptions {
  /**
   * Only count problems while the page shows an address this accepts (for a navigation, the
   * address being loaded): e.g. the portal's own pages, not the sign-in provider's.
   */
  where?: (url: URL) => boolean;
}

/** Console errors, uncaught exceptions and failed or 4xx/5xx requests seen by a page. */
export function watchProblems(page: Page, options: WatchOptions = {}): string[] {
  const problems: string[] = [];
  const counts = (url: string) => !options.where || options.where(new URL(url));
  const here = () => counts(page.url());
  const during = (request: Request) => (request.isNavigationRequest() ? counts(request.url()) : here());
  // A page that moves on (a redirect to sign in, say) cancels what it was still loading: no problem.
  let navigations = 0;
  const startedAt = new WeakMap<Request, number>();
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations += 1;
    startedAt.set(request, navigations);
  });
  // A static file (font, image, style, script) cancelled with ERR_ABORTED was dropped by a page
  // that was leaving: the browser cancels those itself, whichever instant the navigation began.
  const STATIC = new Set(['font', 'image', 'stylesheet', 'script', 'media']);
  const leftBehind = (request: Request) =>
    request.failure()?.errorText === 'net::ERR_ABORTED' &&
    (startedAt.get(request) !== navigations ||
      // The app cancels a fetch whose answer it no longer needs (another year, another search).
      request.resourceType() === 'fetch' ||
      STATIC.has(request.resourceType()) ||
      // The tab icon is fetched by the browser itself and dropped like any other static file.
      new URL(request.url()).pathname.startsWith('/favicon'));
  page.on('console', (message) => {
    if (message.type() === 'error' && here()) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (here()) problems.push(`page error: ${error.message}`);
  });
  page.on('requestfailed', (request) => {
    if (during(request) && !leftBehind(request))
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && during(response.request()))
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** True when the page is no wider than the viewport (no sideways scrolling on a phone). */
export async function fitsViewportWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Visible links, buttons and inputs smaller than `min` px in height, described for the failure message. */
export async function smallTouchTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((minSize) => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea',
    )) {
      const box = element.getBoundingClientRect();
      const style = window.getComputedStyle(element);
      const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && box.bottom > 0;
      if (visible && box.height < minSize - 0.5) {
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
        small.push(
          `<${element.tagName.toLowerCase()}> "${name.slice(0, 40)}" is ${box.height.toFixed(1)} px high`,
        );
      }
    }
    return small;
  }, min);
}

/** From the portal header's "Đăng nhập" to the platform's login page, with the password submitted. */
async function submitPassword(page: Page, base: string, login: string, password: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs in from the portal's header through the platform's own login page (no two-factor). */
export async function signInFromHome(
  page: Page,
  base: string,
  login: string,
  password: string,
): Promise<void> {
  await submitPassword(page, base, login, password);
  await page.waitForURL(`${base}/`);
}

/**
 * An official's first sign-in: after the password, the enrolment page shows the TOTP secret an
 * authenticator app would read from the QR code; the code it gives is entered. Returns the secret.
 */
export async function signInOfficialFirstTime(
  page: Page,
  base: string,
  login: string,
  password: string,
): Promise<string> {
  await submitPassword(page, base, login, password);
  await page.getByRole('heading', { name: 'Thiết lập xác thực hai lớp' }).waitFor();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  const code = new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate();
  await page.locator('#code').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.waitForURL(`${base}/`);
  return secret;
}
