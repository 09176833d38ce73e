import { spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import * as oc from 'openid-client';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo.ts';
import { repoRoot } from '../src/config.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { registerClient } from '../src/modules/identity/clients.ts';
import { currentTotp } from '../src/modules/identity/totp.ts';
import { verifyAudit } from '../src/platform/audit/audit.ts';
import { Browserless, type Page, testId } from './support/browserless.ts';
import { describeEachEngine } from './support/databases.ts';
import { useListeningApp } from './support/server.ts';

// The relying party is `openid-client`, a certified library, not our code: if our provider
// bends the protocol, it refuses.
const REDIRECT = 'http://127.0.0.1:9/cb'; // never fetched: the flow stops when the browser is sent there
const isCallback = (url: string) => url.startsWith(REDIRECT);
const official = 'lanhdao@demo.cqs.example';
const citizen = 'nguyenvanan@demo.cqs.example';

describeEachEngine('OpenID Connect provider and sign-in', { seed: true }, (ctx) => {
  // Behind one reverse proxy, as a province deploys it: the client address is the hop it appended.
  const s = useListeningApp(ctx, () => ({ TRUST_PROXY: '1' }));
  let rp: oc.Configuration;
  let secret: string;

  beforeAll(async () => {
    await seedDemoAccounts(ctx.database, ctx.config);
    const app = s.app.identity;
    const created = await inTransaction(ctx.database, (tx) =>
      registerClient(
        tx,
        app.sealer,
        {
          clientId: 'so-tai-chinh-app',
          name: 'Phần mềm Sở Tài chính',
          redirectUris: [REDIRECT],
          postLogoutRedirectUris: [REDIRECT],
          grantTypes: ['authorization_code', 'refresh_token', 'client_credentials'],
        },
        null,
      ),
    );
    secret = created.clientSecret!;
    rp = await oc.discovery(new URL(`${s.url}/oidc`), created.clientId, secret, undefined, {
      execute: [oc.allowInsecureRequests],
    });
  });

  /** Runs the authorization request in a fresh browser until the provider sends it back to the RP. */
  async function authorize(browser: Browserless, extra: Record<string, string> = {}) {
    const verifier = oc.randomPKCECodeVerifier();
    const state = oc.randomState();
    const nonce = oc.randomNonce();
    const url = oc.buildAuthorizationUrl(rp, {
      redirect_uri: REDIRECT,
      scope: 'openid profile email cqs offline_access',
      prompt: 'consent',
      code_challenge: await oc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extra,
    });
    const page = await browser.go(url.href, {}, isCallback);
    return { page, verifier, state, nonce };
  }

  const exchange = (callbackUrl: string, f: { verifier: string; state: string; nonce: string }) =>
    oc.authorizationCodeGrant(rp, new URL(callbackUrl), {
      pkceCodeVerifier: f.verifier,
      expectedState: f.state,
      expectedNonce: f.nonce,
    });

  it('publishes discovery metadata with PKCE, refresh, client credentials, introspection and logout', () => {
    const m = rp.serverMetadata();
    expect(m.issuer).toBe(`${s.url}/oidc`);
    expect(m.code_challenge_methods_supported).toEqual(['S256']);
    expect(m.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
    expect(m.response_types_supported).toEqual(['code']);
    expect(m.introspection_endpoint).toBeDefined();
    expect(m.end_session_endpoint).toBeDefined();
    expect(m.scopes_supported).toEqual(expect.arrayContaining(['cqs', 'cccd']));
  });

  it('prevents discovery from following the Host header: issuer and endpoints are PUBLIC_URL whatever the request says', async () => {
    const { port } = new URL(s.url);
    const forged = {
      host: 'evil.example',
      'x-forwarded-host': 'evil2.example',
      'x-forwarded-proto': 'https',
      forwarded: 'host=evil3.example;proto=https',
    };
    for (const path of ['/oidc/.well-known/openid-configuration', '/.well-known/openid-configuration']) {
      const body = await new Promise<string>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: Number(port), path, headers: forged }, (res) => {
            let out = '';
            res.on('data', (c) => {
              out += c;
            });
            res.on('end', () => resolve(out));
          })
          .on('error', reject);
      });
      const metadata = JSON.parse(body) as Record<string, unknown>;
      expect(metadata.issuer, path).toBe(`${s.url}/oidc`);
      const urls = Object.entries(metadata).filter(
        ([key, value]) => typeof value === 'string' && /(_endpoint|_uri)$/.test(key),
      );
      expect(urls.length, path).toBeGreaterThanOrEqual(6);
      for (const [key, value] of urls) expect(value, `${path} ${key}`).toMatch(new RegExp(`^${s.url}/oidc/`));
    }
  });

  it('signs an official in with password + TOTP enrolment, asks consent, and serves scoped claims, refresh and logout', async () => {
    const browser = new Browserless();
    const flow = await authorize(browser);
    expect(flow.page.html).toContain('Đăng nhập');
    expect(flow.page.html).toContain('lang="vi"');

    // Officials must set up two-factor sign-in: the page shows the secret behind the QR code.
    const enrol = await browser.submit(
      flow.page,
      { login: official, password: DEMO_PASSWORD },
      '/login',
      isCallback,
    );
    expect(enrol.html).toContain('Thiết lập xác thực hai lớp');
    const totpSecret = testId(enrol.html, 'totp-secret')!;
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await browser.submit(enrol, { code: '000000' }, '/totp', isCallback);
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Mã không đúng');
    const consent = await browser.submit(wrong, { code: currentTotp(totpSecret) }, '/totp', isCallback);

    // A third-party system: the person is asked, in Vietnamese, what it will see.
    expect(consent.html).toContain('Phần mềm Sở Tài chính muốn truy cập tài khoản của bạn');
    expect(consent.html).toContain('Cơ quan, vai trò và mức định danh');
    const back = await browser.submit(consent, { decision: 'allow' }, '/consent', isCallback);
    expect(isCallback(back.url)).toBe(true);

    const tokens = await exchange(back.url, flow);
    const claims = tokens.claims()!;
    expect(claims.iss).toBe(`${s.url}/oidc`);
    expect(claims.amr).toEqual(['pwd', 'otp']);
    const info = await oc.fetchUserInfo(rp, tokens.access_token, claims.sub);
    expect(info).toMatchObject({
      name: 'Lê Minh Tuấn',
      email: official,
      cqs_assurance_level: 'level1',
      cqs_roles: [{ role: 'leader', agency: expect.stringMatching(/^000\.00\.03\.H08$/) }],
      cqs_agency: '000.00.03.H08',
      cqs_admin_unit: '08',
    });
    expect(info).not.toHaveProperty('cccd');

    // Refresh tokens rotate: the new one works; replaying the used one is refused and, as a
    // sign of theft, revokes the whole grant (the new tokens too).
    const refreshed = await oc.refreshTokenGrant(rp, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeDefined();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await oc.tokenIntrospection(rp, refreshed.access_token)).active).toBe(true);
    await expect(oc.refreshTokenGrant(rp, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await oc.tokenIntrospection(rp, refreshed.access_token)).active).toBe(false);

    // RP-initiated logout ends the provider session: the next request asks for the password again.
    const end = oc.buildEndSessionUrl(rp, {
      id_token_hint: refreshed.id_token ?? tokens.id_token!,
      post_logout_redirect_uri: REDIRECT,
    });
    const logoutPage = await browser.go(end.href, {}, isCallback);
    expect(logoutPage.html).toContain('op.logoutForm');
    const afterLogout = await browser.submit(logoutPage, {}, 'session/end', isCallback);
    expect(isCallback(afterLogout.url)).toBe(true);
    const again = await authorize(browser);
    expect(again.page.html).toContain('name="password"');

    // Second sign-in: the code is asked, not a new enrolment.
    const totp = await browser.submit(
      again.page,
      { login: official, password: DEMO_PASSWORD },
      '/login',
      isCallback,
    );
    expect(totp.html).toContain('Xác thực hai lớp');
    expect(testId(totp.html, 'totp-secret')).toBeUndefined();
  });

  it('refuses the cccd scope to a client that is not trusted', async () => {
    const browser = new Browserless();
    const { page } = await authorize(browser, { scope: 'openid cccd' });
    expect(isCallback(page.url)).toBe(true);
    expect(new URL(page.url).searchParams.get('error')).toBe('invalid_scope');
  });

  it('gives another system a token with client credentials, and introspection tells who it is', async () => {
    const grant = await oc.clientCredentialsGrant(rp, { scope: 'cqs' });
    expect(grant.access_token).toBeDefined();
    const info = await oc.tokenIntrospection(rp, grant.access_token);
    expect(info).toMatchObject({ active: true, client_id: 'so-tai-chinh-app' });
    const wrongSecret = new oc.Configuration(rp.serverMetadata(), 'so-tai-chinh-app', 'not-the-secret');
    oc.allowInsecureRequests(wrongSecret);
    await expect(oc.clientCredentialsGrant(wrongSecret)).rejects.toMatchObject({ error: 'invalid_client' });
  });

  it("prevents another client from introspecting or revoking a client's tokens; a registered resource server may check them", async () => {
    const register = (clientId: string, resourceServer: boolean) =>
      inTransaction(ctx.database, (tx) =>
        registerClient(
          tx,
          s.app.identity.sealer,
          { clientId, name: clientId, redirectUris: [], grantTypes: ['client_credentials'], resourceServer },
          null,
        ),
      );
    const as = (clientId: string, clientSecret: string) => {
      const c = new oc.Configuration(rp.serverMetadata(), clientId, clientSecret);
      oc.allowInsecureRequests(c);
      return c;
    };
    const other = as('he-thong-khac', (await register('he-thong-khac', false)).clientSecret!);
    const gateway = as('lgsp-gateway', (await register('lgsp-gateway', true)).clientSecret!);

    // A citizen's access token, issued to so-tai-chinh-app.
    const browser = new Browserless();
    const flow = await authorize(browser);
    const consent = await browser.submit(
      flow.page,
      { login: citizen, password: DEMO_PASSWORD },
      '/login',
      isCallback,
    );
    const back = await browser.submit(consent, { decision: 'allow' }, '/consent', isCallback);
    const tokens = await exchange(back.url, flow);
    const sub = tokens.claims()!.sub;

    expect(await oc.tokenIntrospection(other, tokens.access_token)).toEqual({ active: false });
    expect(await oc.tokenIntrospection(other, tokens.refresh_token!)).toEqual({ active: false });
    const seen = await oc.tokenIntrospection(gateway, tokens.access_token);
    expect(seen).toMatchObject({ active: true, sub, client_id: 'so-tai-chinh-app' });
    // a resource server checks access tokens, never another client's refresh tokens
    expect(await oc.tokenIntrospection(gateway, tokens.refresh_token!)).toEqual({ active: false });
    expect(await oc.tokenIntrospection(rp, tokens.access_token)).toMatchObject({ active: true, sub });

    await oc.tokenRevocation(other, tokens.access_token).catch(() => undefined);
    expect((await oc.tokenIntrospection(rp, tokens.access_token)).active).toBe(true);
  });

  it('signs a citizen into the web app with a session cookie and CSRF-protected logout', async () => {
    const browser = new Browserless();
    const login = await browser.go(`${s.url}/auth/login?returnTo=/ho-so`);
    const home = await browser.submit(login, { login: citizen, password: DEMO_PASSWORD }, '/login', (u) =>
      u.endsWith('/ho-so'),
    );
    expect(home.url).toBe(`${s.url}/ho-so`);
    expect(browser.cookie('cqs_session')).toBeDefined();
    const me = await browser.request(`${s.url}/api/me`);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.html)).toMatchObject({
      fullName: 'Nguyễn Văn An',
      assuranceLevel: 'level2',
      roles: [],
    });

    const forged = await browser.request(`${s.url}/auth/logout`, { method: 'POST', json: {} });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.html).code).toBe('IDENTITY.CSRF');
    const out = await browser.request(`${s.url}/auth/logout`, {
      method: 'POST',
      json: {},
      headers: { 'x-csrf-token': browser.cookie('cqs_csrf')! },
    });
    expect(out.status).toBe(200);
    expect(JSON.parse(out.html).logoutUrl).toContain('/oidc/session/end');
    expect((await browser.request(`${s.url}/api/me`)).status).toBe(401);
  });

  it('prevents an open redirect after a genuine sign-in (returnTo=/\\evil.example/x lands on /)', async () => {
    for (const returnTo of [
      '/\\evil.example/x',
      '//evil.example/x',
      'https://evil.example/x',
      'javascript:alert(1)',
    ]) {
      const browser = new Browserless();
      const login = await browser.go(`${s.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      // Stops where the callback sends the browser, resolved as a browser would.
      const landed = await browser.submit(
        login,
        { login: citizen, password: DEMO_PASSWORD },
        '/login',
        (u) => !u.startsWith(`${s.url}/oidc`) && !u.startsWith(`${s.url}/auth/`),
      );
      expect(landed.url, returnTo).toBe(`${s.url}/`);
      expect(browser.cookie('cqs_session'), returnTo).toBeDefined();
    }
  });

  /** One request written on the socket as is, so the request target can be absolute-form. */
  async function rawRequest(method: string, target: string, headers: Record<string, string>) {
    const { port } = new URL(s.url);
    const text = await new Promise<string>((resolve, reject) => {
      let out = '';
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        const lines = Object.entries({
          host: `127.0.0.1:${port}`,
          'content-length': '0',
          connection: 'close',
          ...headers,
        });
        socket.write(
          `${method} ${target} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`,
        );
      });
      socket.on('data', (chunk) => {
        out += chunk.toString('utf8');
      });
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
    const [head, body = ''] = text.split('\r\n\r\n');
    return { status: Number(head!.split(' ')[1]), body };
  }

  it("prevents cross-site requests: every unsafe method on every routed path, absolute-form too, with this session's own token only", async () => {
    const signIn = async () => {
      const browser = new Browserless();
      await browser.submit(
        await browser.go(`${s.url}/auth/login?returnTo=/tai-khoan`),
        { login: citizen, password: DEMO_PASSWORD },
        '/login',
        (u) => u.endsWith('/tai-khoan'),
      );
      return browser;
    };
    const mine = await signIn();
    const other = await signIn(); // the attacker's own session, or another tab's
    const cookie = `cqs_session=${mine.cookie('cqs_session')}; cqs_csrf=${mine.cookie('cqs_csrf')}`;
    expect(other.cookie('cqs_csrf')).not.toBe(mine.cookie('cqs_csrf'));
    const absolute = `${s.url}/api/me/totp/setup`;
    for (const target of [absolute, '/api/me/totp/setup', '/api/me/%74otp/setup']) {
      const none = await rawRequest('POST', target, { cookie });
      expect(none.status, target).toBe(403);
      expect(JSON.parse(none.body).code, target).toBe('IDENTITY.CSRF');
      const foreign = await rawRequest('POST', target, { cookie, 'x-csrf-token': other.cookie('cqs_csrf')! });
      expect(foreign.status, target).toBe(403);
      const own = await rawRequest('POST', target, { cookie, 'x-csrf-token': mine.cookie('cqs_csrf')! });
      expect(own.status, `${target}: ${own.body}`).toBe(200);
    }
    // Every unsafe method, on any path the session would authenticate, even one with no route.
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await rawRequest(method, `${s.url}/api/me/sessions/00000000-0000-7000-8000-000000000000`, {
        cookie,
      });
      expect(res.status, method).toBe(403);
      expect(JSON.parse(res.body).code, method).toBe('IDENTITY.CSRF');
    }
    // Both sessions are still there: nothing was changed without a token.
    expect((await mine.request(`${s.url}/api/me`)).status).toBe(200);
    expect((await other.request(`${s.url}/api/me`)).status).toBe(200);
  });

  it('asks a citizen who turned two-factor on for the code at the next sign-in', async () => {
    const browser = new Browserless();
    const signIn = async () =>
      browser.submit(
        await browser.go(`${s.url}/auth/login?returnTo=/tai-khoan`),
        { login: 'tranthibinh@demo.cqs.example', password: DEMO_PASSWORD },
        '/login',
        (u) => u.endsWith('/tai-khoan'),
      );
    expect((await signIn()).url).toBe(`${s.url}/tai-khoan`); // no second factor yet
    const csrf = { 'x-csrf-token': browser.cookie('cqs_csrf')! };
    const setup = JSON.parse(
      (await browser.request(`${s.url}/api/me/totp/setup`, { method: 'POST', json: {}, headers: csrf })).html,
    );
    const on = await browser.request(`${s.url}/api/me/totp`, {
      method: 'POST',
      json: { secret: setup.secret, code: currentTotp(setup.secret) },
      headers: csrf,
    });
    expect(on.status).toBe(200);
    // Signing out of the portal also ends the provider's session (its page submits itself).
    const out = await browser.request(`${s.url}/auth/logout`, { method: 'POST', json: {}, headers: csrf });
    const leaving = (u: string) => !u.includes('/oidc/');
    const endPage = await browser.go(JSON.parse(out.html).logoutUrl, {}, leaving);
    if (!leaving(endPage.url)) await browser.submit(endPage, {}, 'session/end', leaving);

    const challenge = await signIn();
    expect(challenge.html).toContain('Xác thực hai lớp');
    expect(testId(challenge.html, 'totp-secret')).toBeUndefined(); // a code is asked, not a new enrolment
  });

  it('locks an account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    // A guesser who changes address at every try (one address alone would be slowed down first,
    // see identity-signin.test.ts): the account's own count stops them.
    const address = { 'x-forwarded-for': '192.0.2.1' };
    const browser = new Browserless(address);
    const login = await browser.go(`${s.url}/auth/login`);
    let page: Page = login;
    for (let i = 1; i <= 4; i++) {
      address['x-forwarded-for'] = `192.0.2.${i}`;
      page = await browser.submit(
        page,
        { login: 'tranthibinh@demo.cqs.example', password: `sai-mat-khau-${i}` },
        '/login',
      );
      expect(page.status).toBe(401);
      expect(page.html).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    address['x-forwarded-for'] = '192.0.2.5';
    page = await browser.submit(
      page,
      { login: 'tranthibinh@demo.cqs.example', password: 'sai-mat-khau-5' },
      '/login',
    );
    expect(page.status).toBe(423);
    expect(page.html).toMatch(
      /Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần\. Vui lòng thử lại sau 1[45] phút/,
    );
    address['x-forwarded-for'] = '192.0.2.6';
    page = await browser.submit(
      page,
      { login: 'tranthibinh@demo.cqs.example', password: DEMO_PASSWORD },
      '/login',
    );
    expect(page.status).toBe(423);
    const actions = await ctx.database.rows<{ action: string }>(
      sql`SELECT action FROM platform_audit_log WHERE action IN ('login.failed', 'account.locked', 'login.refused_locked') ORDER BY seq`,
    );
    expect(actions.map((a) => a.action).slice(-6)).toEqual(
      [...Array(5).fill('login.failed'), 'account.locked', 'login.refused_locked'].slice(-6),
    );
  });

  it('keeps an append-only, hash-chained audit trail whose tampering `cqs audit verify` names', async () => {
    expect(await verifyAudit(ctx.database.db)).toMatchObject({ ok: true });
    // The app's own SQL cannot change history.
    const refused = { cause: { message: expect.stringContaining('append-only') } };
    await expect(
      ctx.database.rows(sql`UPDATE platform_audit_log SET action = 'x' WHERE seq = 3`),
    ).rejects.toMatchObject(refused);
    await expect(ctx.database.rows(sql`DELETE FROM platform_audit_log WHERE seq = 3`)).rejects.toMatchObject(
      refused,
    );
    await expect(ctx.database.rows(sql`TRUNCATE platform_audit_log`)).rejects.toMatchObject(refused);

    // Someone with the owner's rights switches the guard off and edits row 3.
    await ctx.database.rows(
      sql`ALTER TABLE platform_audit_log DISABLE TRIGGER platform_audit_log_no_update_delete`,
    );
    await ctx.database.rows(sql`UPDATE platform_audit_log SET details = '{"forged": true}' WHERE seq = 3`);
    await ctx.database.rows(
      sql`ALTER TABLE platform_audit_log ENABLE TRIGGER platform_audit_log_no_update_delete`,
    );
    expect(await verifyAudit(ctx.database.db)).toMatchObject({ ok: false, seq: 3, problem: 'edited' });

    if (ctx.url) {
      // The operator's command says the same, as a separate process on the real server.
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'audit', 'verify'], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: ctx.url, LOG_LEVEL: 'silent', SECRET_KEY: 'x'.repeat(40) },
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('row 3 has been edited');
    }
  });
});
