import { sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { expect, it } from 'vitest';
import { inTransaction } from '../src/db/transaction.ts';
import { findByLogin } from '../src/modules/identity/accounts.ts';
import { verifyPassword } from '../src/modules/identity/passwords.ts';
import { createSession } from '../src/modules/identity/sessions.ts';
import { issueToken } from '../src/modules/identity/tokens.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const codeAt = (secret: string, offsetMs = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetMs,
  });

describeEachEngine('identity: my password and two-factor settings', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const { as, ids } = useDemoSessions(ctx, h, ['nguyenvanan', 'tranthibinh', 'motcua']);

  it('changes the password with the current one, refusing a wrong or weak one field by field', async () => {
    const change = (body: Record<string, string>) =>
      as('tranthibinh', { method: 'POST', url: '/api/me/password', payload: body });
    const wrong = await change({ currentPassword: 'not-it', newPassword: 'Mot-Mat-Khau-Rat-Dai-2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({
      field: 'body.currentPassword',
      vi: 'Mật khẩu hiện tại không đúng.',
    });
    const weak = await change({ currentPassword: 'ChinhQuyenSo@2026', newPassword: '12345678' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.newPassword');
    const ok = await change({
      currentPassword: 'ChinhQuyenSo@2026',
      newPassword: 'Binh-Doi-Mat-Khau-Moi-2026',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const person = (await findByLogin(ctx.database.db, 'tranthibinh@demo.cqs.example'))!;
    expect(await verifyPassword(person.passwordHash, 'Binh-Doi-Mat-Khau-Moi-2026')).toBe(true);
    expect(await verifyPassword(person.passwordHash, 'ChinhQuyenSo@2026')).toBe(false);
    // The session that made the change goes on.
    expect((await as('tranthibinh', { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('turns two-factor on with a code from the new secret, and off again with a fresh code', async () => {
    const setup = (await as('nguyenvanan', { method: 'POST', url: '/api/me/totp/setup' })).json();
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const bad = await as('nguyenvanan', {
      method: 'POST',
      url: '/api/me/totp',
      payload: { secret: setup.secret, code: '000000' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.code');
    expect((await as('nguyenvanan', { method: 'GET', url: '/api/me' })).json().totpEnabled).toBe(false);
    const on = await as('nguyenvanan', {
      method: 'POST',
      url: '/api/me/totp',
      payload: { secret: setup.secret, code: codeAt(setup.secret) },
    });
    expect(on.statusCode, on.body).toBe(200);
    expect((await as('nguyenvanan', { method: 'GET', url: '/api/me' })).json().totpEnabled).toBe(true);
    // The code just used cannot turn it off (replay); the next one can.
    const replay = await as('nguyenvanan', {
      method: 'DELETE',
      url: '/api/me/totp',
      payload: { code: codeAt(setup.secret) },
    });
    expect(replay.statusCode).toBe(400);
    const off = await as('nguyenvanan', {
      method: 'DELETE',
      url: '/api/me/totp',
      payload: { code: codeAt(setup.secret, 30_000) },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await as('nguyenvanan', { method: 'GET', url: '/api/me' })).json().totpEnabled).toBe(false);
  });

  it('keeps two-factor on for officials', async () => {
    const res = await as('motcua', { method: 'DELETE', url: '/api/me/totp', payload: { code: '123456' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('bắt buộc xác thực hai lớp');
  });

  // Last: it signs nguyenvanan out everywhere.
  it('prevents a password reset from leaving other sessions alive (web sessions and single sign-on)', async () => {
    const an = ids.nguyenvanan!;
    // A second device, besides the suite's session.
    await inTransaction(ctx.database, (tx) =>
      createSession(tx, { personId: an, idToken: null, userAgent: 'phone', ip: null, hours: 1 }),
    );
    // What oidc-provider would hold for a sign-in at another provincial system.
    for (const model of ['Session', 'Grant', 'RefreshToken']) {
      await ctx.database.rows(
        sql`INSERT INTO identity_oidc_payload (model, id, payload) VALUES (${model}, ${`t-${model}`}, ${JSON.stringify({ accountId: an })}::jsonb)`,
      );
    }
    expect((await as('nguyenvanan', { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const token = await inTransaction(ctx.database, (tx) => issueToken(tx, an, 'reset_password'));
    const reset = await h.app.inject({
      method: 'POST',
      url: '/api/identity/password-reset/confirm',
      payload: { token, password: 'Dat-Lai-Mat-Khau-Moi-2026' },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await as('nguyenvanan', { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const live = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM identity_web_session WHERE person_id = ${an} AND revoked_at IS NULL`,
    );
    expect(live[0]!.n).toBe(0);
    const kept = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM identity_oidc_payload WHERE payload->>'accountId' = ${an}`,
    );
    expect(kept[0]!.n).toBe(0);
  });
});
