import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { seedDemoAccounts } from '../seed/demo.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { findByLogin, setStatus } from '../src/modules/identity/accounts.ts';
import { findAgencyByCode, revokeRole } from '../src/modules/identity/roles.ts';
import { createSession } from '../src/modules/identity/sessions.ts';
import { csrfTokenFor } from '../src/modules/identity/web-session.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';

/** The headers a signed-in browser sends: its session cookie, and the session's CSRF token. */
const headersFor = (token: string) => ({
  cookie: `cqs_session=${token}; cqs_csrf=${csrfTokenFor(token)}`,
  'x-csrf-token': csrfTokenFor(token),
});

describeEachEngine('account administration through the API', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const signedIn: Record<string, { cookie: string; 'x-csrf-token': string }> = {};

  beforeAll(async () => {
    await seedDemoAccounts(ctx.database, ctx.config);
    // Sessions as the sign-in would leave them (the sign-in itself is tested in identity-oidc).
    for (const login of [
      'quantri',
      'quantri.so',
      'motcua',
      'lanhdao',
      'chuyenvien',
      'nguyenvanan',
      'tranthibinh',
    ]) {
      const person = (await findByLogin(ctx.database.db, `${login}@demo.cqs.example`))!;
      const { token } = await inTransaction(ctx.database, (tx) =>
        createSession(tx, {
          personId: person.id,
          idToken: null,
          userAgent: 'test',
          ip: '127.0.0.1',
          hours: 1,
        }),
      );
      signedIn[login] = headersFor(token);
    }
  });

  const as = (who: string, req: InjectOptions) =>
    h.app.inject({ ...req, headers: { ...signedIn[who]!, ...req.headers } });
  const rolesOfLogin = async (login: string) =>
    (
      await ctx.database.rows<{ role: string }>(
        sql`SELECT r.role FROM identity_role_assignment r JOIN identity_person p ON p.id = r.person_id WHERE p.email = ${`${login}@demo.cqs.example`}`,
      )
    ).map((r) => r.role);
  const agencyCode = async (prefix: string) => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/agencies?level=province&q=${encodeURIComponent(prefix)}`,
    });
    return (res.json().items as { code: string; name: { vi: string } }[]).find((a) =>
      a.name.vi.startsWith(prefix),
    )!.code;
  };

  it('lets an agency admin create officials and grant roles in their own agency only', async () => {
    const justice = await agencyCode('Sở Tư pháp');
    const health = await agencyCode('Sở Y tế');
    const created = await as('quantri.so', {
      method: 'POST',
      url: '/api/identity/officials',
      payload: {
        fullName: 'Ngô Văn Mới',
        email: 'ngovanmoi@demo.cqs.example',
        agencyCode: justice,
        role: 'specialist',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      fullName: 'Ngô Văn Mới',
      email: 'ng***@demo.cqs.example',
      roles: [{ role: 'specialist', agencyCode: justice }],
    });

    const elsewhere = await as('quantri.so', {
      method: 'POST',
      url: `/api/identity/persons/${created.json().id}/roles`,
      payload: { agencyCode: health, role: 'leader' },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().title).toBe('Bạn không có quyền thực hiện thao tác này.');
    // An agency admin hands out only the agency's own roles, never a platform role, and not to themselves.
    const escalate = await as('quantri.so', {
      method: 'POST',
      url: `/api/identity/persons/${created.json().id}/roles`,
      payload: { agencyCode: justice, role: 'system_admin' },
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().detail).toContain('Chỉ quản trị hệ thống');
    const me = (await as('quantri.so', { method: 'GET', url: '/api/me' })).json();
    const ownAdmin = me.roles.find((r: { role: string }) => r.role === 'agency_admin');
    const selfRevoke = await as('quantri.so', {
      method: 'DELETE',
      url: `/api/identity/persons/${me.id}/roles`,
      payload: { agencyCode: ownAdmin.agencyCode, role: 'agency_admin' },
    });
    expect(selfRevoke.statusCode).toBe(403);
    expect(selfRevoke.json().detail).toContain('chính mình');
    const byCitizen = await as('nguyenvanan', {
      method: 'GET',
      url: `/api/identity/persons?agency=${justice}`,
    });
    expect(byCitizen.statusCode).toBe(403);
    const bySystemAdmin = await as('quantri', {
      method: 'POST',
      url: `/api/identity/persons/${created.json().id}/roles`,
      payload: { agencyCode: health, role: 'leader' },
    });
    expect(bySystemAdmin.statusCode).toBe(200);
    expect(
      bySystemAdmin
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['leader', 'specialist']);
    const granted = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM platform_audit_log WHERE action = 'role.granted' AND subject_id = ${created.json().id}`,
    );
    expect(granted[0]!.n).toBe(2);
  });

  const idOf = async (login: string) => (await findByLogin(ctx.database.db, `${login}@demo.cqs.example`))!.id;
  const statusOf = async (id: string) =>
    (
      await ctx.database.rows<{ status: string }>(sql`SELECT status FROM identity_person WHERE id = ${id}`)
    )[0]!.status;

  it('prevents an agency admin from pulling the system admin into its agency, then disabling them', async () => {
    const justice = await agencyCode('Sở Tư pháp');
    const root = await idOf('quantri');
    const pull = await as('quantri.so', {
      method: 'POST',
      url: `/api/identity/persons/${root}/roles`,
      payload: { agencyCode: justice, role: 'specialist' },
    });
    expect(pull.statusCode, pull.body).toBe(403);
    expect(pull.json().detail).toContain('chỉ quản lý cán bộ');
    for (const verb of ['disable', 'unlock', 'enable']) {
      const res = await as('quantri.so', { method: 'POST', url: `/api/identity/persons/${root}/${verb}` });
      expect(res.statusCode, verb).toBe(403);
    }
    const signOut = await as('quantri.so', {
      method: 'DELETE',
      url: `/api/identity/persons/${root}/sessions`,
    });
    expect(signOut.statusCode).toBe(403);
    expect(await statusOf(root)).toBe('active');
    expect((await rolesOfLogin('quantri')).sort()).toEqual(['system_admin']);
    expect((await as('quantri', { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it("prevents an agency admin from managing citizens and other agencies' staff", async () => {
    const justice = await agencyCode('Sở Tư pháp');
    for (const login of ['nguyenvanan', 'motcua']) {
      const id = await idOf(login);
      const pull = await as('quantri.so', {
        method: 'POST',
        url: `/api/identity/persons/${id}/roles`,
        payload: { agencyCode: justice, role: 'specialist' },
      });
      expect(pull.statusCode, login).toBe(403);
      const disable = await as('quantri.so', { method: 'POST', url: `/api/identity/persons/${id}/disable` });
      expect(disable.statusCode, login).toBe(403);
      expect(await statusOf(id)).toBe('active');
    }
    // The agency's own specialist is the agency admin's to manage.
    const own = await idOf('chuyenvien');
    const listed = await as('quantri.so', { method: 'GET', url: `/api/identity/persons?agency=${justice}` });
    const summary = listed.json().items.find((p: { id: string }) => p.id === own);
    expect(summary.actions).toEqual(['disable', 'end_sessions']);
    const root = listed.json().items.find((p: { fullName: string }) => p.fullName === 'Vũ Quang Huy');
    expect(root).toBeUndefined();
  });

  it('prevents admins from granting themselves operational roles (separation of duties)', async () => {
    const justice = await agencyCode('Sở Tư pháp');
    for (const login of ['quantri.so', 'quantri']) {
      const self = await as(login, {
        method: 'POST',
        url: `/api/identity/persons/${await idOf(login)}/roles`,
        payload: { agencyCode: justice, role: 'leader' },
      });
      expect(self.statusCode, login).toBe(403);
      expect(self.json().detail).toContain('chính mình');
      expect(await rolesOfLogin(login)).not.toContain('leader');
    }
  });

  it('prevents an agency admin from granting administration roles, even in its own agency', async () => {
    const justice = await agencyCode('Sở Tư pháp');
    const own = await idOf('chuyenvien');
    for (const role of ['agency_admin', 'system_admin', 'dx_office']) {
      const res = await as('quantri.so', {
        method: 'POST',
        url: `/api/identity/persons/${own}/roles`,
        payload: { agencyCode: justice, role },
      });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().detail).toContain('Chỉ quản trị hệ thống');
      const created = await as('quantri.so', {
        method: 'POST',
        url: '/api/identity/officials',
        payload: {
          fullName: 'Quản Trị Mới',
          email: `moi.${role}@demo.cqs.example`,
          agencyCode: justice,
          role,
        },
      });
      expect(created.statusCode, role).toBe(403);
    }
    expect(await rolesOfLogin('chuyenvien')).toEqual(['specialist']);
  });

  it('lets only system admins register OIDC clients, and shows the secret once', async () => {
    const payload = {
      clientId: 'dvc-tuyenquang',
      name: 'Cổng DVC',
      redirectUris: ['https://dvc.example/cb'],
      grantTypes: ['authorization_code'],
    };
    expect(
      (await as('quantri.so', { method: 'POST', url: '/api/identity/clients', payload })).statusCode,
    ).toBe(403);
    const ok = await as('quantri', { method: 'POST', url: '/api/identity/clients', payload });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().clientSecret).toMatch(/^[\w-]{40,}$/);
    const again = await as('quantri', { method: 'POST', url: '/api/identity/clients', payload });
    expect(again.statusCode).toBe(409);
    const list = await as('quantri', { method: 'GET', url: '/api/identity/clients' });
    expect(JSON.stringify(list.json())).not.toContain(ok.json().clientSecret);
  });

  it('refuses javascript:, data:, wildcard and plain-http redirect URIs with a 422 naming the field', async () => {
    const register = (
      clientId: string,
      uris: { redirectUris?: string[]; postLogoutRedirectUris?: string[] },
    ) =>
      as('quantri', {
        method: 'POST',
        url: '/api/identity/clients',
        payload: {
          clientId,
          name: clientId,
          redirectUris: ['https://dvc.example/cb'],
          grantTypes: ['authorization_code'],
          ...uris,
        },
      });
    const refused: [string, string, string[]][] = [
      ['bad-js', 'redirectUris', ['javascript:alert(document.cookie)//']],
      ['bad-data', 'redirectUris', ['data:text/html,<script>alert(1)</script>']],
      ['bad-wild-host', 'redirectUris', ['https://*.example.vn/cb']],
      ['bad-wild-path', 'redirectUris', ['https://dvc.example/*']],
      ['bad-http', 'redirectUris', ['http://dvc.example/cb']],
      ['bad-creds', 'redirectUris', ['https://user:pass@dvc.example/cb']],
      ['bad-scheme', 'redirectUris', ['myapp:/cb']],
      ['bad-logout', 'postLogoutRedirectUris', ['javascript:alert(1)']],
    ];
    for (const [clientId, field, uris] of refused) {
      const res = await register(clientId, { [field]: uris });
      expect(res.statusCode, clientId).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('IDENTITY.INVALID_REDIRECT_URI');
      expect(res.json().errors[0].field, clientId).toBe(field);
      expect(res.json().errors[0].en, clientId).toContain(uris[0]);
    }
    const written = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM identity_oidc_client WHERE client_id LIKE 'bad-%'`,
    );
    expect(written[0]!.n).toBe(0);
    for (const [clientId, uri] of [
      ['dev-localhost', 'http://localhost:8080/cb'],
      ['dev-loopback', 'http://127.0.0.1:9/cb'],
      ['native-app', 'vn.gov.tuyenquang.dichvucong:/oauth2redirect'],
    ]) {
      const ok = await register(clientId!, { redirectUris: [uri!] });
      expect(ok.statusCode, `${uri}: ${ok.body}`).toBe(201);
    }
  });

  it("audits a counter officer's lookup of an applicant by CCCD; others may not look up", async () => {
    const found = await as('motcua', {
      method: 'GET',
      url: '/api/identity/persons/lookup?cccd=008090001234',
    });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ fullName: 'Nguyễn Văn An', phone: '0912345678' });
    const reads = await ctx.database.rows<{ actor: string; subject: string }>(
      sql`SELECT actor_id AS actor, subject_id AS subject FROM platform_audit_log WHERE action = 'personal_data.read'`,
    );
    expect(reads).toEqual([
      {
        actor: (await findByLogin(ctx.database.db, 'motcua@demo.cqs.example'))!.id,
        subject: found.json().id,
      },
    ]);
    expect(
      (await as('lanhdao', { method: 'GET', url: '/api/identity/persons/lookup?cccd=008090001234' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as('quantri', { method: 'GET', url: '/api/identity/persons/lookup?cccd=008090001234' }))
        .statusCode,
    ).toBe(403);
  });

  it('tells nobody but the counter whether a CCCD has an account: 403 for one that has and one that has not', async () => {
    for (const who of ['lanhdao', 'quantri', 'nguyenvanan']) {
      for (const cccd of ['008195004321', '008195009999']) {
        const res = await as(who, { method: 'GET', url: `/api/identity/persons/lookup?cccd=${cccd}` });
        expect(res.statusCode, `${who} ${cccd}`).toBe(403);
      }
    }
    const missing = await as('motcua', {
      method: 'GET',
      url: '/api/identity/persons/lookup?cccd=008195009999',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('shows admins locked accounts and lets them unlock and end sessions', async () => {
    const binh = (await findByLogin(ctx.database.db, 'tranthibinh@demo.cqs.example'))!;
    await ctx.database.rows(
      sql`UPDATE identity_person SET locked_until = now() + interval '10 minutes' WHERE id = ${binh.id}`,
    );
    const locked = await as('quantri', { method: 'GET', url: '/api/identity/persons?locked=true' });
    expect(locked.json().items.map((p: { fullName: string }) => p.fullName)).toEqual(['Trần Thị Bình']);
    expect(locked.json().items[0].cccd).toBe('008******321');
    expect(locked.json().items[0].actions).toEqual(['unlock', 'disable', 'end_sessions']);
    const unlocked = await as('quantri', { method: 'POST', url: `/api/identity/persons/${binh.id}/unlock` });
    expect(unlocked.json().lockedUntil).toBeNull();
    const an = (await findByLogin(ctx.database.db, 'nguyenvanan@demo.cqs.example'))!;
    const ended = await as('quantri', { method: 'DELETE', url: `/api/identity/persons/${an.id}/sessions` });
    expect(ended.json().revoked).toBe(1);
    expect((await as('nguyenvanan', { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('refuses state changes without the CSRF header when riding on the session cookie', async () => {
    const res = await h.app.inject({
      method: 'DELETE',
      url: '/api/identity/persons/00000000-0000-7000-8000-000000000000/sessions',
      headers: { cookie: signedIn.quantri!.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('IDENTITY.CSRF');
  });

  it('lets a citizen register the business they represent by its tax code', async () => {
    const created = await as('tranthibinh', {
      method: 'POST',
      url: '/api/me/organizations',
      payload: { taxCode: '0100109106', name: 'Công ty TNHH Chè Tân Trào', title: 'Giám đốc' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const mine = await as('tranthibinh', { method: 'GET', url: '/api/me/organizations' });
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        taxCode: '0100109106',
        name: 'Công ty TNHH Chè Tân Trào',
        title: 'Giám đốc',
      }),
    ]);
    const again = await as('lanhdao', {
      method: 'POST',
      url: '/api/me/organizations',
      payload: { taxCode: '0100109106', name: 'Khác' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('taxCode');
    const badDigit = await as('tranthibinh', {
      method: 'POST',
      url: '/api/me/organizations',
      payload: { taxCode: '0100109107', name: 'Sai mã' },
    });
    expect(badDigit.statusCode).toBe(400);
    expect(badDigit.json().errors[0]).toMatchObject({
      field: 'taxCode',
      vi: expect.stringContaining('chữ số kiểm tra'),
    });
  });

  // Last: it leaves one system admin disabled.
  it('keeps the last active system admin: two admins disabling each other leave one', async () => {
    const officeCode = (
      await ctx.database.rows<{ code: string }>(
        sql`SELECT a.code FROM identity_agency a JOIN identity_role_assignment r ON r.agency_id = a.id WHERE r.role = 'system_admin' LIMIT 1`,
      )
    )[0]!.code;
    const second = await as('quantri', {
      method: 'POST',
      url: '/api/identity/officials',
      payload: {
        fullName: 'Phó Quản Trị',
        email: 'phoquantri@demo.cqs.example',
        agencyCode: officeCode,
        role: 'system_admin',
      },
    });
    expect(second.statusCode, second.body).toBe(201);
    const person = (await findByLogin(ctx.database.db, 'phoquantri@demo.cqs.example'))!;
    const { token } = await inTransaction(ctx.database, (tx) =>
      createSession(tx, { personId: person.id, idToken: null, userAgent: 'test', ip: '127.0.0.1', hours: 1 }),
    );
    signedIn.phoquantri = headersFor(token);
    const root = await idOf('quantri');
    const [a, b] = await Promise.all([
      as('quantri', { method: 'POST', url: `/api/identity/persons/${person.id}/disable` }),
      as('phoquantri', { method: 'POST', url: `/api/identity/persons/${root}/disable` }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json().code).toBe('IDENTITY.LAST_SYSTEM_ADMIN');
    const active = await ctx.database.rows<{ id: string }>(
      sql`SELECT DISTINCT p.id FROM identity_person p JOIN identity_role_assignment r ON r.person_id = p.id WHERE r.role = 'system_admin' AND p.status = 'active'`,
    );
    expect(active).toHaveLength(1);
    // The one left cannot be demoted either, not even from the command line's service.
    const last = active[0]!.id;
    await expect(
      inTransaction(ctx.database, async (tx) => {
        const office = await findAgencyByCode(tx, officeCode);
        await revokeRole(tx, last, office.id, 'system_admin', null, null);
      }),
    ).rejects.toMatchObject({ code: 'IDENTITY.LAST_SYSTEM_ADMIN' });
    await expect(
      inTransaction(ctx.database, (tx) => setStatus(tx, last, 'disabled', last, null)),
    ).rejects.toMatchObject({ code: 'IDENTITY.LAST_SYSTEM_ADMIN' });
    expect(await statusOf(last)).toBe('active');
  });
});
