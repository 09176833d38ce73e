/** The plan API's JSON shapes (zod: validation and the OpenAPI document). */
import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/dates.ts';
import { TASK_STATUSES } from './import-format.ts';

// A real calendar day: 2026-02-31 is refused at the door, never handed to the database.
export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'a real date as YYYY-MM-DD' })
  .meta({ format: 'date' });
export const taskStatus = z.enum(TASK_STATUSES);

export const planSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    title: z.string(),
    issuedOn: isoDate,
    issuer: z.string(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    leadName: z.string().nullable(),
    tasks: z.number().int().meta({ description: 'Tasks the caller sees' }),
    done: z.number().int(),
    averageProgress: z.number(),
    nextDue: isoDate.meta({ description: 'The next report deadline' }),
  })
  .meta({ id: 'DxPlanSummary' });

export const taskSchema = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    groupCode: z.string(),
    code: z.string(),
    title: z.string(),
    leadAgencyId: z.uuid().nullable(),
    leadName: z
      .string()
      .nullable()
      .meta({ description: "The lead agency's name, or the plan's text when it is not one of ours" }),
    coordinating: z.string().nullable(),
    deadline: isoDate.nullable(),
    deadlineText: z.string().nullable(),
    status: taskStatus,
    progress: z.number().int(),
    overdue: z.boolean(),
    lastReportOn: isoDate.nullable(),
    actions: z.array(z.enum(['report', 'edit'])).meta({ description: 'What the caller may do to the task' }),
  })
  .meta({ id: 'DxPlanTask' });

const counts = {
  tasks: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  overdue: z.number().int(),
  averageProgress: z.number(),
};

export const planDetailSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    title: z.string(),
    issuedOn: isoDate,
    issuer: z.string(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    leadAgencyId: z.uuid().nullable(),
    leadName: z.string().nullable(),
    groups: z.array(
      z.object({ id: z.uuid(), code: z.string(), name: z.string(), position: z.number().int(), ...counts }),
    ),
    tasks: z.array(taskSchema),
    wholePlan: z.boolean().meta({ description: 'false: the caller sees only their agency’s tasks' }),
    currentPeriod: z.string().meta({ example: '2026' }),
    actions: z.array(z.enum(['manage'])),
  })
  .meta({ id: 'DxPlan' });

export const evidenceSchema = z.object({
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  url: z.string(),
});

export const taskReportSchema = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    reportedOn: isoDate,
    status: z.string(),
    progress: z.number().int(),
    note: z.string().nullable(),
    evidence: z.array(evidenceSchema),
    reportedByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'DxTaskReport' });

export const reportBodySchema = z
  .object({
    reportedOn: isoDate.optional().meta({ description: 'Default: today (Vietnam)' }),
    status: z.enum(['not_started', 'in_progress', 'done']),
    progress: z.number().int().min(0).max(100),
    note: z.string().max(4000).optional(),
    evidence: z
      .array(
        z
          .object({
            fileName: z.string().min(1).max(255),
            contentBase64: z.string().min(1).meta({ description: 'The file (PDF, JPEG or PNG) in base64' }),
          })
          .strict(),
      )
      .max(5)
      .default([]),
  })
  .strict();

export const kpiSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    measure: z.string().nullable().meta({ description: 'A platform measure, or null when entered by hand' }),
    targets: z.record(z.string(), z.number()),
    year: z.number().int(),
    targetYear: z.number().int().nullable(),
    target: z.number().nullable(),
    value: z.number().nullable(),
    source: z.enum(['measured', 'entered']).nullable(),
    note: z.string().nullable(),
    met: z.boolean().nullable(),
  })
  .meta({ id: 'DxKpi' });

const groupSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  ...counts,
  cancelled: z.number().int(),
});

export const planReportSchema = z
  .object({
    plan: z.object({
      id: z.uuid(),
      number: z.string(),
      title: z.string(),
      issuedOn: isoDate,
      issuer: z.string(),
      fromYear: z.number().int(),
      toYear: z.number().int(),
      lead: z.string().nullable(),
    }),
    period: z.object({
      key: z.string(),
      from: isoDate,
      to: isoDate,
      due: isoDate,
      label: z.object({ vi: z.string(), en: z.string() }),
    }),
    asOf: isoDate,
    totals: groupSummary.omit({ id: true, code: true, name: true }),
    groups: z.array(groupSummary),
    tasks: z.array(
      z.object({
        id: z.uuid(),
        groupCode: z.string(),
        code: z.string(),
        title: z.string(),
        lead: z.string().nullable(),
        deadline: isoDate.nullable(),
        deadlineText: z.string().nullable(),
        status: z.string(),
        progress: z.number().int(),
        overdue: z.boolean(),
        latestReport: z
          .object({
            reportedOn: isoDate,
            status: z.string(),
            progress: z.number().int(),
            note: z.string().nullable(),
            evidence: z.number().int(),
          })
          .nullable(),
      }),
    ),
    kpis: z.array(kpiSchema),
  })
  .meta({ id: 'DxPlanReport' });
