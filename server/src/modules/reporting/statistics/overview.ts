/**
 * The leaders' dashboard: today's queues and who is running late, right now; and the year's
 * trend month by month.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import { addDays } from '../../../platform/calendar/dates.ts';
import { vietnamDateOf, vietnamInstant } from '../../../platform/calendar/vietnam-time.ts';
import { windowOf } from './dossier-sets.ts';
import { parsePeriod } from './period.ts';
import { countedParts, inMonths } from './rollup.ts';
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

/**
 * Received and resolved per month of a year (Vietnamese months): the closed months from what is
 * kept (rollup.ts), the current one from the dossiers.
 */
export async function monthlyTrend(
  database: Database,
  scope: Scope,
  year: number,
  now = new Date(),
): Promise<TrendMonth[]> {
  const parts = await countedParts(database, windowOf(parsePeriod(String(year))!, now));
  // Vietnam keeps UTC+7 all year: no time-zone database needed (the server's may be trimmed).
  const month = (column: string) =>
    sql.raw(`to_char((${column} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM')`);
  type Row = { month: string; received: number; early: number; on_time: number; late: number };
  const counted = await Promise.all(
    parts.map((p) =>
      'months' in p
        ? database.rows<Row>(sql`
            SELECT to_char(d.month, 'YYYY-MM') AS month, sum(d.received)::int AS received,
              sum(d.resolved_early)::int AS early, sum(d.resolved_on_time)::int AS on_time,
              sum(d.resolved_late)::int AS late
            ${scopedDossiers(scope, [], sql`reporting_rollup d`)} AND ${inMonths(p.months)} GROUP BY 1`)
        : database.rows<Row>(sql`
            SELECT m.month, sum(m.received)::int AS received, sum(m.early)::int AS early,
              sum(m.on_time)::int AS on_time, sum(m.late)::int AS late
            FROM (
              SELECT ${month('d.received_at')} AS month, 1 AS received, 0 AS early, 0 AS on_time, 0 AS late
              ${scopedDossiers(scope)} AND d.received_at >= ${p.live.from} AND d.received_at < ${p.live.to}
              UNION ALL
              SELECT ${month('d.outcome_at')}, 0, (d.outcome = 'early')::int, (d.outcome = 'on_time')::int,
                (d.outcome = 'late')::int
              ${scopedDossiers(scope)} AND d.outcome_at >= ${p.live.from} AND d.outcome_at < ${p.live.to}
            ) m GROUP BY 1`),
    ),
  );
  const rows = counted.flat();
  return Array.from({ length: 12 }, (_, i) => {
    const key = `${year}-${String(i + 1).padStart(2, '0')}`;
    const of = rows.filter((r) => r.month === key);
    const sum = (f: (r: Row) => number) => of.reduce((s, r) => s + Number(f(r)), 0);
    return {
      month: key,
      received: sum((r) => r.received),
      early: sum((r) => r.early),
      onTime: sum((r) => r.on_time),
      late: sum((r) => r.late),
    };
  });
}
