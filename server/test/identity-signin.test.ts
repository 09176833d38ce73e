import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo.ts';
import { Browserless, type Page } from './support/browserless.ts';
import { describeEachEngine } from './support/databases.ts';
import { useListeningApp } from './support/server.ts';

/**
 * Sign-in availability behind a reverse proxy (issue 25, finding 8): TRUST_PROXY=1, so the
 * address is the one the proxy appended to X-Forwarded-For, and each browser below comes
 * "from" its own address.
 */
describeEachEngine('identity: sign-in limits per account and per address', { seed: true }, (ctx) => {
  const s = useListeningApp(ctx, () => ({ TRUST_PROXY: '1' }));
  beforeAll(async () => {
    await seedDemoAccounts(ctx.database, ctx.config);
  });

  const from = (address: string) => new Browserless({ 'x-forwarded-for': address });
  const loginForm = (browser: Browserless) => browser.go(`${s.url}/auth/login?returnTo=/tai-khoan`);
  const signedIn = (u: string) => u.endsWith('/tai-khoan');
  const attempt = (browser: Browserless, page: Page, login: string, password: string) =>
    browser.submit(page, { login, password }, '/login', signedIn);

  it('keeps signing in with the right password from an address that had 30 wrong ones for other accounts', async () => {
    const spray = from('203.0.113.7');
    let page = await loginForm(spray);
    // 30 wrong passwords for 30 other logins: most without an account, a few real ones (2 each).
    const others = ['lanhdao', 'motcua', 'chuyenvien'].flatMap((l) => [l, l]);
    for (let i = 0; i < 30; i++) {
      const login = others[i] ? `${others[i]}@demo.cqs.example` : `khong.co.${i}@example.vn`;
      page = await attempt(spray, page, login, `sai-mat-khau-${i}`);
      expect(page.status, login).toBe(401);
    }
    // Someone else behind the same address signs in at once.
    const colleague = from('203.0.113.7');
    const home = await attempt(
      colleague,
      await loginForm(colleague),
      'nguyenvanan@demo.cqs.example',
      DEMO_PASSWORD,
    );
    expect(home.url).toBe(`${s.url}/tai-khoan`);
    expect(colleague.cookie('cqs_session')).toBeDefined();
    const failures = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM platform_audit_log WHERE action = 'login.failed' AND ip = '203.0.113.7'`,
    );
    expect(failures[0]!.n).toBe(30);
  });

  it('slows one address down on one account (429, Retry-After) without holding up the account elsewhere', async () => {
    const guesser = from('198.51.100.9');
    const account = 'tranthibinh@demo.cqs.example';
    let page = await loginForm(guesser);
    for (let i = 1; i <= 3; i++) {
      page = await attempt(guesser, page, account, `doan-mo-${i}`);
      expect(page.status).toBe(401);
    }
    // The fourth try from this address waits, even with the right password…
    const held = await attempt(guesser, page, account, DEMO_PASSWORD);
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(held.html).toContain('thử lại sau');
    // …another account from the same address does not…
    const sameAddress = from('198.51.100.9');
    const other = await attempt(
      sameAddress,
      await loginForm(sameAddress),
      'nguyenvanan@demo.cqs.example',
      DEMO_PASSWORD,
    );
    expect(other.url).toBe(`${s.url}/tai-khoan`);
    // …and the account's owner, elsewhere, signs in (three failures do not lock it).
    const owner = from('198.51.100.77');
    const home = await attempt(owner, await loginForm(owner), account, DEMO_PASSWORD);
    expect(home.url).toBe(`${s.url}/tai-khoan`);
  });

  it('records the address one hop back: a forged X-Forwarded-For does not change it beyond the proxy', async () => {
    // The client wrote "6.6.6.6, 10.9.9.9"; our proxy appended the address it saw, 192.0.2.44.
    const forger = new Browserless({ 'x-forwarded-for': '6.6.6.6, 10.9.9.9, 192.0.2.44' });
    const page = await attempt(forger, await loginForm(forger), 'lanhdao@demo.cqs.example', 'khong-phai');
    expect(page.status).toBe(401);
    const [last] = await ctx.database.rows<{ ip: string }>(
      sql`SELECT ip FROM platform_audit_log WHERE action = 'login.failed' ORDER BY seq DESC LIMIT 1`,
    );
    expect(last!.ip).toBe('192.0.2.44');
    const forged = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM platform_audit_log WHERE ip IN ('6.6.6.6', '10.9.9.9')`,
    );
    expect(forged[0]!.n).toBe(0);
  });
});
