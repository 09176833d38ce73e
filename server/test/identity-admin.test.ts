import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { seedDemoAccounts } from '../seed/demo.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { findByLogin } from '../src/modules/identity/accounts.ts';
import { createSession } from '../src/modules/identity/sessions.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';

const CSRF = 'test-csrf-token';

describeEachEngine('account administration through the API', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    await seedDemoAccounts(ctx.database, ctx.config);
    // Sessions as the sign-in would leave them (the sign-in itself is tested in identity-oidc).
    for (const login of ['quantri', 'quantri.so', 'motcua', 'lanhdao', 'nguyenvanan', 'tranthibinh']) {
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
      cookies[login] = `cqs_session=${token}; cqs_csrf=${CSRF}`;
    }
  });

  const as = (who: string, req: InjectOptions) =>
    h.app.inject({ ...req, headers: { cookie: cookies[who]!, 'x-csrf-token': CSRF, ...req.headers } });
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
      headers: { cookie: cookies.quantri! },
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
});
