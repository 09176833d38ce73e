import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import Provider, { type Configuration } from 'oidc-provider';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { createPerson } from '../src/modules/identity/accounts.ts';
import { Browserless, type Page } from './support/browserless.ts';
import { describeEachEngine } from './support/databases.ts';
import { freePort, useListeningApp } from './support/server.ts';

/**
 * Federation with an upstream OpenID provider standing in for VNeID: a second oidc-provider on
 * its own loopback port, with its development login form (any login) and consent step.
 */
const UPSTREAM_SECRET = 'upstream-secret-for-tests-0123456789';

/** What the "national" provider knows about each of its logins. */
const PEOPLE: Record<string, { sub: string } & Record<string, string>> = {
  binh: { sub: 'vneid-binh', name: 'Trần Thị Bình', cccd: '008195004321', assurance_level: '2' },
  an: { sub: 'vneid-an', name: 'Nguyễn Văn An', cccd: '008090001234', assurance_level: '2' },
  chu: { sub: 'vneid-chu', name: 'Mai Văn Chủ', cccd: '008088007777', assurance_level: '2' },
  moi: {
    sub: 'vneid-moi',
    name: 'Lý Văn Mới',
    cccd: '008085001111',
    birthdate: '1985-03-04',
    assurance_level: '2',
  },
  nocccd: { sub: 'vneid-nocccd', name: 'Không Có Số', assurance_level: '2' },
};

type Upstream = { issuer: string; server: Server };

async function startUpstream(port: number, appUrl: string): Promise<Upstream> {
  const issuer = `http://127.0.0.1:${port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: 'cqs',
        client_secret: UPSTREAM_SECRET,
        redirect_uris: [`${appUrl}/oidc/upstream/callback`],
      },
    ],
    features: { devInteractions: { enabled: true } },
    claims: { openid: ['sub'], profile: ['name', 'birthdate'], cccd: ['cccd', 'assurance_level'] },
    // Another site in a real browser: its cookies must not mix with our provider's (same names) in the test's jar.
    cookies: {
      keys: ['upstream-cookie-key-0123456789'],
      names: { session: '_vneid_session', interaction: '_vneid_interaction', resume: '_vneid_resume' },
    },
    async findAccount(_ctx, id) {
      const person = PEOPLE[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ ...person }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  const server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { issuer, server };
}

describeEachEngine('identity: sign-in through an upstream provider (VNeID)', { seed: true }, (ctx) => {
  let upstreamPort = 0;
  let upstream: Upstream | undefined;
  beforeAll(async () => {
    upstreamPort = await freePort();
  });
  const h = useListeningApp(ctx, () => ({
    UPSTREAM_OIDC_ISSUER: `http://127.0.0.1:${upstreamPort}`,
    UPSTREAM_OIDC_CLIENT_ID: 'cqs',
    UPSTREAM_OIDC_CLIENT_SECRET: UPSTREAM_SECRET,
  }));
  beforeAll(async () => {
    upstream = await startUpstream(upstreamPort, h.url);
    await seedDemoAccounts(ctx.database, ctx.config);
  });
  afterAll(async () => {
    if (!upstream) return;
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream!.server.close(resolve));
  });

  const audit = (action: string, personId?: string) =>
    ctx.database.rows<{ subject_id: string; details: Record<string, unknown> }>(
      personId
        ? sql`SELECT subject_id, details FROM platform_audit_log WHERE action = ${action} AND subject_id = ${personId} ORDER BY seq`
        : sql`SELECT subject_id, details FROM platform_audit_log WHERE action = ${action} ORDER BY seq`,
    );
  const personsWithCccd = (cccd: string) =>
    ctx.database.rows<{ id: string }>(sql`SELECT id FROM identity_person WHERE cccd = ${cccd}`);

  /** Our login page, reached the way the web app's "Đăng nhập" button reaches it. */
  async function ourLoginPage(browser: Browserless): Promise<Page> {
    const page = await browser.go(`${h.url}/auth/login`);
    expect(page.status).toBe(200);
    expect(page.url).toMatch(/\/oidc\/interaction\/[^/?]+/);
    return page;
  }

  /** Clicks "Đăng nhập bằng VNeID", signs in upstream as `login`, consents; returns the page we land on. */
  async function viaUpstream(browser: Browserless, login: string): Promise<Page> {
    const ours = await ourLoginPage(browser);
    const href = /<a class="button" href="([^"]+)">Đăng nhập bằng VNeID<\/a>/.exec(ours.html)?.[1];
    expect(href, 'the VNeID link on our login page').toBeDefined();
    const upstreamLogin = await browser.go(new URL(href!, ours.url).href);
    expect(upstreamLogin.url.startsWith(upstream!.issuer)).toBe(true);
    expect(upstreamLogin.html).toContain('name="login"');
    const consent = await browser.submit(upstreamLogin, { login, password: 'anything' });
    expect(consent.url.startsWith(upstream!.issuer)).toBe(true);
    expect(consent.html).toContain('value="consent"');
    const seen: string[] = [];
    const landed = await browser.submit(consent, {}, undefined, (next) => {
      seen.push(next);
      return false;
    });
    // Back through our callback and the interaction's return step.
    expect(seen.some((u) => u.startsWith(`${h.url}/oidc/upstream/callback?`))).toBe(true);
    expect(seen.some((u) => /\/oidc\/interaction\/[^/]+\/upstream-return\?/.test(u))).toBe(true);
    return landed;
  }

  const me = async (browser: Browserless) => browser.request(`${h.url}/api/me`);

  it('offers "Đăng nhập bằng VNeID" on the login page', async () => {
    const page = await ourLoginPage(new Browserless());
    expect(page.html).toContain('Đăng nhập bằng VNeID');
    expect(page.html).toMatch(/href="\/oidc\/interaction\/[^/"]+\/upstream"/);
  });

  it('links a verified (level 2) account by CCCD at once', async () => {
    const [an] = await personsWithCccd('008090001234');
    const browser = new Browserless();
    await viaUpstream(browser, 'an');
    const res = await me(browser);
    expect(JSON.parse(res.html)).toMatchObject({
      id: an!.id,
      fullName: 'Nguyễn Văn An',
      assuranceLevel: 'level2',
    });
    expect(await audit('upstream.linked', an!.id)).toHaveLength(1);
  });

  it('links a self-registered (level 1) account only with its password, then raises it to level 2', async () => {
    const [demo] = await personsWithCccd('008195004321');
    expect(demo).toBeDefined();
    const browser = new Browserless();
    const ask = await viaUpstream(browser, 'binh');
    // Anyone may have typed this CCCD when registering: the person proves the account is theirs.
    expect(ask.html).toContain('Liên kết tài khoản');
    expect(ask.html).toContain(
      'Số CCCD 008******321 đã được dùng để đăng ký tài khoản tr***@demo.cqs.example',
    );
    expect(browser.cookie('cqs_session')).toBeUndefined();
    const wrong = await browser.submit(ask, { password: 'khong-phai-mat-khau' }, '/upstream-link');
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await audit('upstream.linked', demo!.id)).toHaveLength(0);
    await browser.submit(wrong, { password: DEMO_PASSWORD }, '/upstream-link');
    expect(browser.cookie('cqs_session')).toBeDefined();
    const res = await me(browser);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.html)).toMatchObject({
      id: demo!.id,
      fullName: 'Trần Thị Bình',
      email: 'tranthibinh@demo.cqs.example',
      cccd: '008195004321',
      assuranceLevel: 'level2',
    });
    const linked = await audit('upstream.linked', demo!.id);
    expect(linked).toHaveLength(1);
    expect(linked[0]!.details).toMatchObject({ provider: upstream!.issuer, level: 'level2' });
    expect(await audit('assurance.raised', demo!.id)).toHaveLength(1);
  });

  it('reuses the link on the next sign-in', async () => {
    const [demo] = await personsWithCccd('008195004321');
    const browser = new Browserless(); // another device: no session with us or upstream
    await viaUpstream(browser, 'binh');
    const res = await me(browser);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.html)).toMatchObject({ id: demo!.id, assuranceLevel: 'level2' });
    expect(await audit('upstream.linked', demo!.id)).toHaveLength(1);
    expect(await audit('assurance.raised', demo!.id)).toHaveLength(1);
  });

  it('creates an account at level 2 for a person with an unknown CCCD', async () => {
    expect(await personsWithCccd('008085001111')).toHaveLength(0);
    const browser = new Browserless();
    await viaUpstream(browser, 'moi');
    const res = await me(browser);
    expect(res.status).toBe(200);
    const person = JSON.parse(res.html);
    expect(person).toMatchObject({
      fullName: 'Lý Văn Mới',
      cccd: '008085001111',
      dateOfBirth: '1985-03-04',
      assuranceLevel: 'level2',
      email: null,
      roles: [],
    });
    expect(await personsWithCccd('008085001111')).toEqual([{ id: person.id }]);
    expect(await audit('upstream.linked', person.id)).toHaveLength(1);
  });

  it('refuses an upstream identity without a CCCD, on our login page, and creates no account', async () => {
    const before = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM identity_person`,
    );
    const browser = new Browserless();
    const page = await viaUpstream(browser, 'nocccd');
    expect(page.status).toBe(502);
    expect(page.html).toContain('<html lang="vi"');
    // The message names the problem (the login form's own label mentions CCCD too: look in the alert only).
    const alert = /<div class="error" role="alert">([^<]*)</.exec(page.html)?.[1];
    expect(alert).toContain('CCCD');
    // Still our login form, so the person can sign in another way.
    expect(page.html).toMatch(/action="\/oidc\/interaction\/[^/"]+\/login"/);
    expect(browser.cookie('cqs_session')).toBeUndefined();
    expect((await me(browser)).status).toBe(401);
    const after = await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM identity_person`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await audit('upstream.linked')).toHaveLength(3); // an, binh and moi only
  });

  it('lets the verified owner of a CCCD take it back from an account someone else registered with it', async () => {
    // Someone registered (unverified, level 1) with Mai Văn Chủ's CCCD.
    const squatter = await inTransaction(ctx.database, (tx) =>
      createPerson(
        tx,
        {
          fullName: 'Kẻ Mạo Danh',
          email: 'maodanh@example.vn',
          cccd: '008088007777',
          password: 'MotMatKhauDai@2026',
        },
        { status: 'active' },
      ),
    );
    const browser = new Browserless();
    const ask = await viaUpstream(browser, 'chu');
    expect(ask.html).toContain('Đây không phải tài khoản của tôi');
    await browser.submit(ask, {}, '/upstream-not-mine');
    const person = JSON.parse((await me(browser)).html);
    expect(person).toMatchObject({ fullName: 'Mai Văn Chủ', cccd: '008088007777', assuranceLevel: 'level2' });
    expect(person.id).not.toBe(squatter.id);
    const [left] = await ctx.database.rows<{ cccd: string | null }>(
      sql`SELECT cccd FROM identity_person WHERE id = ${squatter.id}`,
    );
    expect(left!.cccd).toBeNull();
    expect(await audit('cccd.released', squatter.id)).toHaveLength(1);
  });
});
