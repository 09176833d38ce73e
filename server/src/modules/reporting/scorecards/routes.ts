import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/engine.ts';
import { vietnamIso } from '../../../platform/calendar/routes.ts';
import { problemResponses } from '../../../platform/http/problem.ts';
import { requireAuth } from '../../identity/web-session.ts';
import { attachmentHeaders, XLSX_TYPE } from '../export/xlsx.ts';
import { indicatorsOf, loadSet, mayManage } from './access.ts';
import { assessmentRoutes } from './assessment-routes.ts';
import { rankingWorkbook } from './export.ts';
import { listAssessments, setActions } from './overview.ts';
import { ranking } from './ranking.ts';
import { changeStatus, copySet, createSet, listSets, updateDraft } from './sets.ts';
import {
  agencySchema,
  agencyView,
  indicatorInputSchema,
  indicatorSchema,
  indicatorView,
  rankingSchema,
  rankingView,
  setSchema,
  setSummarySchema,
  setView,
  summaryView,
} from './views.ts';

const tags = ['reporting'];
const setParams = z.object({ setId: z.uuid() });

const setDetailSchema = z
  .object({
    set: setSchema,
    indicators: z.array(indicatorSchema),
    maxTotal: z.number(),
    actions: z.array(z.enum(['edit', 'open', 'close', 'reopen', 'copy'])),
  })
  .meta({ id: 'ScorecardSetDetail' });

/**
 * DX scorecards (bộ chỉ số đánh giá chuyển đổi số): criteria sets, self-assessment, review,
 * ranking with year-over-year change, and its Excel export.
 */
export const scorecardRoutes =
  (database: Database, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (req: Parameters<typeof requireAuth>[0], setId: string) => {
      const { actor } = requireAuth(req);
      const set = await loadSet(database.db, actor, setId);
      const indicators = await indicatorsOf(database.db, setId);
      return {
        set: setView(set),
        indicators: indicators.map(indicatorView),
        maxTotal: Math.round(indicators.reduce((s, i) => s + i.maxPoints, 0) * 1000) / 1000,
        actions: setActions(actor, set),
      };
    };

    app.get(
      '/api/reporting/scorecards',
      {
        schema: {
          tags,
          summary: 'Criteria sets (bộ chỉ số), newest year first; drafts only for the DX office',
          response: {
            200: z.object({ items: z.array(setSummarySchema), mayManage: z.boolean() }),
            ...problemResponses(401, 403),
          },
        },
      },
      async (req) => {
        const { actor } = requireAuth(req);
        const items = await listSets(database, actor);
        return {
          items: items.map(summaryView),
          mayManage: mayManage(actor),
        };
      },
    );

    app.post(
      '/api/reporting/scorecards',
      {
        schema: {
          tags,
          summary: 'The DX office defines a criteria set with its indicators (as a draft)',
          body: z
            .object({
              code: z
                .string()
                .trim()
                .regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'capital letters, digits, dot, dash; up to 40'),
              year: z.number().int().min(2000).max(2100),
              name: z.string().trim().min(1).max(500),
              subjectKind: z.enum(['department', 'commune']),
              indicators: z.array(indicatorInputSchema).min(1).max(300),
            })
            .strict(),
          response: { 201: setDetailSchema, ...problemResponses(400, 401, 403, 409) },
        },
      },
      async (req, reply) => {
        const set = await createSet(database, requireAuth(req).actor, req.body);
        return reply.status(201).send(await detail(req, set.id));
      },
    );

    app.get(
      '/api/reporting/scorecards/:setId',
      {
        schema: {
          tags,
          summary: 'A criteria set with its indicators and what the caller may do with it',
          params: setParams,
          response: { 200: setDetailSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => detail(req, req.params.setId),
    );

    app.put(
      '/api/reporting/scorecards/:setId',
      {
        schema: {
          tags,
          summary: "Replace a draft set's indicators (and its name); refused once the set is open",
          params: setParams,
          body: z
            .object({
              name: z.string().trim().min(1).max(500).optional(),
              indicators: z.array(indicatorInputSchema).min(1).max(300),
            })
            .strict(),
          response: { 200: setDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        await updateDraft(database, requireAuth(req).actor, req.params.setId, req.body);
        return detail(req, req.params.setId);
      },
    );

    app.post(
      '/api/reporting/scorecards/:setId/status',
      {
        schema: {
          tags,
          summary: 'Open a draft set for self-assessment, close it (read-only), or reopen it',
          params: setParams,
          body: z.object({ status: z.enum(['open', 'closed']) }).strict(),
          response: { 200: setDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        await changeStatus(database, requireAuth(req).actor, req.params.setId, req.body.status);
        return detail(req, req.params.setId);
      },
    );

    app.post(
      '/api/reporting/scorecards/:setId/copy',
      {
        schema: {
          tags,
          summary: 'Copy a set to another year (same code and indicator codes, as a draft)',
          params: setParams,
          body: z
            .object({
              year: z.number().int().min(2000).max(2100),
              name: z.string().trim().min(1).max(500).optional(),
            })
            .strict(),
          response: { 201: setDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const set = await copySet(database, requireAuth(req).actor, req.params.setId, req.body);
        return reply.status(201).send(await detail(req, set.id));
      },
    );

    app.get(
      '/api/reporting/scorecards/:setId/assessments',
      {
        schema: {
          tags,
          summary:
            "The set's assessments the caller may open: all for the DX office, else their own agency's",
          params: setParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  agency: agencySchema,
                  status: z.enum(['draft', 'submitted', 'reviewed']),
                  submittedAt: z.string().nullable(),
                  reviewedAt: z.string().nullable(),
                  mayReport: z.boolean(),
                }),
              ),
            }),
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (req) => {
        const { items } = await listAssessments(database, requireAuth(req).actor, req.params.setId);
        return {
          items: items.map((i) => ({
            agency: agencyView(i.agency),
            status: i.status,
            submittedAt: i.submittedAt ? vietnamIso(i.submittedAt) : null,
            reviewedAt: i.reviewedAt ? vietnamIso(i.reviewedAt) : null,
            mayReport: i.mayReport,
          })),
        };
      },
    );

    app.get(
      '/api/reporting/scorecards/:setId/ranking',
      {
        schema: {
          tags,
          summary: 'Ranking: totals, normalised score, shared ranks on ties, pillars, change from last year',
          description:
            'Each indicator counts the reviewed score, else the self-assessed one, else the platform measure. The DX office sees submitted assessments too (provisional); everyone else sees reviewed ones only.',
          params: setParams,
          response: { 200: rankingSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => rankingView(await ranking(database, requireAuth(req).actor, req.params.setId)),
    );

    app.get(
      '/api/reporting/scorecards/:setId/ranking.xlsx',
      {
        schema: {
          tags,
          summary: 'The ranking as an Excel workbook (.xlsx)',
          params: setParams,
          response: {
            200: z.unknown().meta({ description: 'The workbook' }),
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (req, reply) => {
        const r = await ranking(database, requireAuth(req).actor, req.params.setId);
        const bytes = await rankingWorkbook(r);
        return reply
          .headers(attachmentHeaders(`Xếp hạng chuyển đổi số ${r.set.code} ${r.set.year}.xlsx`, XLSX_TYPE))
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );

    await app.register(assessmentRoutes(database, config));
  };
