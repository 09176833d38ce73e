/**
 * Statistics over HTTP (issue 6 §1–3, 6–8): one-stop figures, online services, the Decision 766
 * index and ranking, the dossiers behind any figure, the leaders' overview; JSON for the web app
 * and the open-data portal, `.xlsx` for the offices. Leaders see their agency, provincial leaders
 * and the DX office the province (policy: `statistics.view`). Province-wide aggregates without any
 * dossier list are also open to the public under /api/reporting/open/.
 */

import { eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/engine.ts';
import { vietnamIso } from '../../../platform/calendar/routes.ts';
import { problemResponses } from '../../../platform/http/problem.ts';
import { agencyScope } from '../../identity/roles.ts';
import { agencies } from '../../identity/schema.ts';
import { requireAllowed } from '../../identity/web-session.ts';
import { attachmentHeaders, XLSX_TYPE } from '../export/xlsx.ts';
import { statisticsBounds } from './bounds.ts';
import { DOSSIER_SETS, SET_LABELS, windowOf } from './dossier-sets.ts';
import { dossiersInSet } from './drill-down.ts';
import { StatisticsErrors } from './errors.ts';
import { indexXlsx, oneStopXlsx, rankingXlsx, servicesXlsx } from './exports.ts';
import { addIndexConfig, indexConfigSchema, listIndexConfigs } from './index-config.ts';
import { indexOfUnit, indexRanking } from './index-service.ts';
import { oneStopStatistics } from './one-stop.ts';
import { monthlyTrend, overdueByAgency, todayQueues } from './overview.ts';
import {
  MAX_PERIOD_DAYS,
  PERIOD_PATTERN_HELP,
  type Period,
  parsePeriod,
  periodOutOfBounds,
} from './period.ts';
import { oneStopPdf } from './report-pdf.ts';
import { DIMENSIONS, type Scope } from './scope.ts';
import { PROCEDURE_SETS, proceduresInSet, servicesStatistics } from './services.ts';

const bilingual = z.object({ vi: z.string(), en: z.string() });
const periodParam = z
  .string()
  .max(40)
  .meta({
    description: `${PERIOD_PATTERN_HELP.en} At most ${MAX_PERIOD_DAYS} days, from 1 January of the first year of data to today (GET /api/reporting/periods).`,
    example: '2026-H1',
  });
const format = z.enum(['json', 'xlsx']).default('json');

const filters = {
  period: periodParam,
  agencyId: z
    .uuid()
    .optional()
    .meta({ description: 'An agency: what it (or a unit acting in its name) received or decides' }),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .meta({ description: 'A commune: what its authorities decide' }),
  field: z.string().max(200).optional(),
  procedureCode: z.string().max(40).optional(),
  channel: z.enum(['direct', 'online', 'postal']).optional(),
  decidedBy: z
    .uuid()
    .optional()
    .meta({ description: 'Exactly this deciding agency (a row of groupBy=agency)' }),
  deskId: z.uuid().optional().meta({ description: 'Exactly this receiving desk (a row of groupBy=desk)' }),
};

const countsSchema = z.object(
  Object.fromEntries(DOSSIER_SETS.map((s) => [s, z.number().int()])) as Record<
    (typeof DOSSIER_SETS)[number],
    z.ZodNumber
  >,
);
const rowSchema = z
  .object({
    key: z.string(),
    label: bilingual,
    counts: countsSchema,
    supplementRequests: z.number().int(),
    ratings: z.object({
      1: z.number().int(),
      2: z.number().int(),
      3: z.number().int(),
      4: z.number().int(),
      5: z.number().int(),
    }),
    averageRating: z.number().nullable(),
    averageWorkingDays: z.number().nullable(),
    rates: z.object({
      inTime: z.number().nullable(),
      digitization: z.number().nullable(),
      online: z.number().nullable(),
      onlinePayment: z.null().meta({ description: 'Not measured: the platform has no payment module yet' }),
      satisfied: z.number().nullable(),
    }),
  })
  .meta({ id: 'OneStopFigures' });
const periodSchema = z.object({
  key: z.string(),
  label: bilingual,
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
});

const componentSchema = z.object({
  key: z.string(),
  name: bilingual,
  max: z.number(),
  available: z.boolean(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rate: z.number().nullable(),
  score: z.number().nullable(),
  drill: z
    .object({
      numerator: z.string().nullable(),
      denominator: z.string().nullable(),
      procedures: z
        .object({ numerator: z.enum(PROCEDURE_SETS), denominator: z.enum(PROCEDURE_SETS) })
        .optional(),
    })
    .nullable(),
  note: bilingual.nullable(),
});
const indexSchema = z
  .object({
    total: z.number(),
    measuredMax: z.number(),
    max: z.number(),
    groups: z.array(
      z.object({
        code: z.string(),
        name: bilingual,
        max: z.number(),
        measuredMax: z.number(),
        score: z.number(),
        components: z.array(componentSchema),
      }),
    ),
  })
  .meta({ id: 'Index766' });

function periodOf(key: string): Period {
  const period = parsePeriod(key);
  if (!period)
    throw StatisticsErrors.create('BAD_PERIOD', undefined, [{ field: 'period', ...PERIOD_PATTERN_HELP }]);
  return period;
}

const periodView = (p: Period, asOf: Date) => ({
  key: p.key,
  label: p.label,
  from: p.firstDate,
  to: p.lastDate,
  asOf: vietnamIso(asOf),
});

/** A file download (the reply is untyped here: the route's JSON schema describes the JSON form). */
async function sendDownload(reply: FastifyReply, bytes: Uint8Array, name: string, type = XLSX_TYPE) {
  for (const [k, v] of Object.entries(attachmentHeaders(name, type))) reply.header(k, v);
  return reply
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

export const statisticsRoutes =
  (database: Database, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const db = database.db;

    /** The period a key names, if it may be asked (period.ts: from the first data to today, a year at most). */
    async function boundedPeriod(key: string): Promise<Period> {
      const period = periodOf(key);
      const why = periodOutOfBounds(period, await statisticsBounds(database));
      if (why) throw StatisticsErrors.create('PERIOD_OUT_OF_RANGE', why, [{ field: 'period', ...why }]);
      return period;
    }

    /** Who signs the report (Decree 30 header) and where: the agency asked for, else the province. */
    async function issuerOf(agencyId: string | undefined) {
      const [unit] = await database.rows<{ short_name: string }>(
        sql`SELECT short_name FROM admin_unit WHERE code = ${config.PROVINCE_CODE} LIMIT 1`,
      );
      const place = unit?.short_name ?? '';
      if (agencyId) {
        const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
        const [parent] = agency?.parentId
          ? await db.select().from(agencies).where(eq(agencies.id, agency.parentId))
          : [];
        return { issuer: { name: agency?.name.vi ?? '', parent: parent?.name.vi }, place };
      }
      const [committee] = await db.select().from(agencies).where(eq(agencies.kind, 'provincial_committee'));
      return { issuer: { name: committee?.name.vi ?? `UBND tỉnh ${place}` }, place };
    }

    /** The scope the query asks for, after checking the caller may see it. */
    async function authorizedScope(
      req: FastifyRequest,
      q: {
        agencyId?: string;
        communeCode?: string;
        field?: string;
        procedureCode?: string;
        channel?: Scope['channel'];
        decidedBy?: string;
        deskId?: string;
      },
    ) {
      requireAllowed(req, 'statistics.view', { type: 'statistics', agencyId: q.agencyId ?? null });
      const scope: Scope = {
        communeCode: q.communeCode,
        field: q.field,
        procedureCode: q.procedureCode,
        channel: q.channel,
        decidedBy: q.decidedBy,
        deskId: q.deskId,
      };
      let unitName = 'Toàn tỉnh';
      // A commune authority answers for every commune-level procedure (services, 766 counts).
      let communeLevel = false;
      if (q.agencyId) {
        const [agency] = await db.select().from(agencies).where(eq(agencies.id, q.agencyId));
        if (!agency)
          throw StatisticsErrors.create('UNKNOWN_AGENCY', undefined, [
            { field: 'agencyId', vi: 'Không có cơ quan này.', en: 'No such agency.' },
          ]);
        scope.agencyIds = await agencyScope(db, agency.id);
        unitName = agency.name.vi;
        communeLevel = agency.level === 'commune';
      }
      return { scope, unitName, communeLevel };
    }

    app.get(
      '/api/reporting/one-stop',
      {
        schema: {
          tags: ['reporting'],
          summary:
            'One-stop statistics for a period: received, resolved early/on time/late, open, refused, supplements, digitization, ratings',
          description:
            'Computed from the dossiers and their events (DOMAIN.md §2): a dossier is early/on time/late by its first terminal instant against its due date (extended if any), less waits for the applicant; more than one supplement request after receipt counts late. Open dossiers are measured at the period end (or now, for a period not over). `groupBy` breaks the figures down; `format=xlsx` downloads the table. Every count is a named set listed by GET /api/reporting/dossiers.',
          querystring: z
            .object({
              ...filters,
              groupBy: z.enum(DIMENSIONS).default('none'),
              format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
            })
            .strict(),
          response: {
            200: z.object({
              period: periodSchema,
              unit: z.string(),
              rows: z.array(rowSchema),
              total: rowSchema,
            }),
            ...problemResponses(400, 401, 403, 404, 422),
          },
        },
      },
      async (req, reply) => {
        const period = await boundedPeriod(req.query.period);
        const { scope, unitName } = await authorizedScope(req, req.query);
        const w = windowOf(period, new Date());
        const report = await oneStopStatistics(database, w, scope, req.query.groupBy);
        if (req.query.format === 'xlsx')
          return sendDownload(
            reply,
            await oneStopXlsx(report, period, unitName),
            `thong-ke-mot-cua-${period.key}.xlsx`,
          );
        if (req.query.format === 'pdf') {
          // The report always carries the breakdown by deciding agency, whatever the page shows.
          const byAgency =
            req.query.groupBy === 'agency' ? report : await oneStopStatistics(database, w, scope, 'agency');
          const { issuer, place } = await issuerOf(req.query.agencyId);
          const bytes = await oneStopPdf(byAgency, period, issuer, place);
          return sendDownload(reply, bytes, `bao-cao-mot-cua-${period.key}.pdf`, 'application/pdf');
        }
        return { period: periodView(period, w.asOf), unit: unitName, ...report };
      },
    );

    app.get(
      '/api/reporting/services',
      {
        schema: {
          tags: ['reporting'],
          summary:
            'Online-services statistics: procedures by online type, how many received dossiers, the online share',
          querystring: z.object({ period: periodParam, agencyId: filters.agencyId, format }).strict(),
          response: {
            200: z.object({
              period: periodSchema,
              unit: z.string(),
              rows: z.array(
                z.object({
                  kind: z.enum(['full', 'partial', 'offline']),
                  procedures: z.number().int(),
                  withDossiers: z.number().int(),
                  withOnlineDossiers: z.number().int(),
                  received: z.number().int(),
                  receivedOnline: z.number().int(),
                  onlineShare: z.number().nullable(),
                }),
              ),
            }),
            ...problemResponses(400, 401, 403, 404, 422),
          },
        },
      },
      async (req, reply) => {
        const period = await boundedPeriod(req.query.period);
        const { scope, unitName, communeLevel } = await authorizedScope(req, req.query);
        const w = windowOf(period, new Date());
        const rows = await servicesStatistics(database, w, scope.agencyIds, communeLevel);
        if (req.query.format === 'xlsx')
          return sendDownload(
            reply,
            await servicesXlsx(rows, period, unitName),
            `dich-vu-cong-${period.key}.xlsx`,
          );
        return { period: periodView(period, w.asOf), unit: unitName, rows };
      },
    );

    app.get(
      '/api/reporting/procedures',
      {
        schema: {
          tags: ['reporting'],
          summary:
            'The procedures behind a 766 procedure count: in the remit, offered online, online with dossiers, with a fee, with a fee and dossiers',
          querystring: z
            .object({ period: periodParam, agencyId: filters.agencyId, set: z.enum(PROCEDURE_SETS) })
            .strict(),
          response: {
            200: z.object({
              set: z.string(),
              total: z.number().int(),
              items: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  kind: z.enum(['full', 'partial', 'offline']),
                  withFee: z.boolean(),
                  received: z.number().int(),
                  receivedOnline: z.number().int(),
                }),
              ),
            }),
            ...problemResponses(400, 401, 403, 404, 422),
          },
        },
      },
      async (req) => {
        const period = await boundedPeriod(req.query.period);
        const { scope, communeLevel } = await authorizedScope(req, req.query);
        const w = windowOf(period, new Date());
        const items = await proceduresInSet(database, w, scope.agencyIds, communeLevel, req.query.set);
        return { set: req.query.set, total: items.length, items };
      },
    );

    app.get(
      '/api/reporting/index',
      {
        schema: {
          tags: ['reporting'],
          summary:
            'The Decision 766 service-quality index of the province or of one agency (department or commune), with every component',
          description:
            'Weights and thresholds are those in force on the period’s last day (GET /api/reporting/index-config). Components the platform has no data for yet (payments, feedback, national sync, population data) are marked unavailable and left out of `measuredMax`. Each component names the dossier sets behind its numerator and denominator (`drill`), listed by GET /api/reporting/dossiers.',
          querystring: z.object({ period: periodParam, agencyId: filters.agencyId, format }).strict(),
          response: {
            200: z.object({
              period: periodSchema,
              unit: z.object({ kind: z.string(), id: z.string().nullable(), name: bilingual }),
              configEffectiveFrom: z.string(),
              index: indexSchema,
            }),
            ...problemResponses(400, 401, 403, 404, 422),
          },
        },
      },
      async (req, reply) => {
        const period = await boundedPeriod(req.query.period);
        requireAllowed(req, 'statistics.view', { type: 'statistics', agencyId: req.query.agencyId ?? null });
        const w = windowOf(period, new Date());
        const unit = await indexOfUnit(
          database,
          period,
          w,
          req.query.agencyId ? { kind: 'agency', agencyId: req.query.agencyId } : { kind: 'province' },
        );
        if (!unit)
          throw StatisticsErrors.create('UNKNOWN_AGENCY', undefined, [
            { field: 'agencyId', vi: 'Không có cơ quan này.', en: 'No such agency.' },
          ]);
        if (req.query.format === 'xlsx')
          return sendDownload(reply, await indexXlsx(unit, period), `chi-so-766-${period.key}.xlsx`);
        return { period: periodView(period, w.asOf), ...unit };
      },
    );

    app.get(
      '/api/reporting/index/ranking',
      {
        schema: {
          tags: ['reporting'],
          summary:
            'The Decision 766 index of every department (level=province) or commune (level=commune), ranked',
          description: 'Ranked by the share of the measured points (score ÷ measuredMax); ties share a rank.',
          querystring: z
            .object({
              period: periodParam,
              level: z.enum(['province', 'commune']).default('province'),
              format,
            })
            .strict(),
          response: {
            200: z.object({
              period: periodSchema,
              configEffectiveFrom: z.string(),
              rows: z.array(
                z.object({
                  agencyId: z.string(),
                  name: bilingual,
                  rank: z.number().int(),
                  index: indexSchema,
                }),
              ),
            }),
            ...problemResponses(400, 401, 403, 422),
          },
        },
      },
      async (req, reply) => {
        const period = await boundedPeriod(req.query.period);
        requireAllowed(req, 'statistics.view', { type: 'statistics', agencyId: null });
        const w = windowOf(period, new Date());
        const ranking = await indexRanking(database, period, w, req.query.level);
        if (req.query.format === 'xlsx')
          return sendDownload(
            reply,
            await rankingXlsx(ranking.rows, period, req.query.level),
            `xep-hang-766-${period.key}.xlsx`,
          );
        return { period: periodView(period, w.asOf), ...ranking };
      },
    );

    app.get(
      '/api/reporting/dossiers',
      {
        schema: {
          tags: ['reporting'],
          summary: 'The dossiers behind a figure: the named set, for the same period and filters',
          description: `Sets: ${DOSSIER_SETS.map((s) => `\`${s}\` (${SET_LABELS[s].en})`).join(', ')}. No personal data of applicants is listed.`,
          querystring: z
            .object({
              ...filters,
              set: z.enum(DOSSIER_SETS),
              limit: z.coerce.number().int().min(1).max(200).default(50),
              offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
            })
            .strict(),
          response: {
            200: z.object({
              set: z.string(),
              label: bilingual,
              total: z.number().int(),
              items: z.array(
                z.object({
                  id: z.string(),
                  code: z.string().nullable(),
                  procedureCode: z.string(),
                  procedureName: z.string(),
                  agencyName: z.string(),
                  channel: z.string(),
                  status: z.string(),
                  receivedAt: z.string().nullable(),
                  dueAt: z.string().nullable(),
                  doneAt: z.string().nullable(),
                  outcome: z.string().nullable(),
                  workingDaysTaken: z.number().nullable(),
                  rating: z.number().nullable(),
                }),
              ),
            }),
            ...problemResponses(400, 401, 403, 404, 422),
          },
        },
      },
      async (req) => {
        const period = await boundedPeriod(req.query.period);
        const { scope } = await authorizedScope(req, req.query);
        const w = windowOf(period, new Date());
        const list = await dossiersInSet(database, w, scope, req.query.set, req.query);
        const iso = (d: Date | null) => (d ? vietnamIso(d) : null);
        return {
          set: req.query.set,
          label: SET_LABELS[req.query.set],
          total: list.total,
          items: list.items.map((i) => ({
            ...i,
            receivedAt: iso(i.receivedAt),
            dueAt: iso(i.dueAt),
            doneAt: iso(i.doneAt),
          })),
        };
      },
    );

    app.get(
      '/api/reporting/periods',
      {
        schema: {
          tags: ['reporting'],
          summary:
            'Which periods statistics may be asked for: the earliest first day, today, the longest span',
          description:
            'A period starts between `earliest` (1 January of the first year the platform has data for) and `today`, Vietnamese dates, and spans at most `maxDays` days. Anything else is a 422 naming `period`.',
          response: {
            200: z.object({ earliest: z.string(), today: z.string(), maxDays: z.number().int() }),
          },
        },
      },
      async () => ({ ...(await statisticsBounds(database)), maxDays: MAX_PERIOD_DAYS }),
    );

    app.get(
      '/api/reporting/overview',
      {
        schema: {
          tags: ['reporting'],
          summary: "The leaders' dashboard: today's queues, overdue by agency, the year's monthly trend",
          querystring: z
            .object({
              agencyId: filters.agencyId,
              year: z.coerce.number().int().min(2000).max(2100).optional(),
            })
            .strict(),
          response: {
            200: z.object({
              unit: z.string(),
              queues: z.object({
                awaitingIntake: z.number(),
                inProgress: z.number(),
                awaitingSupplement: z.number(),
                dueToday: z.number(),
                overdue: z.number(),
                toReturn: z.number(),
                receivedToday: z.number(),
              }),
              overdueByAgency: z.array(
                z.object({ agencyId: z.string(), name: bilingual, open: z.number(), overdue: z.number() }),
              ),
              trend: z.array(
                z.object({
                  month: z.string(),
                  received: z.number(),
                  early: z.number(),
                  onTime: z.number(),
                  late: z.number(),
                }),
              ),
            }),
            ...problemResponses(400, 401, 403, 404, 422),
          },
        },
      },
      async (req) => {
        const { scope, unitName } = await authorizedScope(req, req.query);
        const now = new Date();
        const year = req.query.year ?? Number(vietnamIso(now).slice(0, 4));
        const bounds = await statisticsBounds(database, now);
        if (periodOutOfBounds(periodOf(String(year)), bounds))
          throw StatisticsErrors.create('PERIOD_OUT_OF_RANGE', undefined, [
            {
              field: 'year',
              vi: `Chọn một năm từ ${bounds.earliest.slice(0, 4)} đến ${bounds.today.slice(0, 4)}.`,
              en: `Choose a year from ${bounds.earliest.slice(0, 4)} to ${bounds.today.slice(0, 4)}.`,
            },
          ]);
        const [queues, overdue, trend] = await Promise.all([
          todayQueues(database, scope, now),
          overdueByAgency(database, scope, now),
          monthlyTrend(database, scope, year),
        ]);
        return { unit: unitName, queues, overdueByAgency: overdue, trend };
      },
    );

    app.get(
      '/api/reporting/index-config',
      {
        schema: {
          tags: ['reporting'],
          summary: 'The Decision 766 weights and thresholds, every version with the date it takes effect',
          response: {
            200: z.object({
              items: z.array(z.object({ effectiveFrom: z.string(), basis: z.string(), config: z.unknown() })),
            }),
            ...problemResponses(401, 403),
          },
        },
      },
      async (req) => {
        requireAllowed(req, 'statistics.view', { type: 'statistics', agencyId: null });
        return { items: await listIndexConfigs(db) };
      },
    );

    app.post(
      '/api/reporting/index-config',
      {
        schema: {
          tags: ['reporting'],
          summary: 'Add a version of the 766 weights and thresholds, in force from a date (DX office)',
          body: z
            .object({ effectiveFrom: z.iso.date(), basis: z.string().min(5).max(1000), config: z.unknown() })
            .strict(),
          response: { 201: z.object({ effectiveFrom: z.string() }), ...problemResponses(400, 401, 403, 409) },
        },
      },
      async (req, reply) => {
        const auth = requireAllowed(req, 'dx.manage', { type: 'dx', agencyId: null });
        const parsed = indexConfigSchema.safeParse(req.body.config);
        if (!parsed.success) {
          throw StatisticsErrors.create(
            'CONFIG_INVALID',
            undefined,
            parsed.error.issues.map((i) => ({
              field: ['config', ...i.path.map(String)].join('.'),
              vi: `Giá trị không hợp lệ: ${i.message}`,
              en: i.message,
            })),
          );
        }
        const added = await addIndexConfig(
          db,
          { effectiveFrom: req.body.effectiveFrom, basis: req.body.basis, config: parsed.data },
          auth.person.id,
        );
        if (!added)
          throw StatisticsErrors.create('CONFIG_EXISTS', undefined, [
            {
              field: 'effectiveFrom',
              vi: 'Ngày này đã có cấu hình.',
              en: 'That date already has a configuration.',
            },
          ]);
        return reply.code(201).send({ effectiveFrom: req.body.effectiveFrom });
      },
    );

    // Open data: province-wide and per-agency aggregates, no dossier lists, no personal data.
    app.get(
      '/api/reporting/open/one-stop',
      {
        schema: {
          tags: ['reporting'],
          summary:
            'Open data: one-stop figures of the province for a period, by agency, field or channel (no sign-in)',
          querystring: z
            .object({
              period: periodParam,
              groupBy: z.enum(['none', 'agency', 'field', 'channel']).default('none'),
            })
            .strict(),
          response: {
            200: z.object({ period: periodSchema, rows: z.array(rowSchema), total: rowSchema }),
            ...problemResponses(400, 422),
          },
        },
      },
      async (req) => {
        const period = await boundedPeriod(req.query.period);
        const w = windowOf(period, new Date());
        const report = await oneStopStatistics(database, w, {}, req.query.groupBy);
        return { period: periodView(period, w.asOf), ...report };
      },
    );

    app.get(
      '/api/reporting/open/index',
      {
        schema: {
          tags: ['reporting'],
          summary: 'Open data: the Decision 766 index of the province for a period (no sign-in)',
          querystring: z.object({ period: periodParam }).strict(),
          response: {
            200: z.object({ period: periodSchema, configEffectiveFrom: z.string(), index: indexSchema }),
            ...problemResponses(400, 422),
          },
        },
      },
      async (req) => {
        const period = await boundedPeriod(req.query.period);
        const w = windowOf(period, new Date());
        const unit = (await indexOfUnit(database, period, w, { kind: 'province' }))!;
        return {
          period: periodView(period, w.asOf),
          configEffectiveFrom: unit.configEffectiveFrom,
          index: unit.index,
        };
      },
    );
  };
