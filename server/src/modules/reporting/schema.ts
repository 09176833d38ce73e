import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencies } from '../identity/schema.ts';

/** A file kept as evidence (a progress report's minutes, a self-assessment's proof), in file storage. */
export type Evidence = { name: string; contentType: string; sizeBytes: number; sha256: string };

// ---------------------------------------------------------------------------------------
// Decision 766 index: weights and thresholds are law that changes, so they are data with a date.

/** One version of the 766 configuration, in force from `effectiveFrom` until the next one. */
export const indexConfigs = pgTable('reporting_index_config', {
  id: uuid('id').primaryKey(),
  effectiveFrom: date('effective_from').notNull().unique(),
  basis: text('basis').notNull(), // e.g. "Quyết định 766/QĐ-TTg ngày 23/6/2022"
  config: jsonb('config').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by'),
});

// ---------------------------------------------------------------------------------------
// Digital-transformation plan (kế hoạch chuyển đổi số), DOMAIN.md §4

export const plans = pgTable('reporting_plan', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull().unique(), // e.g. 55/KH-UBND
  title: text('title').notNull(),
  issuedOn: date('issued_on').notNull(),
  issuer: text('issuer').notNull(), // e.g. UBND tỉnh Tuyên Quang
  fromYear: integer('from_year').notNull(),
  toYear: integer('to_year').notNull(),
  // The department that follows the plan up and compiles the reports (e.g. Sở KH&CN).
  leadAgencyId: uuid('lead_agency_id').references(() => agencies.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A group of tasks (awareness, policy, infrastructure, ...), in the plan's order. */
export const planGroups = pgTable(
  'reporting_plan_group',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [unique('reporting_plan_group_uq').on(t.planId, t.code)],
);

export const planTasks = pgTable(
  'reporting_plan_task',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => planGroups.id),
    code: text('code').notNull(), // e.g. 4.12
    title: text('title').notNull(),
    leadAgencyId: uuid('lead_agency_id').references(() => agencies.id),
    // As written in the plan when it names no agency of ours (e.g. "Các sở, ban, ngành").
    leadText: text('lead_text'),
    coordinating: text('coordinating'),
    deadline: date('deadline'),
    deadlineText: text('deadline_text'), // e.g. "Hằng năm", "2022–2025"
    status: text('status').notNull(), // not_started | in_progress | done | overdue_risk | cancelled
    progress: integer('progress').notNull().default(0), // 0–100
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('reporting_plan_task_uq').on(t.planId, t.code),
    index('reporting_plan_task_lead_idx').on(t.leadAgencyId),
  ],
);

/** A progress report on a task, with its evidence: the history behind the task's status. */
export const taskReports = pgTable(
  'reporting_task_report',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id),
    reportedOn: date('reported_on').notNull(),
    status: text('status').notNull(),
    progress: integer('progress').notNull(),
    note: text('note'),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull(),
    reportedBy: uuid('reported_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('reporting_task_report_task_idx').on(t.taskId, t.reportedOn)],
);

/** A KPI of the plan (e.g. share of dossiers filed online), measured by hand or from platform data. */
export const kpis = pgTable(
  'reporting_kpi',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(), // %, số, ...
    // A platform measure (see reporting/kpi-measures.ts) or null: entered by hand.
    measure: text('measure'),
    targets: jsonb('targets').$type<Record<string, number>>().notNull(), // { "2025": 80, "2030": 100 }
  },
  (t) => [unique('reporting_kpi_uq').on(t.planId, t.code)],
);

/** A KPI's value for a year, entered by hand (measured values are computed when asked). */
export const kpiValues = pgTable(
  'reporting_kpi_value',
  {
    id: uuid('id').primaryKey(),
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => kpis.id),
    year: integer('year').notNull(),
    value: real('value').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('reporting_kpi_value_uq').on(t.kpiId, t.year)],
);

/** Reminders already sent for a report period, so each lead agency is reminded once per step. */
export const planReminders = pgTable(
  'reporting_plan_reminder',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    period: text('period').notNull(), // e.g. 2026-H1, 2026-Y
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').notNull(), // due_soon | overdue
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('reporting_plan_reminder_uq').on(t.planId, t.period, t.agencyId, t.kind)],
);

// ---------------------------------------------------------------------------------------
// DX scorecards (DTI-style): a criteria set per year, self-assessment, review, ranking.

export const scorecardSets = pgTable(
  'reporting_scorecard_set',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(), // e.g. DTI-SO (departments), DTI-XA (communes)
    year: integer('year').notNull(),
    name: text('name').notNull(),
    // Who is assessed: departments (sở, ngành) or communes.
    subjectKind: text('subject_kind').notNull(), // department | commune
    status: text('status').notNull(), // draft | open | closed
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('reporting_scorecard_set_uq').on(t.code, t.year)],
);

export const scorecardIndicators = pgTable(
  'reporting_scorecard_indicator',
  {
    id: uuid('id').primaryKey(),
    setId: uuid('set_id')
      .notNull()
      .references(() => scorecardSets.id),
    pillar: text('pillar').notNull(), // e.g. "Chính quyền số", "Nền tảng chung"
    code: text('code').notNull(), // stable across years, for year-over-year comparison
    name: text('name').notNull(),
    maxPoints: real('max_points').notNull(),
    evidenceRequired: text('evidence_required'), // what proof to attach, null = none
    // A platform measure (a rate 0–1, scaled to maxPoints) or null: scored by hand.
    measure: text('measure'),
    position: integer('position').notNull(),
  },
  (t) => [unique('reporting_scorecard_indicator_uq').on(t.setId, t.code)],
);

/** One agency's assessment against a set: self-assessed, then reviewed by the DX office. */
export const assessments = pgTable(
  'reporting_assessment',
  {
    id: uuid('id').primaryKey(),
    setId: uuid('set_id')
      .notNull()
      .references(() => scorecardSets.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status').notNull(), // draft | submitted | reviewed
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
  },
  (t) => [unique('reporting_assessment_uq').on(t.setId, t.agencyId)],
);

export const assessmentScores = pgTable(
  'reporting_assessment_score',
  {
    id: uuid('id').primaryKey(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => scorecardIndicators.id),
    selfScore: real('self_score'),
    explanation: text('explanation'),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull(),
    // The DX office's score after review; it is the one that counts once set.
    reviewedScore: real('reviewed_score'),
    reviewNote: text('review_note'),
  },
  (t) => [unique('reporting_assessment_score_uq').on(t.assessmentId, t.indicatorId)],
);
