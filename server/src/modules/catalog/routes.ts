import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database, Db } from '../../db/engine.ts';
import { inTransaction } from '../../db/transaction.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { localizedTextSchema } from '../../platform/http/schemas.ts';
import { requireAllowed } from '../identity/web-session.ts';
import { procedureEditSchema } from './edit-input.ts';
import { createVersion, getProcedure, listVersions, setEnabled } from './procedures.ts';
import { listAgencyCounts, listFields, type SearchQuery, searchProcedures } from './search.ts';

const durationSchema = z.object({
  value: z.number(),
  unit: z.enum(['working_days', 'days', 'hours', 'working_hours', 'months', 'years']),
});
const feeSchema = z.object({ label: z.string(), amountVnd: z.number().int().nonnegative() });
const documentFields = {
  originals: z.number().int().min(0),
  copies: z.number().int().min(0),
  templates: z.array(z.string()),
  required: z.boolean(),
  reusable: z.boolean(),
  group: z.string().nullable(),
};
// An edit is capped (edit-input.ts), but the national catalogue has component descriptions longer
// than the cap: answers carry them whole (a cap on the response would turn those procedures into 500s).
const documentOutSchema = z.object({ name: z.string(), ...documentFields });
const eformSchema = z.object({
  schema: z.record(z.string(), z.unknown()),
  ui: z.record(z.string(), z.unknown()).optional(),
});

const summarySchema = z
  .object({
    code: z.string().meta({ example: '1.001193' }),
    name: localizedTextSchema,
    field: z.string().nullable(),
    levels: z.array(z.string()),
    onlineType: z.string().meta({ description: 'full (toàn trình) or partial (một phần)' }),
    processingTime: durationSchema.nullable(),
    processingTimeText: z.string().nullable(),
    feeFree: z.boolean(),
    competentAuthority: z.string().nullable().meta({ description: 'The deciding authority as published' }),
    competentAgencyId: z.string().nullable().meta({ description: 'Our agency deciding it, if routed' }),
    hasForm: z.boolean().meta({ description: 'Has an interactive e-form (the commonly filed procedures)' }),
    enabled: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'ProcedureSummary' });

export const detailSchema = summarySchema
  .extend({
    receivingPlaces: z.string().nullable(),
    applicantTypes: z.array(z.string()),
    conditions: z.string().nullable(),
    legalBasis: z.unknown(),
    resultType: z.string(),
    results: z.array(z.object({ name: z.string(), code: z.string().nullable() })),
    partialReason: z.string().nullable(),
    channels: z.array(z.string()),
    fees: z.array(feeSchema),
    feeText: z.string().nullable(),
    level2FeeWaived: z.boolean(),
    documents: z.array(documentOutSchema),
    eform: eformSchema.nullable(),
    currentVersion: z.number().int(),
  })
  .meta({ id: 'Procedure' });

/** The public search's query string (the portal's catalogue and the page data share it). */
export const searchQuerySchema = z
  .object({
    q: z.string().max(200).optional(),
    field: z.string().max(300).optional(),
    level: z.enum(['province', 'commune', 'ministry']).optional(),
    online: z.enum(['full', 'partial']).optional(),
    agency: z.uuid().optional(),
    hasForm: z.enum(['true', 'false']).optional(),
    all: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export const searchAnswerSchema = z.object({ items: z.array(summarySchema), total: z.number().int() });

/** The search a validated query string asks for; `all` (the whole catalogue) only for admins. */
export function searchOf(query: z.infer<typeof searchQuerySchema>): SearchQuery {
  return {
    q: query.q,
    field: query.field,
    level: query.level,
    onlineType: query.online,
    agencyId: query.agency,
    hasForm: query.hasForm === undefined ? undefined : query.hasForm === 'true',
    enabledOnly: query.all !== 'true',
    limit: query.limit,
    offset: query.offset,
  };
}

/** GET /api/catalog/procedures/:code's answer (what the route's schema then keeps of it). */
export async function procedureAnswer(db: Db, code: string, version?: number) {
  const p = await getProcedure(db, code, version);
  return { ...p, hasForm: p.eform !== null, legalBasis: p.legalBasis ?? null };
}

/** A national procedure code, as the API's addresses take it. */
export const procedureCode = /^\d+\.\d{6}$/;
const codeParams = z.object({
  code: z.string().regex(procedureCode, 'must be a national procedure code like 1.001193'),
});

export const catalogRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    const db = database.db;
    const admin = (req: FastifyRequest) =>
      requireAllowed(req, 'platform.manage_settings', { type: 'platform' }).actor;

    app.get(
      '/api/catalog/procedures',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Search administrative procedures (thủ tục hành chính)',
          description:
            'Ignores case and diacritics and tolerates typos: "dang ky khai sinh" finds "Thủ tục đăng ký khai sinh". The public list has the procedures the province offers; `all=true` (system admins) the whole catalogue.',
          querystring: searchQuerySchema,
          response: {
            200: searchAnswerSchema,
            ...problemResponses(400, 401, 403),
          },
        },
      },
      async (req) => {
        if (req.query.all === 'true') admin(req);
        return searchProcedures(db, searchOf(req.query));
      },
    );

    app.get(
      '/api/catalog/fields',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Fields (lĩnh vực) with their number of procedures',
          response: {
            200: z.object({ items: z.array(z.object({ field: z.string(), count: z.number().int() })) }),
          },
        },
      },
      async () => ({ items: await listFields(db, true) }),
    );

    app.get(
      '/api/catalog/agencies',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Agencies deciding the offered procedures, with their number of procedures',
          description:
            'Ids of `/api/agencies` (which has the names): the portal offers only these as an agency filter.',
          response: {
            200: z.object({ items: z.array(z.object({ agencyId: z.string(), count: z.number().int() })) }),
          },
        },
      },
      async () => ({ items: await listAgencyCounts(db, true) }),
    );

    app.get(
      '/api/catalog/procedures/:code',
      {
        schema: {
          tags: ['catalog'],
          summary:
            'One procedure: documents, fees, processing time, legal basis, e-form (current version, or `version`)',
          params: codeParams,
          // A version is a PostgreSQL integer: anything larger names no version (and no query).
          querystring: z
            .object({ version: z.coerce.number().int().min(1).max(2_147_483_647).optional() })
            .strict(),
          response: { 200: detailSchema, ...problemResponses(400, 404) },
        },
      },
      async (req) => procedureAnswer(db, req.params.code, req.query.version),
    );

    app.get(
      '/api/catalog/procedures/:code/versions',
      {
        schema: {
          tags: ['catalog'],
          summary: "A procedure's versions",
          params: codeParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  version: z.number().int(),
                  createdAt: z.string(),
                  createdBy: z.string().nullable(),
                  source: z.string(),
                }),
              ),
            }),
            ...problemResponses(404),
          },
        },
      },
      async (req) => ({
        items: (await listVersions(db, req.params.code)).map((v) => ({
          ...v,
          createdAt: v.createdAt.toISOString(),
        })),
      }),
    );

    app.patch(
      '/api/catalog/procedures/:code',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Edit a procedure (system admins): saves a new version; dossiers keep theirs',
          params: codeParams,
          body: procedureEditSchema,
          response: { 200: z.object({ version: z.number().int() }), ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const actor = admin(req);
        return {
          version: await inTransaction(database, (tx) =>
            createVersion(tx, req.params.code, req.body, actor.personId),
          ),
        };
      },
    );

    for (const [action, enabled] of [
      ['enable', true],
      ['disable', false],
    ] as const) {
      app.post(
        `/api/catalog/procedures/:code/${action}`,
        {
          schema: {
            tags: ['catalog'],
            summary: enabled ? 'Offer the procedure on the province portal' : 'Stop offering the procedure',
            params: codeParams,
            response: { 204: z.null(), ...problemResponses(401, 403, 404) },
          },
        },
        async (req, reply) => {
          const actor = admin(req);
          await inTransaction(database, (tx) => setEnabled(tx, req.params.code, enabled, actor.personId));
          return reply.status(204).send(null);
        },
      );
    }
  };
