import { and, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { vietnamDateOf } from '../../../platform/calendar/vietnam-time.ts';
import { IdentityErrors } from '../../identity/errors.ts';
import type { Actor } from '../../identity/policy.ts';
import { agencies } from '../../identity/schema.ts';
import { plans, planTasks, taskReports } from '../schema.ts';
import {
  demandManage,
  managesPlans,
  seesTask,
  seesWholePlan,
  type TaskAction,
  taskActions,
} from './access.ts';
import { PlanErrors } from './errors.ts';
import type { TaskStatus } from './import-format.ts';
import { isOverdue, loadGroups, loadPlan, loadTasks, type TaskRow } from './load.ts';
import { currentPeriod, periodsOfPlan } from './periods.ts';

export type TaskView = TaskRow & {
  groupCode: string;
  overdue: boolean;
  lastReportOn: string | null;
  actions: TaskAction[];
};

export type PlanSummary = {
  id: string;
  number: string;
  title: string;
  issuedOn: string;
  issuer: string;
  fromYear: number;
  toYear: number;
  leadName: string | null;
  tasks: number;
  done: number;
  averageProgress: number;
  nextDue: string;
};

/** Plans the caller may read: all of them for the DX office and leaders, else those with a task of theirs. */
export async function listPlans(db: Db, actor: Actor, now = new Date()): Promise<PlanSummary[]> {
  const rows = await db
    .select({ plan: plans, leadName: sql<string | null>`${agencies.name}->>'vi'` })
    .from(plans)
    .leftJoin(agencies, eq(agencies.id, plans.leadAgencyId))
    .orderBy(sql`${plans.issuedOn} DESC`);
  const today = vietnamDateOf(now);
  const out: PlanSummary[] = [];
  for (const { plan, leadName } of rows) {
    const tasks = (
      await db
        .select({
          leadAgencyId: planTasks.leadAgencyId,
          status: planTasks.status,
          progress: planTasks.progress,
        })
        .from(planTasks)
        .where(eq(planTasks.planId, plan.id))
    ).filter((t) => seesTask(actor, t.leadAgencyId));
    if (!seesWholePlan(actor) && tasks.length === 0) continue;
    out.push({
      id: plan.id,
      number: plan.number,
      title: plan.title,
      issuedOn: plan.issuedOn,
      issuer: plan.issuer,
      fromYear: plan.fromYear,
      toYear: plan.toYear,
      leadName,
      tasks: tasks.length,
      done: tasks.filter((t) => t.status === 'done').length,
      averageProgress: tasks.length
        ? Math.round((tasks.reduce((s, t) => s + t.progress, 0) / tasks.length) * 10) / 10
        : 0,
      nextDue: currentPeriod(plan, today).due,
    });
  }
  return out;
}

/** A plan with its groups and the tasks the caller may see, each with what the caller may do to it. */
export async function getPlan(db: Db, actor: Actor, planId: string, now = new Date()) {
  const plan = await loadPlan(db, planId);
  const whole = seesWholePlan(actor);
  const tasks = (await loadTasks(db, planId)).filter((t) => seesTask(actor, t.leadAgencyId));
  if (!whole && tasks.length === 0) throw IdentityErrors.create('FORBIDDEN');
  const groups = await loadGroups(db, planId);
  const today = vietnamDateOf(now);
  const last = await db
    .select({ taskId: taskReports.taskId, on: sql<string>`max(${taskReports.reportedOn})::text` })
    .from(taskReports)
    .innerJoin(planTasks, eq(planTasks.id, taskReports.taskId))
    .where(eq(planTasks.planId, planId))
    .groupBy(taskReports.taskId);
  const lastOn = new Map(last.map((l) => [l.taskId, l.on]));
  const code = new Map(groups.map((g) => [g.id, g.code]));
  const views: TaskView[] = tasks.map((t) => ({
    ...t,
    groupCode: code.get(t.groupId) ?? '',
    overdue: isOverdue(t, today),
    lastReportOn: lastOn.get(t.id) ?? null,
    actions: taskActions(actor, t.leadAgencyId),
  }));
  return {
    plan,
    groups: groups.map((g) => {
      const mine = views.filter((t) => t.groupId === g.id);
      return {
        ...g,
        tasks: mine.length,
        done: mine.filter((t) => t.status === 'done').length,
        inProgress: mine.filter((t) => t.status === 'in_progress').length,
        notStarted: mine.filter((t) => t.status === 'not_started').length,
        overdue: mine.filter((t) => t.overdue).length,
        averageProgress: mine.length
          ? Math.round((mine.reduce((s, t) => s + t.progress, 0) / mine.length) * 10) / 10
          : 0,
      };
    }),
    tasks: views,
    /** The whole plan only for those who read it all (an agency sees its own tasks). */
    wholePlan: whole,
    actions: managesPlans(actor) ? (['manage'] as const) : ([] as const),
    currentPeriod: currentPeriod(plan, today).key,
  };
}

/** The report deadlines of a plan from `now` on (and the ones just passed, still to be reported). */
export async function planDeadlines(db: Db, actor: Actor, planId: string, now = new Date()) {
  const plan = await loadPlan(db, planId);
  if (!seesWholePlan(actor)) {
    const tasks = (await loadTasks(db, planId)).filter((t) => seesTask(actor, t.leadAgencyId));
    if (tasks.length === 0) throw IdentityErrors.create('FORBIDDEN');
  }
  const today = vietnamDateOf(now);
  return periodsOfPlan(plan)
    .filter((p) => p.to >= today || p.due >= today)
    .map((p) => ({
      period: p.key,
      label: p.label,
      from: p.from,
      to: p.to,
      due: p.due,
      passed: p.due < today,
    }));
}

export type TaskPatch = {
  title?: string | undefined;
  leadAgencyId?: string | null | undefined;
  leadText?: string | null | undefined;
  coordinating?: string | null | undefined;
  deadline?: string | null | undefined;
  deadlineText?: string | null | undefined;
  status?: TaskStatus | undefined;
};

/** The DX office corrects a task (lead, deadline) or stops it (cancelled). Progress comes from reports. */
export async function editTask(
  database: Database,
  actor: Actor,
  planId: string,
  taskId: string,
  patch: TaskPatch,
  now = new Date(),
) {
  demandManage(actor);
  return inTransaction(database, async (tx) => {
    await loadPlan(tx, planId);
    const [task] = await tx
      .select()
      .from(planTasks)
      .where(and(eq(planTasks.id, taskId), eq(planTasks.planId, planId)));
    if (!task) throw PlanErrors.create('TASK_NOT_FOUND');
    if (patch.leadAgencyId) {
      const [agency] = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(eq(agencies.id, patch.leadAgencyId));
      if (!agency)
        throw PlanErrors.create('TASK_INVALID', undefined, [
          { field: 'body.leadAgencyId', vi: 'Không có cơ quan này.', en: 'No such agency.' },
        ]);
    }
    const [updated] = await tx
      .update(planTasks)
      .set({
        ...patch,
        ...(patch.leadAgencyId ? { leadText: null } : {}),
        // The status set by hand carries its obvious progress; in between, reports tell it.
        ...(patch.status === 'done'
          ? { progress: 100 }
          : patch.status === 'not_started'
            ? { progress: 0 }
            : {}),
        updatedAt: now,
      })
      .where(eq(planTasks.id, taskId))
      .returning();
    return updated!;
  });
}
