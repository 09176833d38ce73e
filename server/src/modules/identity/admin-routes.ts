import { and, desc, eq, gt, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { localizedTextSchema } from '../../platform/http/schemas.ts';
import { createPerson, getPerson, mask, setStatus, unlock } from './accounts.ts';
import { listClients, registerClient } from './clients.ts';
import type { IdentityContext } from './context.ts';
import { IdentityErrors } from './errors.ts';
import {
  type Action,
  type ActionOn,
  type Actor,
  allowedActions,
  can,
  OPERATIONAL_ROLES,
  type ResourceOf,
  ROLES,
} from './policy.ts';
import { accountRecord, findAgencyByCode, grantRole, revokeRole, rolesOf } from './roles.ts';
import { persons, roleAssignments } from './schema.ts';
import { requestPasswordReset } from './self-service.ts';
import { revokeSessions } from './sessions.ts';
import { requireAuth } from './web-session.ts';

const ACCOUNT_ACTIONS = ['unlock', 'disable', 'enable', 'end_sessions'] as const;
type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

const personSummary = z.object({
  actions: z.array(z.enum(ACCOUNT_ACTIONS)).meta({ description: 'what the caller may do to this account' }),
  id: z.uuid(),
  fullName: z.string(),
  email: z.string().nullable().meta({ description: 'masked' }),
  phone: z.string().nullable().meta({ description: 'masked' }),
  cccd: z.string().nullable().meta({ description: 'masked' }),
  status: z.string(),
  assuranceLevel: z.string(),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  roles: z.array(z.object({ agencyCode: z.string(), agencyName: localizedTextSchema, role: z.enum(ROLES) })),
});

const forbid = () => IdentityErrors.create('FORBIDDEN');

const VERB_OF_ACTION = {
  'account.unlock': 'unlock',
  'account.disable': 'disable',
  'account.enable': 'enable',
  'account.end_sessions': 'end_sessions',
} as const satisfies Record<ActionOn<'account'>, AccountAction>;

/**
 * Why the policy refused an administrator's act, in words an administrator can act on. The policy
 * decides (policy.ts); this only picks the sentence.
 */
function refusal(actor: Actor, resource: ResourceOf<'account'> | ResourceOf<'role'>) {
  const targetId = resource.type === 'account' ? resource.id : resource.holder?.id;
  if (targetId === actor.personId)
    return IdentityErrors.create('FORBIDDEN', {
      vi: 'Không ai tự quản lý tài khoản hay tự cấp, thu hồi vai trò của chính mình; hãy nhờ một quản trị viên khác.',
      en: 'Nobody administers their own account or grants or revokes their own roles; ask another administrator.',
    });
  const isSystemAdmin = can(actor, 'platform.manage_settings', { type: 'platform' });
  if (resource.type === 'role' && !isSystemAdmin && !OPERATIONAL_ROLES.includes(resource.role))
    return IdentityErrors.create('FORBIDDEN', {
      vi: 'Chỉ quản trị hệ thống mới cấp hoặc thu hồi vai trò quản trị và vai trò cấp tỉnh.',
      en: 'Only system administrators grant or revoke administration and platform roles.',
    });
  if (
    resource.type === 'role' &&
    !isSystemAdmin &&
    !can(actor, 'agency.manage_staff', { type: 'agency', id: resource.agencyId })
  )
    return IdentityErrors.create('FORBIDDEN', {
      vi: 'Quản trị cơ quan chỉ cấp, thu hồi vai trò trong cơ quan mình.',
      en: 'Agency administrators grant and revoke roles in their own agency only.',
    });
  const holder = resource.type === 'account' ? resource : resource.holder;
  if (isSystemAdmin && holder?.lastSystemAdmin) return IdentityErrors.create('LAST_SYSTEM_ADMIN');
  if (!isSystemAdmin && holder)
    return IdentityErrors.create('FORBIDDEN', {
      vi: 'Quản trị cơ quan chỉ quản lý cán bộ mà mọi vai trò đều thuộc cơ quan mình (không phải người dân, quản trị viên hay cán bộ cơ quan khác).',
      en: "Agency administrators manage only staff whose every role is in their own agency (not citizens, administrators or other agencies' staff).",
    });
  return forbid();
}

/** Asks the policy; throws the refusal that explains itself. */
function demand(actor: Actor, action: Action, resource: ResourceOf<'account'> | ResourceOf<'role'>) {
  if (!can(actor, action, resource)) throw refusal(actor, resource);
}

/** What the caller may do to this account now, so the admin page shows only those buttons. */
async function accountActions(
  ctx: IdentityContext,
  actor: Actor,
  p: typeof persons.$inferSelect,
): Promise<AccountAction[]> {
  const record = await accountRecord(ctx.database.db, p.id);
  const allowed = allowedActions(actor, { type: 'account', ...record }).map((a) => VERB_OF_ACTION[a]);
  const locked = Boolean(p.lockedUntil && p.lockedUntil > new Date());
  const applies: Record<AccountAction, boolean> = {
    unlock: locked,
    disable: p.status !== 'disabled',
    enable: p.status === 'disabled',
    end_sessions: true,
  };
  return ACCOUNT_ACTIONS.filter((a) => allowed.includes(a) && applies[a]);
}

async function summarize(ctx: IdentityContext, p: typeof persons.$inferSelect, actor: Actor) {
  return {
    actions: await accountActions(ctx, actor, p),
    id: p.id,
    fullName: p.fullName,
    email: mask.email(p.email),
    phone: mask.phone(p.phone),
    cccd: mask.cccd(p.cccd),
    status: p.status,
    assuranceLevel: p.assuranceLevel,
    lockedUntil: p.lockedUntil && p.lockedUntil > new Date() ? p.lockedUntil.toISOString() : null,
    totpEnabled: Boolean(p.totpEnabledAt),
    roles: (await rolesOf(ctx.database.db, p.id)).map(({ agencyCode, agencyName, role }) => ({
      agencyCode,
      agencyName,
      role,
    })),
  };
}

/** Administration of accounts, roles, clients and the audit trail, each checked by the policy. */
export const adminRoutes =
  (ctx: IdentityContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { database } = ctx;
    const db = database.db;

    app.get(
      '/api/identity/persons',
      {
        schema: {
          tags: ['identity'],
          summary:
            "Accounts (system admins: all; agency admins: their agencies' staff), personal data masked",
          querystring: z
            .object({
              q: z.string().max(100).optional(),
              agency: z.string().max(35).optional(),
              locked: z.enum(['true', 'false']).optional(),
              limit: z.coerce.number().int().min(1).max(500).default(50),
              offset: z.coerce.number().int().min(0).default(0),
            })
            .strict(),
          response: {
            200: z.object({ items: z.array(personSummary), total: z.number().int() }),
            ...problemResponses(401, 403),
          },
        },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        const filters: SQL[] = [];
        if (req.query.agency) {
          const agency = await findAgencyByCode(db, req.query.agency);
          if (!can(actor, 'agency.view_staff', { type: 'agency', id: agency.id })) throw forbid();
          filters.push(
            sql`${persons.id} IN (SELECT ${roleAssignments.personId} FROM ${roleAssignments} WHERE ${roleAssignments.agencyId} = ${agency.id})`,
          );
        } else if (!can(actor, 'platform.manage_settings', { type: 'platform' })) {
          throw forbid();
        }
        if (req.query.q) {
          const like = req.query.q.replace(/[\\%_]/g, (c) => `\\${c}`);
          filters.push(
            sql`f_unaccent(lower(${persons.fullName})) LIKE '%' || f_unaccent(lower(${like})) || '%'`,
          );
        }
        if (req.query.locked === 'true')
          filters.push(and(isNotNull(persons.lockedUntil), gt(persons.lockedUntil, new Date()))!);
        const where = filters.length ? and(...filters) : undefined;
        const [rows, [total]] = await Promise.all([
          db
            .select()
            .from(persons)
            .where(where)
            .orderBy(persons.fullName)
            .limit(req.query.limit)
            .offset(req.query.offset),
          db.select({ n: sql<number>`count(*)::int` }).from(persons).where(where),
        ]);
        return { items: await Promise.all(rows.map((p) => summarize(ctx, p, actor))), total: total?.n ?? 0 };
      },
    );

    app.get(
      '/api/identity/persons/lookup',
      {
        schema: {
          tags: ['identity'],
          summary: 'Counter intake: find an applicant by CCCD (every lookup is audited)',
          querystring: z.object({ cccd: z.string().regex(/^\d{12}$/, 'must be 12 digits') }).strict(),
          response: {
            200: z.object({
              id: z.uuid(),
              fullName: z.string(),
              cccd: z.string(),
              dateOfBirth: z.string().nullable(),
              phone: z.string().nullable(),
              email: z.string().nullable(),
              addressCommuneCode: z.string().nullable(),
              addressDetail: z.string().nullable(),
              assuranceLevel: z.string(),
            }),
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        // Decided before looking: a 404 for one CCCD and a 403 for another would tell anyone which
        // CCCDs have an account. Only roles that may look up anyone pass with no person named.
        if (!can(actor, 'person.lookup', { type: 'person', id: '' })) throw forbid();
        const [p] = await db.select().from(persons).where(eq(persons.cccd, req.query.cccd));
        if (!p) throw IdentityErrors.create('PERSON_NOT_FOUND');
        if (!can(actor, 'person.lookup', { type: 'person', id: p.id })) throw forbid();
        await inTransaction(database, (tx) =>
          appendAudit(tx, {
            actorId: actor.personId,
            action: 'personal_data.read',
            subjectType: 'person',
            subjectId: p.id,
            ip: req.ip,
            details: { via: 'counter_lookup' },
          }),
        );
        return {
          id: p.id,
          fullName: p.fullName,
          cccd: p.cccd!,
          dateOfBirth: p.dateOfBirth,
          phone: p.phone,
          email: p.email,
          addressCommuneCode: p.addressCommuneCode,
          addressDetail: p.addressDetail,
          assuranceLevel: p.assuranceLevel,
        };
      },
    );

    app.post(
      '/api/identity/officials',
      {
        schema: {
          tags: ['identity'],
          summary: 'Create an official with a role in an agency; a link to set the password is e-mailed',
          body: z
            .object({
              fullName: z.string().max(100),
              email: z.string().max(254),
              phone: z.string().max(20).optional(),
              cccd: z.string().max(12).optional(),
              agencyCode: z.string().max(35),
              role: z.enum(ROLES),
            })
            .strict(),
          response: { 201: personSummary, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const { actor } = requireAuth(req);
        const agency = await findAgencyByCode(db, req.body.agencyCode);
        demand(actor, 'role.grant', { type: 'role', role: req.body.role, agencyId: agency.id, holder: null });
        const person = await inTransaction(database, async (tx) => {
          const p = await createPerson(
            tx,
            { ...req.body },
            { status: 'active', actorId: actor.personId, ip: req.ip },
          );
          await grantRole(tx, p.id, agency.id, req.body.role, actor.personId, req.ip);
          return p;
        });
        await requestPasswordReset(ctx, person.email!, req.ip);
        return reply.status(201).send(await summarize(ctx, person, actor));
      },
    );

    const roleBody = z.object({ agencyCode: z.string().max(35), role: z.enum(ROLES) }).strict();
    for (const [method, verb] of [
      ['post', 'Grant'],
      ['delete', 'Revoke'],
    ] as const) {
      app[method](
        '/api/identity/persons/:id/roles',
        {
          schema: {
            tags: ['identity'],
            summary: `${verb} a role in an agency`,
            params: z.object({ id: z.uuid() }),
            body: roleBody,
            response: { 200: personSummary, ...problemResponses(400, 401, 403, 404, 409) },
          },
        },
        async (req) => {
          const { actor } = requireAuth(req);
          await getPerson(db, req.params.id);
          const agency = await findAgencyByCode(db, req.body.agencyCode);
          // Decided on what the person holds inside the transaction that changes it.
          await inTransaction(database, async (tx) => {
            const holder = await accountRecord(tx, req.params.id);
            const role = { type: 'role', role: req.body.role, agencyId: agency.id, holder } as const;
            demand(actor, method === 'post' ? 'role.grant' : 'role.revoke', role);
            await (method === 'post' ? grantRole : revokeRole)(
              tx,
              req.params.id,
              agency.id,
              req.body.role,
              actor.personId,
              req.ip,
            );
          });
          return summarize(ctx, await getPerson(db, req.params.id), actor);
        },
      );
    }

    for (const action of ['unlock', 'disable', 'enable'] as const) {
      app.post(
        `/api/identity/persons/:id/${action}`,
        {
          schema: {
            tags: ['identity'],
            summary: {
              unlock: 'Unlock an account locked after wrong passwords',
              disable: 'Disable an account (its sessions end)',
              enable: 'Enable a disabled account',
            }[action],
            params: z.object({ id: z.uuid() }),
            response: { 200: personSummary, ...problemResponses(401, 403, 404, 409) },
          },
        },
        async (req) => {
          const { actor } = requireAuth(req);
          await getPerson(db, req.params.id);
          await inTransaction(database, async (tx) => {
            demand(actor, `account.${action}`, {
              type: 'account',
              ...(await accountRecord(tx, req.params.id)),
            });
            if (action === 'unlock') return unlock(tx, req.params.id, actor.personId, req.ip);
            await setStatus(
              tx,
              req.params.id,
              action === 'disable' ? 'disabled' : 'active',
              actor.personId,
              req.ip,
            );
            if (action === 'disable')
              await revokeSessions(tx, { personId: req.params.id }, actor.personId, req.ip);
          });
          return summarize(ctx, await getPerson(db, req.params.id), actor);
        },
      );
    }

    app.delete(
      '/api/identity/persons/:id/sessions',
      {
        schema: {
          tags: ['identity'],
          summary: "End all of a person's sessions",
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ revoked: z.number().int() }), ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        await getPerson(db, req.params.id);
        const revoked = await inTransaction(database, async (tx) => {
          demand(actor, 'account.end_sessions', {
            type: 'account',
            ...(await accountRecord(tx, req.params.id)),
          });
          return revokeSessions(tx, { personId: req.params.id }, actor.personId, req.ip);
        });
        return { revoked };
      },
    );

    app.get(
      '/api/identity/clients',
      {
        schema: {
          tags: ['identity'],
          summary: 'Registered relying parties (system admins)',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  clientId: z.string(),
                  name: z.string(),
                  metadata: z.record(z.string(), z.unknown()),
                  trusted: z.boolean(),
                  createdAt: z.string(),
                  disabled: z.boolean(),
                }),
              ),
            }),
            ...problemResponses(401, 403),
          },
        },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        if (!can(actor, 'platform.manage_clients', { type: 'platform' })) throw forbid();
        const rows = await listClients(db);
        return {
          items: rows.map((r) => ({
            ...r,
            createdAt: r.createdAt.toISOString(),
            disabled: Boolean(r.disabledAt),
          })),
        };
      },
    );

    app.post(
      '/api/identity/clients',
      {
        schema: {
          tags: ['identity'],
          summary:
            'Register a provincial system as an OpenID Connect client (system admins); the secret is shown once',
          body: z
            .object({
              clientId: z.string().max(64),
              name: z.string().max(200),
              redirectUris: z.array(z.string().max(500)).max(20).default([]),
              postLogoutRedirectUris: z.array(z.string().max(500)).max(20).optional(),
              grantTypes: z
                .array(z.enum(['authorization_code', 'refresh_token', 'client_credentials']))
                .min(1),
              public: z.boolean().optional(),
              trusted: z.boolean().optional(),
              resourceServer: z.boolean().optional().meta({
                description:
                  'may introspect access tokens issued to other clients (an API that accepts them)',
              }),
            })
            .strict(),
          response: {
            201: z.object({ clientId: z.string(), clientSecret: z.string().nullable() }),
            ...problemResponses(400, 401, 403, 409, 422),
          },
        },
      },
      async (req, reply) => {
        const { actor } = requireAuth(req);
        if (!can(actor, 'platform.manage_clients', { type: 'platform' })) throw forbid();
        const created = await inTransaction(database, (tx) =>
          registerClient(tx, ctx.sealer, req.body, actor.personId, ctx.config.publicUrl),
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/identity/audit',
      {
        schema: {
          tags: ['identity'],
          summary: 'The audit trail, newest first (system admins)',
          querystring: z
            .object({
              action: z.string().max(60).optional(),
              subject: z.string().max(100).optional(),
              limit: z.coerce.number().int().min(1).max(500).default(100),
            })
            .strict(),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  seq: z.number().int(),
                  at: z.string(),
                  actorId: z.string().nullable(),
                  action: z.string(),
                  subjectType: z.string().nullable(),
                  subjectId: z.string().nullable(),
                  ip: z.string().nullable(),
                  details: z.record(z.string(), z.unknown()),
                }),
              ),
            }),
            ...problemResponses(401, 403),
          },
        },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        if (!can(actor, 'platform.view_audit', { type: 'platform' })) throw forbid();
        const rows = await db
          .select()
          .from(auditLog)
          .where(
            and(
              req.query.action ? eq(auditLog.action, req.query.action) : undefined,
              req.query.subject ? eq(auditLog.subjectId, req.query.subject) : undefined,
            ),
          )
          .orderBy(desc(auditLog.seq))
          .limit(req.query.limit);
        return {
          items: rows.map(({ prevHash: _p, hash: _h, ...r }) => ({ ...r, at: new Date(r.at).toISOString() })),
        };
      },
    );
  };
