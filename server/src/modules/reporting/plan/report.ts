/**
 * The plan's periodic report (6-monthly or yearly): the header, progress by group, each task with
 * its latest report in the period, and the KPIs against their targets. One builder feeds the JSON,
 * the Excel workbook and the PDF, so the three never disagree.
 */
import type { Database } from '../../../db/engine.ts';
import { vietnamDateOf } from '../../../platform/calendar/vietnam-time.ts';
import { IdentityErrors } from '../../identity/errors.ts';
import type { Actor } from '../../identity/policy.ts';
import { seesWholePlan } from './access.ts';
import { type KpiStatus, kpiStatuses } from './kpis.ts';
import { isOverdue, loadGroups, loadPlan, loadTasks } from './load.ts';
import type { Period } from './periods.ts';
import { reportsOf } from './progress.ts';

export type GroupSummary = {
  id: string;
  code: string;
  name: string;
  tasks: number;
  done: number;
  inProgress: number;
  notStarted: number;
  cancelled: number;
  overdue: number;
  averageProgress: number;
};

export type ReportTask = {
  id: string;
  groupCode: string;
  code: string;
  title: string;
  lead: string | null;
  deadline: string | null;
  deadlineText: string | null;
  status: string;
  progress: number;
  overdue: boolean;
  latestReport: {
    reportedOn: string;
    status: string;
    progress: number;
    note: string | null;
    evidence: number;
  } | null;
};

export type PlanReport = {
  plan: {
    id: string;
    number: string;
    title: string;
    issuedOn: string;
    issuer: string;
    fromYear: number;
    toYear: number;
    lead: string | null;
  };
  period: { key: string; from: string; to: string; due: string; label: { vi: string; en: string } };
  /** The day the figures are as of: the period's end, or today while the period runs. */
  asOf: string;
  totals: Omit<GroupSummary, 'id' | 'code' | 'name'>;
  groups: GroupSummary[];
  tasks: ReportTask[];
  kpis: KpiStatus[];
};

function summarise(tasks: ReportTask[]): Omit<GroupSummary, 'id' | 'code' | 'name'> {
  const by = (s: string) => tasks.filter((t) => t.status === s).length;
  const total = tasks.reduce((s, t) => s + t.progress, 0);
  return {
    tasks: tasks.length,
    done: by('done'),
    inProgress: by('in_progress'),
    notStarted: by('not_started'),
    cancelled: by('cancelled'),
    overdue: tasks.filter((t) => t.overdue).length,
    averageProgress: tasks.length ? Math.round((total / tasks.length) * 10) / 10 : 0,
  };
}

export async function buildPlanReport(
  database: Database,
  actor: Actor,
  planId: string,
  period: Period,
  now = new Date(),
): Promise<PlanReport> {
  if (!seesWholePlan(actor)) throw IdentityErrors.create('FORBIDDEN');
  const { db } = database;
  const plan = await loadPlan(db, planId);
  const groups = await loadGroups(db, planId);
  const tasks = await loadTasks(db, planId);
  const today = vietnamDateOf(now);
  const asOf = period.to < today ? period.to : today;
  const reports = await reportsOf(
    db,
    tasks.map((t) => t.id),
  );
  const groupCode = new Map(groups.map((g) => [g.id, g.code]));
  const rows: ReportTask[] = tasks.map((t) => {
    const mine = reports.filter((r) => r.taskId === t.id); // newest first
    // The task as it stood at the period's end: its latest report by then, else as imported.
    const standing = mine.find((r) => r.reportedOn <= period.to);
    const status = standing?.status ?? t.status;
    const progress = standing?.progress ?? t.progress;
    const inPeriod = mine.find((r) => r.reportedOn >= period.from && r.reportedOn <= period.to);
    return {
      id: t.id,
      groupCode: groupCode.get(t.groupId) ?? '',
      code: t.code,
      title: t.title,
      lead: t.leadName,
      deadline: t.deadline,
      deadlineText: t.deadlineText,
      status,
      progress,
      overdue: isOverdue({ deadline: t.deadline, status }, asOf),
      latestReport: inPeriod
        ? {
            reportedOn: inPeriod.reportedOn,
            status: inPeriod.status,
            progress: inPeriod.progress,
            note: inPeriod.note,
            evidence: inPeriod.evidence.length,
          }
        : null,
    };
  });
  return {
    plan: {
      id: plan.id,
      number: plan.number,
      title: plan.title,
      issuedOn: plan.issuedOn,
      issuer: plan.issuer,
      fromYear: plan.fromYear,
      toYear: plan.toYear,
      lead: plan.leadName,
    },
    period: { key: period.key, from: period.from, to: period.to, due: period.due, label: period.label },
    asOf,
    totals: summarise(rows),
    groups: groups.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      ...summarise(rows.filter((r) => r.groupCode === g.code)),
    })),
    tasks: rows,
    kpis: await kpiStatuses(database, planId, period.year),
  };
}
