/**
 * Signs a person in through the real login flow (the web app's OpenID Connect sign-in with the
 * password form) and returns the cookie header and CSRF token a browser would then send.
 */
import { DEMO_PASSWORD } from '../../server/seed/demo.ts';
import { Browserless } from '../../server/test/support/browserless.ts';

export const DEMO_CITIZEN = 'nguyenvanan@demo.cqs.example';

/** One complete password login: /auth/login → provider's form → POST /login → callback → session. */
export async function passwordLogin(baseUrl: string, login = DEMO_CITIZEN, password = DEMO_PASSWORD) {
  const browser = new Browserless();
  const form = await browser.go(`${baseUrl}/auth/login?returnTo=/ho-so`);
  const home = await browser.submit(form, { login, password }, '/login', (u) => u.endsWith('/ho-so'));
  const session = browser.cookie('cqs_session');
  const csrf = browser.cookie('cqs_csrf');
  if (!home.url.endsWith('/ho-so') || !session || !csrf)
    throw new Error(
      `login of ${login} did not finish: ${home.status} ${home.url}\n${home.html.slice(0, 300)}`,
    );
  return { cookie: `cqs_session=${session}; cqs_csrf=${csrf}`, csrf };
}
