import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { getPerson, setPassword } from './accounts.ts';
import type { IdentityContext } from './context.ts';
import { IdentityErrors } from './errors.ts';
import { verifyPassword } from './passwords.ts';
import { rolesOf } from './roles.ts';
import { persons } from './schema.ts';
import { endSignInsAfterPasswordChange, personChanged } from './sessions.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';
import { requireAuth } from './web-session.ts';

const wrongPassword = () =>
  IdentityErrors.create(
    'INVALID_INPUT',
    { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
    [
      {
        field: 'body.currentPassword',
        vi: 'Mật khẩu hiện tại không đúng.',
        en: 'The current password is wrong.',
      },
    ],
  );
const wrongCode = () =>
  // 400, not 401: the session is fine, only the code is wrong.
  IdentityErrors.create(
    'INVALID_INPUT',
    { vi: 'Mã xác thực không đúng hoặc đã hết hạn.', en: 'The code is wrong or expired.' },
    [{ field: 'body.code', vi: 'Mã không đúng hoặc đã hết hạn.', en: 'The code is wrong or expired.' }],
  );

/**
 * The signed-in person's own security settings: change the password (other devices are signed out),
 * turn two-factor sign-in on (citizens may; officials must have it) or off (citizens only).
 */
export const securityRoutes =
  (ctx: IdentityContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.database.db;

    app.post(
      '/api/me/password',
      {
        schema: {
          tags: ['identity'],
          summary: 'Change my password (needs the current one); my other sessions are ended',
          body: z
            .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
            .strict(),
          response: {
            200: z.object({ otherSessionsEnded: z.number().int() }),
            ...problemResponses(400, 401, 403),
          },
        },
      },
      async (req) => {
        const { person, session } = requireAuth(req);
        const current = await getPerson(db, person.id);
        if (!(await verifyPassword(current.passwordHash, req.body.currentPassword))) throw wrongPassword();
        const ended = await inTransaction(ctx.database, async (tx) => {
          try {
            await setPassword(tx, current, req.body.newPassword, person.id, req.ip);
          } catch (e) {
            // The strength check names the field `password`; here it is the new one.
            const err = e as { fieldErrors?: { field: string }[] };
            for (const f of err.fieldErrors ?? []) if (f.field === 'password') f.field = 'body.newPassword';
            throw e;
          }
          return endSignInsAfterPasswordChange(tx, person.id, session.id, req.ip);
        });
        return { otherSessionsEnded: ended };
      },
    );

    app.post(
      '/api/me/totp/setup',
      {
        schema: {
          tags: ['identity'],
          summary:
            'Start turning on two-factor sign-in: a new secret and its QR code for an authenticator app',
          description: 'Nothing is saved until `POST /api/me/totp` confirms a code made from this secret.',
          response: {
            200: z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() }),
            ...problemResponses(401, 403),
          },
        },
      },
      async (req) => {
        const { person } = requireAuth(req);
        const secret = newTotpSecret();
        const uri = totpUri(secret, person.email ?? person.phone ?? person.fullName);
        return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
      },
    );

    app.post(
      '/api/me/totp',
      {
        schema: {
          tags: ['identity'],
          summary: 'Turn on two-factor sign-in with the secret from setup and a code the app shows',
          body: z
            .object({ secret: z.string().regex(/^[A-Z2-7]{16,64}$/), code: z.string().max(20) })
            .strict(),
          response: { 200: z.object({ enabled: z.literal(true) }), ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { person } = requireAuth(req);
        const step = checkTotp(req.body.secret, req.body.code);
        if (step === null) throw wrongCode();
        await inTransaction(ctx.database, async (tx) => {
          await tx
            .update(persons)
            .set({
              totpSecret: ctx.sealer.seal(req.body.secret),
              totpEnabledAt: new Date(),
              totpLastStep: step,
            })
            .where(eq(persons.id, person.id));
          personChanged(tx, person.id);
          await appendAudit(tx, {
            actorId: person.id,
            action: 'totp.enabled',
            subjectType: 'person',
            subjectId: person.id,
            ip: req.ip,
          });
        });
        return { enabled: true as const };
      },
    );

    app.delete(
      '/api/me/totp',
      {
        schema: {
          tags: ['identity'],
          summary: 'Turn off two-factor sign-in (citizens only; officials must keep it), with a current code',
          body: z.object({ code: z.string().max(20) }).strict(),
          response: { 200: z.object({ enabled: z.literal(false) }), ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { person } = requireAuth(req);
        if ((await rolesOf(db, person.id)).length > 0)
          throw IdentityErrors.create('FORBIDDEN', {
            vi: 'Tài khoản cán bộ bắt buộc xác thực hai lớp, không thể tắt.',
            en: 'Officials must keep two-factor sign-in; it cannot be turned off.',
          });
        const current = await getPerson(db, person.id);
        if (!current.totpSecret) return { enabled: false as const };
        if (checkTotp(ctx.sealer.open(current.totpSecret), req.body.code, current.totpLastStep) === null)
          throw wrongCode();
        await inTransaction(ctx.database, async (tx) => {
          await tx
            .update(persons)
            .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
            .where(eq(persons.id, person.id));
          personChanged(tx, person.id);
          await appendAudit(tx, {
            actorId: person.id,
            action: 'totp.disabled',
            subjectType: 'person',
            subjectId: person.id,
            ip: req.ip,
          });
        });
        return { enabled: false as const };
      },
    );
  };
