/**
 * The leaders' dashboard: today's queues and who is running late, right now; and the year's
 * trend month by month (one grouped pass, not twelve period queries).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import { addDays } from '../../../platform/calendar/dates.ts';
import { vietnamDateOf, vietnamInstant } from '../../../platform/calendar/vietnam-time.ts';
import { type Scope, scopedDossiers } from './scope.ts';

export type Queues = {
  awaitingIntake: number;
  inProgress: number;
  awaitingSupplement: number;
  dueToday: number;
  overdue: number;
  toReturn: number;
  receivedToday: number;
};

export type OverdueByAgency = {
  agencyId: string;
  name: { vi: string; en: string };
  open: number;
  overdue: number;
};

const OPEN = sql`d.status IN ('received', 'in_progress', 'supplement_requested')`;

export async function todayQueues(database: Database, scope: Scope, now: Date): Promise<Queues> {
  const today = vietnamDateOf(now);
  const [start, end] = [vietnamInstant(today, 0), vietnamInstant(addDays(today, 1), 0)];
  const [row] = await database.rows<Record<keyof Queues, number>>(sql`
    SELECT
      count(*) FILTER (WHERE d.status = 'submitted')::int AS "awaitingIntake",
      count(*) FILTER (WHERE d.status IN ('received', 'in_progress'))::int AS "inProgress",
      count(*) FILTER (WHERE d.status = 'supplement_requested' AND d.received_at IS NOT NULL)::int AS "awaitingSupplement",
      count(*) FILTER (WHERE d.status IN ('received', 'in_progress') AND d.due_at >= ${start} AND d.due_at < ${end})::int AS "dueToday",
      count(*) FILTER (WHERE d.status IN ('received', 'in_progress') AND d.due_at < ${now})::int AS "overdue",
      count(*) FILTER (WHERE d.status = 'finished')::int AS "toReturn",
      count(*) FILTER (WHERE d.received_at >= ${start} AND d.received_at < ${end})::int AS "receivedToday"
    ${scopedDossiers(scope)} AND (d.status NOT IN ('draft', 'returned', 'refused_at_intake', 'withdrawn', 'suspended') OR d.received_at >= ${start})`);
  return row!;
}

/** Deciding agencies with open dossiers, the most overdue first. */
export async function overdueByAgency(
  database: Database,
  scope: Scope,
  now: Date,
  limit = 15,
): Promise<OverdueByAgency[]> {
  const rows = await database.rows<{
    id: string;
    vi: string;
    en: string | null;
    open: number;
    overdue: number;
  }>(sql`
    SELECT ca.id, min(ca.name->>'vi') AS vi, min(ca.name->>'en') AS en, count(*)::int AS open,
      count(*) FILTER (WHERE d.status <> 'supplement_requested' AND d.due_at < ${now})::int AS overdue
    ${scopedDossiers(scope, ['ca'])} AND ${OPEN}
    GROUP BY ca.id
    ORDER BY overdue DESC, open DESC
    LIMIT ${limit}`);
  return rows.map((r) => ({
    agencyId: r.id,
    name: { vi: r.vi, en: r.en ?? r.vi },
    open: r.open,
    overdue: r.overdue,
  }));
}

export type TrendMonth = { month: string; received: number; early: number; onTime: number; late: number };

/** Received and resolved per month of a year (Vietnamese months). */
export async function monthlyTrend(database: Database, scope: Scope, year: number): Promise<TrendMonth[]> {
  const from = vietnamInstant(`${year}-01-01`, 0);
  const to = vietnamInstant(`${year + 1}-01-01`, 0);
  // Vietnam keeps UTC+7 all year: no time-zone database needed (PGlite's may be trimmed).
  const month = (column: string) =>
    sql.raw(`to_char((${column} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM')`);
  const [received, resolved] = await Promise.all([
    database.rows<{ month: string; n: number }>(sql`
      SELECT ${month('d.received_at')} AS month, count(*)::int AS n ${scopedDossiers(scope)}
      AND d.received_at >= ${from} AND d.received_at < ${to} GROUP BY 1`),
    database.rows<{ month: string; outcome: string; n: number }>(sql`
      SELECT ${month('d.outcome_at')} AS month, d.outcome, count(*)::int AS n ${scopedDossiers(scope)}
      AND d.outcome_at >= ${from} AND d.outcome_at < ${to} GROUP BY 1, 2`),
  ]);
  return Array.from({ length: 12 }, (_, i) => {
    const key = `${year}-${String(i + 1).padStart(2, '0')}`;
    const of = (outcome: string) => resolved.find((r) => r.month === key && r.outcome === outcome)?.n ?? 0;
    return {
      month: key,
      received: received.find((r) => r.month === key)?.n ?? 0,
      early: of('early'),
      onTime: of('on_time'),
      late: of('late'),
    };
  });
}
