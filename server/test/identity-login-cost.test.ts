import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import * as oc from 'openid-client';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { authenticate, findByLogin } from '../src/modules/identity/accounts.ts';
import { ensureWebClient, findClientMetadata, registerClient } from '../src/modules/identity/clients.ts';
import { pkceChallenge } from '../src/modules/identity/web-auth.ts';
import { Browserless } from './support/browserless.ts';
import { describeEachEngine } from './support/databases.ts';
import { useListeningApp } from './support/server.ts';

/**
 * What was made cheaper in a password login (issue 26, bench/oidc.ts) keeps its guarantees: the web
 * app's code exchange, now in-process, still refuses a used code; a login leaves two sessions (the
 * web app's, the provider's single sign-on); the client registry's per-process cache sees a change
 * at once; a right password still clears the wrong ones before it.
 */
describeEachEngine('identity: the cost of a login, and what it keeps', { seed: true }, (ctx) => {
  const s = useListeningApp(ctx);
  const citizen = 'nguyenvanan@demo.cqs.example';
  let citizenId: string;
  beforeAll(async () => {
    await seedDemoAccounts(ctx.database, ctx.config);
    citizenId = (await findByLogin(ctx.database.db, citizen))!.id;
  });

  const count = async (query: ReturnType<typeof sql>) =>
    (await ctx.database.rows<{ n: number }>(query))[0]!.n;
  const sessions = async () => ({
    web: await count(sql`SELECT count(*)::int AS n FROM identity_web_session WHERE person_id = ${citizenId}`),
    provider: await count(
      sql`SELECT count(*)::int AS n FROM identity_oidc_payload WHERE model = 'Session' AND payload->>'accountId' = ${citizenId}`,
    ),
  });

  it("computes the PKCE S256 challenge as openid-client does (RFC 7636's example too)", async () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
    for (let i = 0; i < 20; i++) {
      const verifier = i % 2 ? oc.randomPKCECodeVerifier() : randomBytes(48).toString('base64url');
      expect(pkceChallenge(verifier)).toBe(await oc.calculatePKCECodeChallenge(verifier));
    }
  });

  it('signs in with one web session and one provider session; the code cannot be exchanged twice', async () => {
    const before = await sessions();
    const browser = new Browserless();
    const login = await browser.go(`${s.url}/auth/login?returnTo=/ho-so`);
    const callback = await browser.submit(login, { login: citizen, password: DEMO_PASSWORD }, '/login', (u) =>
      u.includes('/auth/callback?'),
    );
    const authCookie = `cqs_auth=${browser.cookie('cqs_auth')}`;
    const home = await browser.go(callback.url, {}, (u) => u.endsWith('/ho-so'));
    expect(home.url).toBe(`${s.url}/ho-so`);
    expect((await browser.request(`${s.url}/api/me`)).status).toBe(200);
    expect(await sessions()).toEqual({ web: before.web + 1, provider: before.provider + 1 });

    // The same callback again, with the sign-in's cookie: the provider refuses the used code.
    const replay = await fetch(callback.url, { headers: { cookie: authCookie }, redirect: 'manual' });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/auth/login');
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('cqs_session='))).toBe(false);
    expect((await sessions()).web).toBe(before.web + 1);
  });

  it("sees a client's registration and changes at once, in this process and (by NOTIFY) in others", async () => {
    const { sealer } = s.app.identity;
    const db = ctx.database.db;
    expect(await findClientMetadata(db, sealer, 'so-xay-dung')).toBeUndefined();
    await inTransaction(ctx.database, (tx) =>
      registerClient(
        tx,
        sealer,
        {
          clientId: 'so-xay-dung',
          name: 'Sở Xây dựng',
          redirectUris: ['https://sxd.example.gov.vn/cb'],
          grantTypes: ['authorization_code'],
        },
        null,
      ),
    );
    expect((await findClientMetadata(db, sealer, 'so-xay-dung'))?.redirect_uris).toEqual([
      'https://sxd.example.gov.vn/cb',
    ]);

    // The web client kept in step with another PUBLIC_URL: seen as soon as the change commits.
    const web = await findClientMetadata(db, sealer, 'cqs-web');
    expect(web?.redirect_uris).toEqual([`${s.url}/auth/callback`]);
    await inTransaction(ctx.database, (tx) => ensureWebClient(tx, sealer, 'https://other.example.gov.vn'));
    expect((await findClientMetadata(db, sealer, 'cqs-web'))?.redirect_uris).toEqual([
      'https://other.example.gov.vn/auth/callback',
    ]);
    await inTransaction(ctx.database, (tx) => ensureWebClient(tx, sealer, s.url));

    // Another process's change (here by hand, with the NOTIFY the code sends): dropped on arrival.
    await ctx.database.rows(
      sql`UPDATE identity_oidc_client SET disabled_at = now() WHERE client_id = 'so-xay-dung'`,
    );
    await ctx.database.rows(sql`SELECT pg_notify('cqs_cache', 'oidc_client')`);
    const until = Date.now() + 5000;
    while ((await findClientMetadata(db, sealer, 'so-xay-dung')) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    expect(await findClientMetadata(db, sealer, 'so-xay-dung')).toBeUndefined();
  });

  it('clears the wrong passwords before a right one, and writes nothing when there were none', async () => {
    const attempt = (password: string) =>
      authenticate(
        ctx.database,
        { login: citizen, password, ip: '198.51.100.9' },
        s.app.identity.loginPolicy,
      );
    await expect(attempt('sai-mat-khau-1')).rejects.toMatchObject({ code: 'IDENTITY.INVALID_CREDENTIALS' });
    expect((await findByLogin(ctx.database.db, citizen))!.failedLogins).toBe(1);
    await attempt(DEMO_PASSWORD);
    expect((await findByLogin(ctx.database.db, citizen))!.failedLogins).toBe(0);
    const xmin = async () =>
      (
        await ctx.database.rows<{ x: string }>(
          sql`SELECT xmin::text AS x FROM identity_person WHERE id = ${citizenId}`,
        )
      )[0]!.x;
    const row = await xmin();
    await attempt(DEMO_PASSWORD);
    expect(await xmin()).toBe(row);
  });
});
