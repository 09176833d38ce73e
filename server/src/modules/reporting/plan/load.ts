import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/engine.ts';
import { agencies } from '../../identity/schema.ts';
import { planGroups, plans, planTasks } from '../schema.ts';
import { PlanErrors } from './errors.ts';

export type PlanRow = typeof plans.$inferSelect;
export type GroupRow = typeof planGroups.$inferSelect;
export type TaskRow = typeof planTasks.$inferSelect & { leadName: string | null };

export async function loadPlan(db: Db | Tx, id: string): Promise<PlanRow & { leadName: string | null }> {
  const [row] = await db
    .select({ plan: plans, leadName: sql<string | null>`${agencies.name}->>'vi'` })
    .from(plans)
    .leftJoin(agencies, eq(agencies.id, plans.leadAgencyId))
    .where(eq(plans.id, id));
  if (!row) throw PlanErrors.create('NOT_FOUND');
  return { ...row.plan, leadName: row.leadName };
}

export function loadGroups(db: Db | Tx, planId: string): Promise<GroupRow[]> {
  return db.select().from(planGroups).where(eq(planGroups.planId, planId)).orderBy(asc(planGroups.position));
}

/** The plan's tasks in the plan's order (group, then code as a human reads "4.2" before "4.10"). */
export async function loadTasks(db: Db | Tx, planId: string): Promise<TaskRow[]> {
  const rows = await db
    .select({ task: planTasks, leadName: sql<string | null>`${agencies.name}->>'vi'` })
    .from(planTasks)
    .leftJoin(agencies, eq(agencies.id, planTasks.leadAgencyId))
    .where(eq(planTasks.planId, planId));
  const groups = await loadGroups(db, planId);
  const position = new Map(groups.map((g) => [g.id, g.position]));
  return rows
    .map((r) => ({ ...r.task, leadName: r.leadName ?? r.task.leadText }))
    .sort(
      (a, b) =>
        (position.get(a.groupId) ?? 0) - (position.get(b.groupId) ?? 0) ||
        a.code.localeCompare(b.code, 'vi', { numeric: true }),
    );
}

/** Deadline passed and not finished: what the report calls overdue. */
export const isOverdue = (t: { deadline: string | null; status: string }, asOf: string) =>
  t.deadline !== null && t.deadline < asOf && t.status !== 'done' && t.status !== 'cancelled';
