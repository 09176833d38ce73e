import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import { vietnamIso } from '../../platform/calendar/routes.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import { HttpErrors } from '../../platform/errors.ts';
import { plainJson } from '../../platform/http/app.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { requireAuth } from '../identity/web-session.ts';
import { multiLine, oneLine } from './contracts.ts';
import { componentsOf, prefill, updateDraft } from './drafts.ts';
import { DossierErrors } from './errors.ts';
import {
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type DossierCommand,
  RETURN_METHODS,
  STATUS_LABELS,
} from './lifecycle.ts';
import { deadlineState, officerQueue, QUEUES, RUNNING_STATUSES, track } from './queries.ts';
import {
  actionsFor,
  assignees,
  counterIntake,
  type DossierContext,
  getDossier,
  personName,
  rate,
  runCommand,
  submitOnline,
  timeline,
} from './service.ts';
import { forApplicant, seesAsApplicantOnly } from './timeline.ts';

const iso = (d: Date | null) => (d ? vietnamIso(d) : null);
const applicantSchema = z.object({
  // A name is one line of visible text: a tab, a newline or U+202E in it is refused (400).
  fullName: oneLine(z.string().min(2).max(100)),
  cccd: z
    .string()
    .regex(/^\d{12}$/, 'must be 12 digits')
    .nullable(),
  phone: z
    .string()
    .regex(/^0\d{9,10}$/, 'must be a phone number like 0912345678')
    .nullable(),
  email: oneLine(z.string().max(254)).nullable(),
  addressCommuneCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
  addressDetail: oneLine(z.string().max(300)).nullable(),
});

const dossierSchema = z
  .object({
    id: z.uuid(),
    code: z.string().nullable().meta({ description: '<agency code>-<YYMMDD>-<NNNN>, given at receipt' }),
    status: z.enum(DOSSIER_STATUSES),
    statusLabel: z.object({ vi: z.string(), en: z.string() }),
    channel: z.string(),
    procedureVersion: z.number().int(),
    applicant: applicantSchema,
    receivingAgencyId: z.uuid(),
    competentAgencyId: z.uuid(),
    handlerId: z.uuid().nullable(),
    handlerName: z.string().nullable(),
    formData: z.record(z.string(), z.unknown()),
    receivedAt: z.string().nullable(),
    dueAt: z
      .string()
      .nullable()
      .meta({ description: 'The appointment in force (extended if any), Vietnam time' }),
    finishedAt: z.string().nullable(),
    daysLeft: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Working days to the due date (negative when late)' }),
    tone: z.enum(['on_time', 'due_soon', 'overdue']).nullable(),
    digitizedAt: z
      .string()
      .nullable()
      .meta({ description: 'When the desk marked every paper component scanned' }),
    procedureCode: z.string(),
    procedureName: z.object({ vi: z.string(), en: z.string().optional() }),
    components: z
      .array(
        z.object({
          index: z.number().int(),
          name: z.string(),
          required: z.boolean(),
          reusable: z.boolean(),
          originals: z.number().int(),
          copies: z.number().int(),
          files: z.number().int().meta({ description: 'Files attached to this component so far' }),
        }),
      )
      .meta({ description: "The procedure version's document components, with what is attached" }),
    actions: z.array(z.enum(DOSSIER_ACTIONS)).meta({ description: 'What the caller may do now' }),
  })
  .meta({ id: 'Dossier' });

// Every command may carry a note and files already attached to the dossier (a signed decision, a scan).
const common = {
  note: multiLine(z.string().max(2000)).optional(),
  attachments: z
    .array(z.object({ fileId: z.uuid(), name: oneLine(z.string().max(300)).optional() }))
    .max(20)
    .optional()
    .meta({ description: 'Files of this dossier (uploaded first) that go with the step' }),
};
const stepTarget = z.object({ kind: z.enum(['unit', 'agency']), id: z.uuid() });
const stepDeadline = {
  dueAt: z.iso.datetime({ offset: true }).optional(),
  duration: z
    .object({
      value: z.number().positive().max(365),
      unit: z.enum(['working_days', 'working_hours', 'calendar_days', 'months']),
    })
    .optional(),
};
const commandOf = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, ...common }).strict();

const commandSchema = z.discriminatedUnion('type', [
  commandOf({ type: z.literal('submit') }),
  commandOf({ type: z.literal('receive') }),
  commandOf({ type: z.literal('refuse_intake'), reason: multiLine(z.string().min(3).max(2000)) }),
  commandOf({
    type: z.literal('request_supplement'),
    items: z
      .array(oneLine(z.string().min(1).max(500)))
      .min(1)
      .max(50),
    reason: multiLine(z.string().max(2000)).optional(),
  }),
  commandOf({ type: z.literal('supply') }),
  commandOf({ type: z.literal('assign'), handlerId: z.uuid() }),
  commandOf({
    type: z.literal('transfer'),
    to: stepTarget,
    handlerId: z.uuid().nullable().optional(),
    ...stepDeadline,
  }),
  commandOf({
    type: z.literal('consult'),
    with: stepTarget,
    question: multiLine(z.string().max(2000)).optional(),
    ...stepDeadline,
  }),
  commandOf({ type: z.literal('approve') }),
  commandOf({ type: z.literal('refuse'), reason: multiLine(z.string().min(3).max(2000)) }),
  commandOf({
    type: z.literal('extend'),
    newDueAt: z.iso.datetime({ offset: true }),
    reason: multiLine(z.string().min(3).max(2000)),
  }),
  commandOf({ type: z.literal('withdraw'), reason: multiLine(z.string().max(2000)).optional() }),
  commandOf({ type: z.literal('suspend'), reason: multiLine(z.string().min(3).max(2000)) }),
  commandOf({ type: z.literal('return_result'), method: z.enum(RETURN_METHODS as [string, ...string[]]) }),
]);

export const dossierRoutes =
  (database: Database, config: Config, afterCommit?: () => void): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx: DossierContext = { database, config, afterCommit };
    const view = async (
      actor: Parameters<typeof actionsFor>[1],
      row: Awaited<ReturnType<typeof getDossier>>,
      opts: { justCreated?: boolean } = {},
    ) => ({
      id: row.id,
      code: row.code,
      status: row.status as (typeof DOSSIER_STATUSES)[number],
      statusLabel: STATUS_LABELS[row.status as (typeof DOSSIER_STATUSES)[number]],
      channel: row.channel,
      procedureVersion: row.procedureVersion,
      applicant: row.applicant,
      receivingAgencyId: row.receivingAgencyId,
      competentAgencyId: row.competentAgencyId,
      // A person's id is the office's; the applicant sees the handler's name (Decree 224 notices).
      handlerId: seesAsApplicantOnly(actor, row) ? null : row.handlerId,
      handlerName: row.handlerId ? await personName(ctx, row.handlerId) : null,
      formData: row.formData,
      receivedAt: iso(row.receivedAt),
      dueAt: iso(row.dueAt),
      finishedAt: iso(row.finishedAt),
      digitizedAt: iso(row.digitizedAt),
      // The deadline colour while the clock runs, as in the work lists.
      ...(RUNNING_STATUSES.has(row.status)
        ? deadlineState(row.dueAt, new Date(), await loadCalendar(database.db, config))
        : { daysLeft: null, tone: null }),
      ...(await componentsOf(ctx, row, opts)),
      actions: await actionsFor(ctx, actor, row),
    });

    app.post(
      '/api/dossiers',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'File a dossier online (the signed-in citizen is the applicant)',
          description:
            "Send an `Idempotency-Key` header: a retried request returns the first dossier (200) instead of making another (201). With `draft: true` the dossier is kept as a draft: attach files, edit the form with PATCH, then send the `submit` command. A filed form must satisfy the procedure's e-form (400 names each field).",
          headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).passthrough(),
          body: z
            .object({
              procedureCode: z.string().regex(/^\d+\.\d{6}$/),
              formData: z.record(z.string(), z.unknown()).default({}),
              communeCode: z
                .string()
                .regex(/^\d{5}$/)
                .optional(),
              draft: z.boolean().optional(),
            })
            .strict(),
          response: { 200: dossierSchema, 201: dossierSchema, ...problemResponses(400, 401, 404, 409) },
        },
        serializerCompiler: plainJson,
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        const { row, created } = await submitOnline(ctx, auth, {
          ...req.body,
          idempotencyKey: req.headers['idempotency-key'],
        });
        return reply.status(created ? 201 : 200).send(await view(auth.actor, row, { justCreated: created }));
      },
    );

    app.post(
      '/api/dossiers/counter',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Counter or postal intake: the desk creates the dossier and issues the receipt with the due date',
          description:
            'The dossier is linked to the account whose verified CCCD (identity level 2) equals `applicant.cccd`, or to none; the request cannot name an account. Without a link the applicant follows the dossier by its code and phone or CCCD.',
          body: z
            .object({
              procedureCode: z.string().regex(/^\d+\.\d{6}$/),
              channel: z.enum(['direct', 'postal']),
              deskAgencyId: z.uuid(),
              applicant: applicantSchema,
              formData: z.record(z.string(), z.unknown()).default({}),
              competentAgencyId: z.uuid().optional(),
            })
            .strict(),
          response: { 201: dossierSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
        serializerCompiler: plainJson,
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        const row = await counterIntake(ctx, auth, req.body);
        return reply.status(201).send(await view(auth.actor, row, { justCreated: true }));
      },
    );

    app.get(
      '/api/dossiers/:id',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'A dossier with the actions the caller may take',
          params: z.object({ id: z.uuid() }),
          response: { 200: dossierSchema, ...problemResponses(401, 404) },
        },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        return view(actor, await getDossier(ctx, actor, req.params.id));
      },
    );

    app.patch(
      '/api/dossiers/:id',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Save the form of a draft (the applicant, before submitting)',
          params: z.object({ id: z.uuid() }),
          body: z.object({ formData: z.record(z.string(), z.unknown()) }).strict(),
          response: { 200: dossierSchema, ...problemResponses(400, 401, 404, 409) },
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        return view(auth.actor, await updateDraft(ctx, auth, req.params.id, req.body.formData));
      },
    );

    app.get(
      '/api/dossiers/prefill',
      {
        schema: {
          tags: ['dossiers'],
          summary: "A new dossier's e-form filled from the profile and earlier dossiers (once-only)",
          querystring: z.object({ procedureCode: z.string().regex(/^\d+\.\d{6}$/) }).strict(),
          response: {
            200: z.object({
              hasForm: z.boolean(),
              formData: z.record(z.string(), z.unknown()),
              sources: z.array(
                z.object({
                  path: z.string(),
                  from: z.enum(['profile', 'dossier']),
                  dossierCode: z.string().nullable(),
                }),
              ),
            }),
            ...problemResponses(400, 401, 404),
          },
        },
      },
      async (req) => prefill(ctx, requireAuth(req), req.query.procedureCode),
    );

    app.get(
      '/api/dossiers/:id/assignees',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Who may be assigned the dossier: specialists and leaders of the deciding authority',
          params: z.object({ id: z.uuid() }),
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.uuid(), fullName: z.string(), role: z.string() })),
            }),
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (req) => ({ items: await assignees(ctx, requireAuth(req).actor, req.params.id) }),
    );

    app.get(
      '/api/dossiers/:id/timeline',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Every step of a dossier: who, when, what',
          description:
            "Officials who may see the dossier through their role get every step with its data. Its applicant gets the steps and what is addressed to them (receipt and appointment, supplement requests, reasons, the apology and new date, their own acts and files, the result once returned); officials' notes, consultations, transfer deadlines, people's ids (`actorId` is only ever the applicant's own) and the result's file before it is returned are left out.",
          params: z.object({ id: z.uuid() }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  seq: z.number().int(),
                  type: z.string(),
                  from: z.string().nullable(),
                  to: z.string(),
                  at: z.string(),
                  actorId: z.string().nullable(),
                  actorName: z.string().nullable(),
                  note: z.string().nullable(),
                  data: z.record(z.string(), z.unknown()),
                }),
              ),
            }),
            ...problemResponses(401, 404),
          },
        },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        const row = await getDossier(ctx, actor, req.params.id);
        const all = await timeline(ctx, req.params.id);
        // The applicant sees the steps and what is addressed to them, not the office's working data.
        const events = seesAsApplicantOnly(actor, row) ? forApplicant(all, row, actor.personId) : all;
        return {
          items: events.map((e) => ({
            seq: e.seq,
            type: e.type,
            from: e.fromStatus,
            to: e.toStatus,
            at: vietnamIso(e.at),
            actorId: e.actorId,
            actorName: e.actorName,
            note: e.note,
            data: e.data,
          })),
        };
      },
    );

    app.post(
      '/api/dossiers/:id/commands',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Move a dossier through its lifecycle (receive, request a supplement, assign, approve, refuse, extend, withdraw, return …)',
          params: z.object({ id: z.uuid() }),
          body: commandSchema,
          response: { 200: dossierSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        const body = req.body;
        const actor = {
          kind:
            body.type === 'withdraw' || body.type === 'supply' || body.type === 'submit'
              ? ('applicant' as const)
              : ('official' as const),
          id: auth.actor.personId,
        };
        const dates =
          body.type === 'extend'
            ? { newDueAt: new Date(body.newDueAt) }
            : (body.type === 'transfer' || body.type === 'consult') && body.dueAt
              ? { dueAt: new Date(body.dueAt) }
              : {};
        const command = { ...body, ...dates, actor } as DossierCommand;
        return view(auth.actor, await runCommand(ctx, auth, req.params.id, command));
      },
    );

    app.post(
      '/api/dossiers/:id/rating',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'The applicant rates the service (1–5 and a comment), once, after the result is returned',
          params: z.object({ id: z.uuid() }),
          body: z
            .object({
              score: z.number().int().min(1).max(5),
              comment: multiLine(z.string().max(2000)).optional(),
            })
            .strict(),
          response: {
            200: z.object({ score: z.number().int(), comment: z.string().nullable(), ratedAt: z.string() }),
            ...problemResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        const row = await rate(ctx, auth, req.params.id, req.body.score, req.body.comment ?? null);
        return { score: row.rating!, comment: row.ratingComment, ratedAt: vietnamIso(row.ratedAt!) };
      },
    );

    app.get(
      '/api/dossiers',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            "An official's work list by queue (or, with mine=true, the caller's own dossiers), with deadline colour and working days left",
          description: 'Search by dossier code, applicant name (no diacritics needed) or CCCD.',
          querystring: z
            .object({
              queue: z.enum(QUEUES).default('all'),
              mine: z
                .enum(['true', 'false'])
                .transform((v) => v === 'true')
                .optional()
                .meta({ description: '"Hồ sơ của tôi": the dossiers the caller filed, drafts included' }),
              q: z.string().max(100).optional(),
              limit: z.coerce.number().int().min(1).max(200).default(50),
              offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
            })
            .strict(),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  code: z.string().nullable(),
                  status: z.string(),
                  procedureName: z.object({ vi: z.string(), en: z.string().optional() }),
                  procedureCode: z.string(),
                  applicantName: z.string(),
                  channel: z.string(),
                  receivedAt: z.string().nullable(),
                  dueAt: z.string().nullable(),
                  daysLeft: z.number().int().nullable(),
                  tone: z.enum(['on_time', 'due_soon', 'overdue']).nullable(),
                }),
              ),
              total: z
                .number()
                .int()
                .meta({ description: 'Matching dossiers, counted exactly up to LIST_COUNT_CAP (10,000)' }),
              totalCapped: z
                .boolean()
                .meta({ description: 'true: more dossiers match than `total` (the count stopped there)' }),
            }),
            ...problemResponses(400, 401),
          },
        },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        const calendar = await loadCalendar(database.db, config);
        const r = await officerQueue(ctx, actor, req.query, calendar);
        return {
          ...r,
          items: r.items.map((i) => ({ ...i, receivedAt: iso(i.receivedAt), dueAt: iso(i.dueAt) })),
        };
      },
    );

    // Tracking is public: a small per-address budget keeps codes from being enumerated.
    const tracker = rateLimiter(20, 60_000);
    app.get(
      '/api/dossiers/track',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Public tracking by dossier code and the phone or CCCD given when filing (no personal data shown)',
          querystring: z
            .object({
              code: z.string().min(5).max(60),
              phone: z
                .string()
                .regex(/^0\d{9,10}$/, 'must be a phone number like 0912345678')
                .optional(),
              cccd: z
                .string()
                .regex(/^\d{12}$/, 'must be 12 digits')
                .optional(),
            })
            .strict()
            .refine((q) => q.phone || q.cccd, {
              message: 'give the phone number or the CCCD used when filing',
              path: ['phone'],
            }),
          response: {
            200: z.object({
              code: z.string(),
              procedureName: z.object({ vi: z.string(), en: z.string().optional() }),
              status: z.string(),
              statusLabel: z.object({ vi: z.string(), en: z.string() }),
              receivedAt: z.string().nullable(),
              dueAt: z.string().nullable(),
              steps: z.array(z.object({ type: z.string(), status: z.string(), at: z.string() })),
            }),
            ...problemResponses(400, 404, 429),
          },
        },
      },
      async (req) => {
        if (!tracker(req.ip)) throw HttpErrors.create('TOO_MANY_REQUESTS');
        const found = await track(ctx, req.query.code, req.query);
        if (!found)
          throw DossierErrors.create('NOT_FOUND', {
            vi: 'Không tìm thấy hồ sơ với mã và số điện thoại/CCCD này.',
            en: 'No dossier has this code with this phone number or CCCD.',
          });
        const d = found.dossier;
        return {
          code: d.code!,
          procedureName: found.procedureName,
          status: d.status,
          statusLabel: STATUS_LABELS[d.status as (typeof DOSSIER_STATUSES)[number]],
          receivedAt: iso(d.receivedAt),
          dueAt: iso(d.dueAt),
          steps: found.events.map((e) => ({ type: e.type, status: e.to, at: vietnamIso(e.at) })),
        };
      },
    );
  };

/** At most `limit` calls per key in a sliding window of `windowMs` (per app node). */
function rateLimiter(limit: number, windowMs: number) {
  const hits = new Map<string, number[]>();
  return (key: string): boolean => {
    const now = Date.now();
    const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
    if (hits.size > 10_000) hits.clear(); // bounded memory under a flood of addresses
    recent.push(now);
    hits.set(key, recent);
    return recent.length <= limit;
  };
}
