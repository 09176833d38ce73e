import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { localizedTextSchema } from '../../platform/http/schemas.ts';
import type { IdentityContext } from './context.ts';
import { organizationsOf, registerOrganization } from './organizations.ts';
import { ROLES } from './policy.ts';
import { register, verifyEmail } from './registration.ts';
import { rolesOf } from './roles.ts';
import { requestPasswordReset, resetPassword } from './self-service.ts';
import { listSessions, revokeSessions } from './sessions.ts';
import { retryAfterOf } from './sign-in-limits.ts';
import { requireAuth } from './web-session.ts';

const roleSchema = z.object({
  agencyId: z.uuid(),
  agencyCode: z.string(),
  agencyName: localizedTextSchema,
  role: z.enum(ROLES),
});

export const meSchema = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    cccd: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    addressCommuneCode: z.string().nullable(),
    assuranceLevel: z.enum(['level1', 'level2']),
    totpEnabled: z.boolean(),
    roles: z.array(roleSchema),
    sessionId: z.uuid(),
  })
  .meta({ id: 'Me' });

const sessionSchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
});

const registerBody = z
  .object({
    fullName: z.string().max(100),
    email: z.string().max(254),
    phone: z.string().max(20).optional(),
    cccd: z.string().max(12).optional(),
    dateOfBirth: z.iso.date().optional(),
    addressCommuneCode: z
      .string()
      .regex(/^\d{5}$/, 'must be a 5-digit commune code')
      .optional(),
    password: z.string().max(128),
  })
  .strict();

/** The signed-in person's own account, and the self-service JSON API. */
export const accountRoutes =
  (ctx: IdentityContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.database.db;
    // A refusal to go on yet (429) says when to come back.
    app.addHook('onError', async (_req, reply, error) => {
      const wait = retryAfterOf(error);
      if (wait !== undefined) reply.header('retry-after', String(wait));
    });

    app.get(
      '/api/me',
      {
        schema: {
          tags: ['identity'],
          summary: 'Who is signed in: profile, identity level, roles by agency',
          response: { 200: meSchema, ...problemResponses(401) },
        },
      },
      async (req) => {
        const { person, session } = requireAuth(req);
        return {
          id: person.id,
          fullName: person.fullName,
          email: person.email,
          phone: person.phone,
          cccd: person.cccd,
          dateOfBirth: person.dateOfBirth,
          addressCommuneCode: person.addressCommuneCode,
          assuranceLevel: person.assuranceLevel as 'level1' | 'level2',
          totpEnabled: Boolean(person.totpEnabledAt),
          roles: await rolesOf(db, person.id),
          sessionId: session.id,
        };
      },
    );

    app.get(
      '/api/me/sessions',
      {
        schema: {
          tags: ['identity'],
          summary: 'My signed-in sessions (devices)',
          response: { 200: z.object({ items: z.array(sessionSchema) }), ...problemResponses(401) },
        },
      },
      async (req) => {
        const { person, session } = requireAuth(req);
        const items = await listSessions(db, person.id);
        return {
          items: items.map((s) => ({
            id: s.id,
            current: s.id === session.id,
            userAgent: s.userAgent,
            ip: s.ip,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
            expiresAt: s.expiresAt.toISOString(),
          })),
        };
      },
    );

    app.delete(
      '/api/me/sessions/:id',
      {
        schema: {
          tags: ['identity'],
          summary: 'End one of my sessions (sign a device out)',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...problemResponses(401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { person } = requireAuth(req);
        await inTransaction(ctx.database, (tx) =>
          revokeSessions(tx, { personId: person.id, sessionId: req.params.id }, person.id, req.ip),
        );
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/me/sessions',
      {
        schema: {
          tags: ['identity'],
          summary: 'Sign out every other device (all my sessions but this one)',
          querystring: z.object({ others: z.literal('true') }).strict(),
          response: { 200: z.object({ revoked: z.number().int() }), ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { person, session } = requireAuth(req);
        const revoked = await inTransaction(ctx.database, (tx) =>
          revokeSessions(tx, { personId: person.id, exceptSessionId: session.id }, person.id, req.ip),
        );
        return { revoked };
      },
    );

    app.post(
      '/api/identity/register',
      {
        schema: {
          tags: ['identity'],
          summary:
            'Self-registration of a citizen (identity level 1): a verification link is e-mailed; the account is created when it is opened',
          description:
            'The answer is the same whether or not the e-mail, phone or CCCD already has an account; the owner of an existing account is told by e-mail instead. Limited per address and per e-mail, phone and CCCD (429 with Retry-After).',
          body: registerBody,
          response: {
            202: z.object({ status: z.literal('check_email') }),
            ...problemResponses(400, 429),
          },
        },
      },
      async (req, reply) => {
        await register(ctx, req.body, req.ip);
        return reply.status(202).send({ status: 'check_email' as const });
      },
    );

    app.post(
      '/api/identity/verify-email',
      {
        schema: {
          tags: ['identity'],
          summary: 'Create the account registered with the token from the verification e-mail',
          body: z.object({ token: z.string().min(10).max(200) }).strict(),
          response: { 204: z.null(), ...problemResponses(400, 409) },
        },
      },
      async (req, reply) => {
        await verifyEmail(ctx, req.body.token, req.ip);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/identity/password-reset',
      {
        schema: {
          tags: ['identity'],
          summary: 'E-mail a one-time password reset link (same answer whether or not the account exists)',
          body: z.object({ email: z.string().max(254) }).strict(),
          response: { 202: z.null(), ...problemResponses(400, 429) },
        },
      },
      async (req, reply) => {
        await requestPasswordReset(ctx, req.body.email, req.ip);
        return reply.status(202).send(null);
      },
    );

    app.post(
      '/api/identity/password-reset/confirm',
      {
        schema: {
          tags: ['identity'],
          summary: 'Set a new password with the token from the reset e-mail',
          body: z.object({ token: z.string().min(10).max(200), password: z.string().max(128) }).strict(),
          response: { 204: z.null(), ...problemResponses(400) },
        },
      },
      async (req, reply) => {
        await resetPassword(ctx, req.body.token, req.body.password, req.ip);
        return reply.status(204).send(null);
      },
    );

    const organizationSchema = z.object({
      id: z.uuid(),
      taxCode: z.string(),
      name: z.string(),
      addressCommuneCode: z.string().nullable(),
      title: z.string().nullable(),
    });

    app.get(
      '/api/me/organizations',
      {
        schema: {
          tags: ['identity'],
          summary: 'Businesses and organisations I represent',
          response: { 200: z.object({ items: z.array(organizationSchema) }), ...problemResponses(401) },
        },
      },
      async (req) => {
        const { person } = requireAuth(req);
        const items = await organizationsOf(db, person.id);
        return {
          items: items.map(({ id, taxCode, name, addressCommuneCode, title }) => ({
            id,
            taxCode,
            name,
            addressCommuneCode,
            title,
          })),
        };
      },
    );

    app.post(
      '/api/me/organizations',
      {
        schema: {
          tags: ['identity'],
          summary: 'Register a business by its tax code (mã số thuế) and become its representative',
          body: z
            .object({
              taxCode: z.string().max(20),
              name: z.string().max(300),
              addressCommuneCode: z
                .string()
                .regex(/^\d{5}$/, 'must be a 5-digit commune code')
                .optional(),
              title: z.string().max(100).optional(),
            })
            .strict(),
          response: { 201: organizationSchema, ...problemResponses(400, 401, 409) },
        },
      },
      async (req, reply) => {
        const { person } = requireAuth(req);
        const org = await inTransaction(ctx.database, (tx) =>
          registerOrganization(tx, req.body, person.id, req.ip),
        );
        const { id, taxCode, name, addressCommuneCode, title } = org;
        return reply.status(201).send({ id, taxCode, name, addressCommuneCode, title });
      },
    );
  };
