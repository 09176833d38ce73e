/**
 * Report reminders: 7 days before a plan's report is due, and once it is overdue, the leaders of
 * each lead agency that still has unfinished tasks without a progress report in the period hear of
 * it in their inbox (and by e-mail). Each (plan, period, agency, kind) is sent once: the
 * reminder row and the notices are written in one transaction, so a rerun, a second server or a
 * crash never sends twice.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Database, Tx } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { addDays } from '../../../platform/calendar/dates.ts';
import { vietnamDateOf } from '../../../platform/calendar/vietnam-time.ts';
import { startPeriodic } from '../../../platform/periodic.ts';
import { agencies, persons, roleAssignments } from '../../identity/schema.ts';
import { enqueueNotification } from '../../notifications/service.ts';
import { planReminders, plans, planTasks, taskReports } from '../schema.ts';
import { OVERDUE_WINDOW_DAYS, type Period, periodsOfPlan, REMIND_DAYS_BEFORE } from './periods.ts';

type Kind = 'due_soon' | 'overdue';
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** Which reminder, if any, `today` calls for in a period. */
export function reminderKind(period: Period, today: string): Kind | null {
  if (today >= addDays(period.due, -REMIND_DAYS_BEFORE) && today < period.due) return 'due_soon';
  if (today > period.due && today <= addDays(period.due, OVERDUE_WINDOW_DAYS)) return 'overdue';
  return null;
}

/** Sends what is due at `now`; returns how many agencies were reminded. */
export async function sendPlanReminders(database: Database, now: Date = new Date()): Promise<number> {
  const { db } = database;
  const today = vietnamDateOf(now);
  let sent = 0;
  for (const plan of await db.select().from(plans)) {
    for (const period of periodsOfPlan(plan)) {
      const kind = reminderKind(period, today);
      if (!kind) continue;
      const open = await db
        .select({ id: planTasks.id, agencyId: planTasks.leadAgencyId, code: planTasks.code })
        .from(planTasks)
        .where(and(eq(planTasks.planId, plan.id), inArray(planTasks.status, ['not_started', 'in_progress'])));
      const reported = new Set(
        (
          await db
            .select({ taskId: taskReports.taskId })
            .from(taskReports)
            .innerJoin(planTasks, eq(planTasks.id, taskReports.taskId))
            .where(
              and(
                eq(planTasks.planId, plan.id),
                gte(taskReports.reportedOn, period.from),
                lte(taskReports.reportedOn, period.to),
              ),
            )
        ).map((r) => r.taskId),
      );
      const byAgency = new Map<string, string[]>();
      for (const t of open)
        if (t.agencyId && !reported.has(t.id))
          byAgency.set(t.agencyId, [...(byAgency.get(t.agencyId) ?? []), t.code]);
      for (const [agencyId, codes] of byAgency) {
        const done = await inTransaction(database, async (tx) => {
          const claimed = await tx
            .insert(planReminders)
            .values({ planId: plan.id, period: period.reminderKey, agencyId, kind, sentAt: now })
            .onConflictDoNothing()
            .returning();
          if (claimed.length === 0) return false;
          const [agency] = await tx
            .select({ name: agencies.name })
            .from(agencies)
            .where(eq(agencies.id, agencyId));
          // The leaders answer for the report; an agency without a leader account reaches its specialists.
          let people = await recipients(tx, agencyId, 'leader');
          if (people.length === 0) people = await recipients(tx, agencyId, 'specialist');
          const list = codes.slice(0, 10).join(', ') + (codes.length > 10 ? ', …' : '');
          const title =
            kind === 'due_soon'
              ? {
                  vi: `Sắp đến hạn báo cáo Kế hoạch ${plan.number} (${dmy(period.due)})`,
                  en: `Plan ${plan.number} report due on ${dmy(period.due)}`,
                }
              : {
                  vi: `Quá hạn báo cáo Kế hoạch ${plan.number} (hạn ${dmy(period.due)})`,
                  en: `Plan ${plan.number} report overdue (due ${dmy(period.due)})`,
                };
          const body = {
            vi: `${agency?.name.vi ?? 'Cơ quan'} còn ${codes.length} nhiệm vụ chưa hoàn thành chưa báo cáo tiến độ kỳ ${period.label.vi}: ${list}. Hạn báo cáo: ${dmy(period.due)}.`,
            en: `${agency?.name.en ?? agency?.name.vi ?? 'The agency'} has ${codes.length} unfinished tasks without a progress report for the ${period.label.en}: ${list}. Report due: ${dmy(period.due)}.`,
          };
          for (const p of people)
            await enqueueNotification(
              tx,
              {
                recipientId: p.id,
                email: p.email,
                kind: kind === 'due_soon' ? 'dx.plan_report_due' : 'dx.plan_report_overdue',
                title,
                body,
                link: `/chuyen-doi-so/ke-hoach?plan=${plan.id}`,
                subjectId: plan.id,
              },
              now,
            );
          return true;
        });
        if (done) sent++;
      }
    }
  }
  return sent;
}

async function recipients(tx: Tx, agencyId: string, role: string) {
  return tx
    .select({ id: persons.id, email: persons.email })
    .from(roleAssignments)
    .innerJoin(persons, eq(persons.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.agencyId, agencyId),
        eq(roleAssignments.role, role),
        eq(persons.status, 'active'),
      ),
    );
}

/**
 * Runs the reminders hourly in the server. Several servers may run it: the reminder rows keep each
 * notice single.
 */
export function startPlanReminderTimer(
  database: Database,
  log: { error(obj: unknown, msg: string): void },
  everyMs = 3_600_000,
): { close(): Promise<void> } {
  return startPeriodic('plan reminders', () => sendPlanReminders(database), everyMs, log);
}
