/**
 * The figures of closed months, kept (issue 6: a year over a million dossiers in under a second).
 * A period splits into the whole months that ended before its measuring instant, read from
 * `reporting_rollup`, and the parts around them (the current month, a custom range's ragged
 * ends), counted live. The kept rows are counted by the same set conditions as the live figures,
 * grouped by agency, desk, procedure and channel, so every filter and breakdown reads them; the
 * triggers of migration 0018 mark a month stale when a change could alter it, and a stale or
 * missing month is counted again before it is read. How months add up: what happened in the
 * period (received, resolved, returned…) is summed; "carried over" is the first month's, what is
 * still open (and overdue) the last month's; "supplement requested" counts each dossier once per
 * period, so the months keep which dossiers were asked, and the period counts them distinct.
 */
import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/engine.ts';
import { addMonthsClamped } from '../../../platform/calendar/dates.ts';
import { vietnamDateOf, vietnamInstant } from '../../../platform/calendar/vietnam-time.ts';
import { DOSSIER_SETS, type DossierSet, facetColumns, setCondition, type Window } from './dossier-sets.ts';
import { type Dimension, dimensionColumns, type Scope, scopedDossiers } from './scope.ts';

/** What a tally holds: a column of the kept rows and of a live count each, and `counts` in this order. */
export const TALLIED = [
  ...DOSSIER_SETS.filter((s) => s !== 'supplement_requested'),
  'star_1',
  'star_2',
  'star_3',
  'star_4',
  'star_5',
  'rating_sum',
  'days_n',
] as const;
export type Tallied = (typeof TALLIED)[number];

/** Point-in-time sets: taken from the first part of a period (carried over) or the last (still open). */
const AT_START: ReadonlySet<Tallied> = new Set(['carried_over']);
const AT_END: ReadonlySet<Tallied> = new Set(['pending', 'pending_on_time', 'pending_overdue']);

/** The condition of a counted column (not of the sums rating_sum and days_n). */
function talliedCondition(t: Tallied): SQL {
  if (t.startsWith('star_')) return sql`(f.rat AND f.rating = ${Number(t.slice(5))})`;
  return setCondition(t as DossierSet);
}

/** The tally over facet rows (alias f): one column per TALLIED name, and `days_sum`. */
export function tallyColumns(): SQL {
  const counts = TALLIED.map((t) => {
    const value =
      t === 'rating_sum'
        ? sql`coalesce(sum(f.rating) FILTER (WHERE f.rat), 0)::int`
        : t === 'days_n'
          ? sql`count(f.wd) FILTER (WHERE f.res)::int`
          : sql`count(*) FILTER (WHERE ${talliedCondition(t)})::int`;
    return sql`${value} AS ${sql.identifier(t)}`;
  });
  return sql`${sql.join(counts, sql`, `)}, coalesce(sum(f.wd::float8) FILTER (WHERE f.res), 0) AS days_sum`;
}

/**
 * Only the dossiers that can be in a tallied set of the window: open at some instant of it, or
 * received, resolved, stopped, returned, finished or rated in it. The rest would count zero.
 * `active_until` (migration 0018) is implied by the rest; it is spelt out so that an index finds them.
 */
export function touchesWindow(w: Window): SQL {
  const inPeriod = (column: string) =>
    sql`(${sql.raw(column)} >= ${w.from} AND ${sql.raw(column)} < ${w.to})`;
  return sql`(d.active_until >= ${w.from} AND (
    (d.received_at < ${w.to} AND (d.outcome_at IS NULL OR d.outcome_at >= ${w.from}))
    OR ${inPeriod('d.outcome_at')} OR ${inPeriod('d.stopped_at')} OR ${inPeriod('d.returned_at')}
    OR ${inPeriod('d.finished_at')} OR ${inPeriod('d.rated_at')}))`;
}

export type Tally = { key: string; label: string; labelEn: string; counts: number[]; daysSum: number };

/** A tally as the database returns it. */
export type TallyRow = { key: string; label: string; label_en: string; days_sum: number } & Record<
  Tallied,
  number
>;

export const tallyOf = (r: TallyRow): Tally => ({
  key: r.key,
  label: r.label,
  labelEn: r.label_en,
  counts: TALLIED.map((t) => Number(r[t])),
  daysSum: Number(r.days_sum),
});

export type Month = { month: string; window: Window };

/** Whether to read closed months from what is kept (the default) or count everything live. */
export type Keeping = { keep?: boolean };

/** A period as live parts and a block of whole closed months, in time order. */
export type Part = { live: Window } | { months: Month[] };

/**
 * The Vietnamese months that lie wholly inside the window and ended by its measuring instant, and
 * the live rest. `keep: false` counts it all live (the tests compare the two).
 */
export function partsOf(w: Window, { keep = true }: Keeping = {}): Part[] {
  if (!keep) return [{ live: w }];
  const firstDay = vietnamDateOf(w.from);
  let start = firstDay.endsWith('-01') ? firstDay : `${addMonthsClamped(firstDay, 1).slice(0, 7)}-01`;
  const months: Month[] = [];
  for (;;) {
    const next = `${addMonthsClamped(start, 1).slice(0, 7)}-01`;
    const [from, to] = [vietnamInstant(start, 0), vietnamInstant(next, 0)];
    if (to > w.to || to > w.asOf) break;
    months.push({ month: start, window: { from, to, asOf: to } });
    start = next;
  }
  if (!months.length) return [{ live: w }];
  const parts: Part[] = [];
  const first = months[0]!.window.from;
  const last = months.at(-1)!.window.to;
  if (w.from < first) parts.push({ live: { from: w.from, to: first, asOf: first } });
  parts.push({ months });
  if (last < w.to) parts.push({ live: { from: last, to: w.to, asOf: w.asOf } });
  return parts;
}

/** Adds a part's tallies into the period's: sums, except the point-in-time sets. */
export function addPart(into: Map<string, Tally>, part: Tally[], isFirst: boolean, isLast: boolean): void {
  for (const t of part) {
    const sum = into.get(t.key) ?? { ...t, counts: TALLIED.map(() => 0), daysSum: 0 };
    TALLIED.forEach((name, i) => {
      if (AT_START.has(name) && !isFirst) return;
      if (AT_END.has(name) && !isLast) return;
      sum.counts[i]! += t.counts[i]!;
    });
    sum.daysSum += t.daysSum;
    into.set(t.key, sum);
  }
}

const KEPT_GRAIN = sql`d.competent_agency_id, d.receiving_agency_id, d.procedure_id, d.procedure_version, d.channel`;

/** The statement that counts one month's kept rows. */
function countMonth(m: Month): SQL {
  return sql`
    INSERT INTO reporting_rollup (month, competent_agency_id, receiving_agency_id, procedure_id,
      procedure_version, channel, ${sql.join(
        TALLIED.map((t) => sql.identifier(t)),
        sql`, `,
      )}, days_sum)
    SELECT ${m.month}::date, f.competent_agency_id, f.receiving_agency_id, f.procedure_id,
      f.procedure_version, f.channel, ${tallyColumns()}
    FROM (SELECT ${facetColumns(m.window)}, ${KEPT_GRAIN}
      FROM dossier d WHERE ${touchesWindow(m.window)}) f
    GROUP BY 2, 3, 4, 5, 6`;
}

/** The statement that keeps which dossiers were asked for a supplement in the month. */
function keepSupplements(m: Month): SQL {
  return sql`
    INSERT INTO reporting_rollup_supplement (month, dossier_id, competent_agency_id, receiving_agency_id,
      procedure_id, procedure_version, channel, requests)
    SELECT ${m.month}::date, d.id, ${KEPT_GRAIN}, count(*)::int
    FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
    WHERE e.type = 'request_supplement' AND e.at >= ${m.window.from} AND e.at < ${m.window.to}
    GROUP BY d.id`;
}

/** A digest of the counting statement: kept months counted by another definition are counted again. */
const DEFINITION = (() => {
  const probe: Month = {
    month: '2000-01-01',
    window: { from: new Date(0), to: new Date(0), asOf: new Date(0) },
  };
  const text = new PgDialect().sqlToQuery(sql`${countMonth(probe)}; ${keepSupplements(probe)}`).sql;
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
})();

/** Counts (again) the kept months that are missing, stale or of another definition. */
export async function countMonths(database: Database, months: readonly Month[]): Promise<number> {
  if (!months.length) return 0;
  const fresh = await database.rows<{ month: string }>(sql`
    SELECT to_char(month, 'YYYY-MM-DD') AS month FROM reporting_rollup_month
    WHERE month IN (${sql.join(
      months.map((m) => sql`${m.month}::date`),
      sql`, `,
    )}) AND NOT stale AND definition = ${DEFINITION}`);
  const have = new Set(fresh.map((r) => r.month));
  const todo = months.filter((m) => !have.has(m.month));
  for (const m of todo) {
    await database.db.transaction(async (tx) => {
      // The upsert locks the month's row first: a change committed after this statement waits for
      // it and then marks the month stale again, so a recount never hides a change it did not see.
      // (One narrow gap: on a month's very first count there is no row to lock yet, so a back-dated
      // write committing during that count is missed until the next change marks the month.
      // Ordinary work never writes into a closed month.)
      await tx.execute(sql`
        INSERT INTO reporting_rollup_month (month, starts_at, ends_at, definition, stale, counted_at)
        VALUES (${m.month}::date, ${m.window.from}, ${m.window.to}, ${DEFINITION}, false, now())
        ON CONFLICT (month) DO UPDATE SET definition = excluded.definition, stale = false,
          counted_at = excluded.counted_at`);
      await tx.execute(sql`DELETE FROM reporting_rollup WHERE month = ${m.month}::date`);
      await tx.execute(sql`DELETE FROM reporting_rollup_supplement WHERE month = ${m.month}::date`);
      await tx.execute(countMonth(m));
      await tx.execute(keepSupplements(m));
    });
  }
  return todo.length;
}

/** A period's parts, its kept months counted first where missing or stale: what every reader starts with. */
export async function countedParts(database: Database, w: Window, keeping: Keeping = {}): Promise<Part[]> {
  const parts = partsOf(w, keeping);
  await countMonths(database, keptMonths(parts));
  return parts;
}

/** The kept months' tallies, grouped by the dimension, over the scope (the months from countedParts). */
export async function keptTallies(
  database: Database,
  months: readonly Month[],
  scope: Scope,
  dimension: Dimension,
): Promise<Tally[]> {
  const dim = dimensionColumns(dimension);
  const [first, last] = [months[0]!.month, months.at(-1)!.month];
  const sums = TALLIED.map((name) => {
    const only = AT_START.has(name) ? first : AT_END.has(name) ? last : null;
    const cell = sql`d.${sql.identifier(name)}`;
    const sum = only
      ? sql`coalesce(sum(${cell}) FILTER (WHERE d.month = ${only}::date), 0)::int`
      : sql`sum(${cell})::int`;
    return sql`${sum} AS ${sql.identifier(name)}`;
  });
  const rows = await database.rows<TallyRow>(sql`
    SELECT ${dim.key} AS key, min(${dim.label}) AS label, min(${dim.labelEn}) AS label_en,
      ${sql.join(sums, sql`, `)}, sum(d.days_sum)::float8 AS days_sum
    ${scopedDossiers(scope, dim.joins, sql`reporting_rollup d`)} AND ${inMonths(months)}
    GROUP BY 1`);
  return rows.map(tallyOf);
}

/** `month IN (…)` for kept rows (alias d). */
export const inMonths = (months: readonly Month[]): SQL =>
  sql`d.month IN (${sql.join(
    months.map((m) => sql`${m.month}::date`),
    sql`, `,
  )})`;

/** The kept months of a period's parts. */
export const keptMonths = (parts: readonly Part[]): Month[] =>
  parts.flatMap((p) => ('months' in p ? p.months : []));

/**
 * Dossiers received in the period, and of them online, grouped by columns of the dossier (alias d,
 * e.g. its procedure): a subquery with columns `group…, received, online` for the procedure counts.
 * Reads the kept months where it can; the parts come from countedParts.
 */
export function receivedBy(parts: readonly Part[], group: SQL, where: SQL): SQL {
  const selects = parts.map((p) => {
    if ('months' in p) {
      return sql`SELECT ${group}, d.received, d.received_online AS online FROM reporting_rollup d
        WHERE ${inMonths(p.months)} AND ${where}`;
    }
    return sql`SELECT ${group}, 1 AS received, (d.channel = 'online')::int AS online FROM dossier d
      WHERE d.active_until >= ${p.live.from} AND d.received_at >= ${p.live.from}
        AND d.received_at < ${p.live.to} AND ${where}`;
  });
  return sql`(SELECT ${group}, sum(d.received) AS received, sum(d.online) AS online
    FROM (${sql.join(selects, sql` UNION ALL `)}) d GROUP BY ${group})`;
}
