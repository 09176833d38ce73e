import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/engine.ts';
import { vietnamIso } from '../../../platform/calendar/routes.ts';
import { problemResponses } from '../../../platform/http/problem.ts';
import { can } from '../../identity/policy.ts';
import { requireAllowed, requireAuth } from '../../identity/web-session.ts';
import { attachmentHeaders, XLSX_TYPE } from '../export/xlsx.ts';
import { PLAN } from './access.ts';
import { importPlan } from './import.ts';
import { IMPORT_LAYOUT_DOC } from './import-format.ts';
import { kpiStatuses, setKpiValue } from './kpis.ts';
import { loadPlan } from './load.ts';
import { parsePeriod } from './periods.ts';
import { editTask, getPlan, listPlans, planDeadlines } from './plans.ts';
import { addProgressReport, listReports, readEvidence, type TaskReport } from './progress.ts';
import { buildPlanReport } from './report.ts';
import { planReportPdf, planReportXlsx, reportFileName } from './report-export.ts';
import {
  isoDate,
  kpiSchema,
  planDetailSchema,
  planReportSchema,
  planSummarySchema,
  reportBodySchema,
  taskReportSchema,
  taskStatus,
} from './schemas.ts';

const tags = ['reporting'];
const planId = z.object({ id: z.uuid() });
const taskIds = z.object({ id: z.uuid(), taskId: z.uuid() });

const reportView = (planId: string, r: TaskReport) => ({
  id: r.id,
  taskId: r.taskId,
  reportedOn: r.reportedOn,
  status: r.status,
  progress: r.progress,
  note: r.note,
  evidence: r.evidence.map((e) => ({
    ...e,
    url: `/api/reporting/plans/${planId}/tasks/${r.taskId}/reports/${r.id}/evidence/${e.sha256}`,
  })),
  reportedByName: r.reportedByName,
  createdAt: vietnamIso(r.createdAt),
});

/** The digital-transformation plan: import, progress by task, KPIs, periodic reports (issue 6, item 4). */
export const planRoutes =
  (database: Database, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = { database, config };
    const { db } = database;
    // A plan file is posted as it is (CSV or .xlsx): its first bytes decide, not the header.
    app.addContentTypeParser(
      ['text/csv', 'application/octet-stream', XLSX_TYPE, 'application/vnd.ms-excel'],
      { parseAs: 'buffer', bodyLimit: (config.FILE_MAX_MB + 1) * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/api/reporting/plans',
      {
        schema: {
          tags,
          summary: 'Digital-transformation plans the caller may read, with their progress',
          response: {
            200: z.object({ items: z.array(planSummarySchema), canImport: z.boolean() }),
            ...problemResponses(401),
          },
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        return { items: await listPlans(db, auth.actor), canImport: can(auth.actor, 'dx.manage', PLAN) };
      },
    );

    app.post(
      '/api/reporting/plans/import',
      {
        schema: {
          tags,
          summary: 'Import a plan (CSV UTF-8 or Excel .xlsx) with its groups, tasks and KPIs, all or nothing',
          description: `The request body is the file itself (content-type text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream); its first bytes decide how it is read. DX office only (dx.manage). ${IMPORT_LAYOUT_DOC}`,
          response: {
            201: z.object({
              planId: z.uuid(),
              groups: z.number().int(),
              tasks: z.number().int(),
              kpis: z.number().int(),
              unmatchedLeads: z
                .array(z.string())
                .meta({ description: 'Lead names kept as text (not one of our agencies)' }),
            }),
            ...problemResponses(400, 401, 403, 409, 413, 415),
          },
        },
      },
      async (req, reply) => {
        requireAllowed(req, 'dx.manage', PLAN);
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return reply.status(201).send(await importPlan(database, bytes));
      },
    );

    app.get(
      '/api/reporting/plans/:id',
      {
        schema: {
          tags,
          summary:
            'A plan: its groups with counts, its tasks (an agency sees its own) and the actions allowed',
          params: planId,
          response: { 200: planDetailSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        const { plan, ...rest } = await getPlan(db, auth.actor, req.params.id);
        return {
          id: plan.id,
          number: plan.number,
          title: plan.title,
          issuedOn: plan.issuedOn,
          issuer: plan.issuer,
          fromYear: plan.fromYear,
          toYear: plan.toYear,
          leadAgencyId: plan.leadAgencyId,
          leadName: plan.leadName,
          ...rest,
          actions: [...rest.actions],
          tasks: rest.tasks.map((t) => ({ ...t, status: t.status as z.infer<typeof taskStatus> })),
        };
      },
    );

    app.get(
      '/api/reporting/plans/:id/deadlines',
      {
        schema: {
          tags,
          summary: 'Upcoming report deadlines of a plan (6-monthly due 15 Jun, yearly due 15 Dec)',
          params: planId,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  period: z.string(),
                  label: z.object({ vi: z.string(), en: z.string() }),
                  from: z.string(),
                  to: z.string(),
                  due: z.string(),
                  passed: z.boolean(),
                }),
              ),
            }),
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (req) => ({ items: await planDeadlines(db, requireAuth(req).actor, req.params.id) }),
    );

    app.get(
      '/api/reporting/plans/:id/report',
      {
        schema: {
          tags,
          summary: 'The periodic plan report (6-monthly or yearly) as JSON, Excel or PDF',
          description:
            'period: `2026-H1` (first half) or `2026` (whole year). format: `json` (default), `xlsx` (three sheets: groups, tasks, KPIs) or `pdf` (A4, Vietnamese administrative header). Task status is the latest progress report up to the period end; overdue = deadline passed and not done; a KPI is compared with the target of the period year or the nearest later target year.',
          params: planId,
          querystring: z
            .object({
              period: z.string().max(10).meta({ example: '2026-H1' }),
              format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
            })
            .strict(),
          response: {
            200: z.union([
              planReportSchema,
              z.unknown().meta({ description: 'With format=xlsx or pdf: the file (an attachment)' }),
            ]),
            ...problemResponses(400, 401, 403, 404),
          },
        },
      },
      async (req, reply) => {
        const auth = requireAllowed(req, 'dx.view', PLAN);
        const report = await buildPlanReport(
          database,
          auth.actor,
          req.params.id,
          parsePeriod(req.query.period),
        );
        if (req.query.format === 'xlsx') {
          const bytes = await planReportXlsx(report);
          return reply.headers(attachmentHeaders(reportFileName(report, 'xlsx'), XLSX_TYPE)).send(bytes);
        }
        if (req.query.format === 'pdf') {
          const bytes = Buffer.from(await planReportPdf(report));
          return reply
            .headers(attachmentHeaders(reportFileName(report, 'pdf'), 'application/pdf'))
            .send(bytes);
        }
        return report;
      },
    );

    app.patch(
      '/api/reporting/plans/:id/tasks/:taskId',
      {
        schema: {
          tags,
          summary: 'The DX office corrects a task (lead agency, deadline) or stops it',
          params: taskIds,
          body: z
            .object({
              title: z.string().min(1).max(1000).optional(),
              leadAgencyId: z.uuid().nullable().optional(),
              leadText: z.string().max(300).nullable().optional(),
              coordinating: z.string().max(1000).nullable().optional(),
              deadline: isoDate.nullable().optional(),
              deadlineText: z.string().max(100).nullable().optional(),
              status: taskStatus.optional(),
            })
            .strict(),
          response: {
            200: z.object({ id: z.uuid(), status: taskStatus, progress: z.number().int() }),
            ...problemResponses(400, 401, 403, 404),
          },
        },
      },
      async (req) => {
        const auth = requireAllowed(req, 'dx.manage', PLAN);
        const t = await editTask(database, auth.actor, req.params.id, req.params.taskId, req.body);
        return { id: t.id, status: t.status as z.infer<typeof taskStatus>, progress: t.progress };
      },
    );

    app.get(
      '/api/reporting/plans/:id/tasks/:taskId/reports',
      {
        schema: {
          tags,
          summary: "A task's progress reports, newest first, with their evidence files",
          params: taskIds,
          response: {
            200: z.object({ items: z.array(taskReportSchema) }),
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (req) => {
        const auth = requireAuth(req);
        const items = await listReports(db, auth.actor, req.params.id, req.params.taskId);
        return { items: items.map((r) => reportView(req.params.id, r)) };
      },
    );

    app.post(
      '/api/reporting/plans/:id/tasks/:taskId/reports',
      {
        bodyLimit: Math.ceil(config.FILE_MAX_MB * 5 * 1.4 + 1) * 1024 * 1024,
        schema: {
          tags,
          summary:
            'The lead agency reports progress on its task (status, %, note, evidence); the task follows',
          description: `Leaders and specialists of the task's lead agency (dx.report). Evidence: up to 5 files in base64 (PDF, JPEG or PNG recognised by content, at most ${config.FILE_MAX_MB} MB each). done means 100%, not_started 0%.`,
          params: taskIds,
          body: reportBodySchema,
          response: { 201: taskReportSchema, ...problemResponses(400, 401, 403, 404, 413, 415) },
        },
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        const { evidence, ...rest } = req.body;
        const report = await addProgressReport(ctx, auth.actor, req.params.id, req.params.taskId, {
          ...rest,
          files: evidence.map((e) => ({
            fileName: e.fileName,
            bytes: Buffer.from(e.contentBase64, 'base64'),
          })),
        });
        return reply.status(201).send(reportView(req.params.id, report));
      },
    );

    app.get(
      '/api/reporting/plans/:id/tasks/:taskId/reports/:reportId/evidence/:sha256',
      {
        schema: {
          tags,
          summary: 'Download an evidence file of a progress report',
          params: z.object({
            id: z.uuid(),
            taskId: z.uuid(),
            reportId: z.uuid(),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
          }),
          response: {
            200: z.unknown().meta({ description: 'The file (PDF, JPEG or PNG)' }),
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        const p = req.params;
        const { evidence, bytes } = await readEvidence(ctx, auth.actor, p.id, p.taskId, p.reportId, p.sha256);
        return reply
          .headers(attachmentHeaders(evidence.name, evidence.contentType))
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );

    app.get(
      '/api/reporting/plans/:id/kpis',
      {
        schema: {
          tags,
          summary: "The plan's KPIs for a year: target, measured or entered value, met or not",
          params: planId,
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict(),
          response: { 200: z.object({ items: z.array(kpiSchema) }), ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireAllowed(req, 'dx.view', PLAN);
        const plan = await loadPlan(db, req.params.id);
        const year =
          req.query.year ?? Math.min(plan.toYear, Math.max(plan.fromYear, new Date().getUTCFullYear()));
        return { items: await kpiStatuses(database, plan.id, year) };
      },
    );

    app.put(
      '/api/reporting/plans/:id/kpis/:kpiId/values/:year',
      {
        schema: {
          tags,
          summary:
            "The DX office enters a KPI's value for a year (KPIs without a platform measure, or to fill a gap)",
          params: z.object({
            id: z.uuid(),
            kpiId: z.uuid(),
            year: z.coerce.number().int().min(2000).max(2100),
          }),
          body: z
            .object({ value: z.number().finite().min(0).max(1e9), note: z.string().max(2000).optional() })
            .strict(),
          response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const auth = requireAllowed(req, 'dx.manage', PLAN);
        await setKpiValue(database, auth.actor, req.params.id, req.params.kpiId, {
          year: req.params.year,
          ...req.body,
        });
        return reply.status(204).send(null);
      },
    );
  };
