/**
 * One-stop statistics for a period (issue 6 §1): what was received, resolved early / on time /
 * late, still open within or past its deadline, refused, withdrawn, suspended; supplements,
 * digitization, ratings and time taken. Each figure is a `count(*) FILTER` over a set from
 * dossier-sets.ts: of the closed months kept in rollup.ts, and of the dossiers for the rest.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import { DOSSIER_SETS, type DossierSet, type Window } from './dossier-sets.ts';
import {
  addPart,
  countedParts,
  inMonths,
  type Keeping,
  keptTallies,
  type Part,
  TALLIED,
  type Tallied,
  type Tally,
  type TallyRow,
  tallyColumns,
  tallyOf,
  touchesWindow,
} from './rollup.ts';
import { type Dimension, dimensionColumns, dossierFacets, type Scope, scopedDossiers } from './scope.ts';

export type Rates = {
  /** (early + on time) ÷ resolved. */
  inTime: number | null;
  /** Digitized ÷ paper dossiers received (counter and post). */
  digitization: number | null;
  /** Online ÷ received. */
  online: number | null;
  /** Paid online ÷ dossiers with a fee: no payment module yet, so not measured. */
  onlinePayment: null;
  /** Rated 4–5 ÷ rated. */
  satisfied: number | null;
};

export type OneStopRow = {
  key: string;
  label: { vi: string; en: string };
  counts: Record<DossierSet, number>;
  /** Supplement requests made in the period (a dossier asked twice counts twice). */
  supplementRequests: number;
  ratings: { 1: number; 2: number; 3: number; 4: number; 5: number };
  averageRating: number | null;
  /** Office time from receipt to resolution, less waits for the applicant, for dossiers resolved in the period. */
  averageWorkingDays: number | null;
  rates: Rates;
};

export type OneStopReport = { rows: OneStopRow[]; total: OneStopRow };

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

function ratesOf(c: Record<DossierSet, number>, ratings: OneStopRow['ratings']): Rates {
  return {
    inTime: ratio(c.resolved_in_time, c.resolved),
    digitization: ratio(c.digitized, c.digitizable),
    online: ratio(c.received_online, c.received),
    onlinePayment: null,
    satisfied: ratio(ratings[4] + ratings[5], c.rated),
  };
}

/**
 * The figures per group of the dimension, plus the total over the scope. Every dossier falls in
 * exactly one group, so the total is the groups' sum (one pass, not a second query).
 */
export async function oneStopStatistics(
  database: Database,
  w: Window,
  scope: Scope,
  dimension: Dimension,
  keeping: Keeping = {},
): Promise<OneStopReport> {
  const parts = await countedParts(database, w, keeping);
  const [perPart, supplements] = await Promise.all([
    Promise.all(
      parts.map((p) =>
        'live' in p
          ? liveTallies(database, p.live, scope, dimension)
          : keptTallies(database, p.months, scope, dimension),
      ),
    ),
    supplementsBy(database, parts, scope, dimension),
  ]);
  const tallies = new Map<string, Tally>();
  perPart.forEach((t, i) => {
    addPart(tallies, t, i === 0, i === parts.length - 1);
  });
  // A group whose only figure is a supplement request still gets its row.
  for (const s of supplements) {
    if (!tallies.has(s.key))
      addPart(tallies, [{ ...s, counts: TALLIED.map(() => 0), daysSum: 0 }], true, true);
  }
  const bySupplements = new Map(supplements.map((s) => [s.key, s]));
  const rows = [...tallies.values()]
    .sort((a, b) => a.label.localeCompare(b.label, 'vi') || a.key.localeCompare(b.key))
    .map((t) => toRow(t, bySupplements.get(t.key)));
  if (dimension === 'none') return { rows: [], total: rows[0] ?? emptyRow() };
  const all = { key: 'all', label: 'Tổng cộng', labelEn: 'Total' };
  const sum = new Map<string, Tally>();
  addPart(
    sum,
    [...tallies.values()].map((t) => ({ ...t, ...all })),
    true,
    true,
  );
  const total = sum.get('all');
  const asked = {
    ...all,
    requests: supplements.reduce((n, r) => n + r.requests, 0),
    dossiers: supplements.reduce((n, r) => n + r.dossiers, 0),
  };
  return { rows, total: total ? toRow(total, asked) : emptyRow() };
}

/** A part of the period counted from the dossiers themselves. */
async function liveTallies(
  database: Database,
  w: Window,
  scope: Scope,
  dimension: Dimension,
): Promise<Tally[]> {
  const rows = await database.rows<TallyRow>(sql`
    SELECT f.key, min(f.label) AS label, min(f.label_en) AS label_en, ${tallyColumns()}
    FROM ${dossierFacets(w, scope, dimension, touchesWindow(w))}
    GROUP BY f.key`);
  return rows.map(tallyOf);
}

type Supplements = { key: string; label: string; labelEn: string; requests: number; dossiers: number };

/**
 * The supplement requests of the period, grouped like the figures: how many were made (a dossier
 * asked twice counts twice) and how many dossiers were asked (the set `supplement_requested`), from
 * the dossiers the kept months list and the events of the live parts.
 */
async function supplementsBy(
  database: Database,
  parts: Part[],
  scope: Scope,
  dimension: Dimension,
): Promise<Supplements[]> {
  const dim = dimensionColumns(dimension);
  const columns = sql`${dim.key} AS key, ${dim.label} AS label, ${dim.labelEn} AS label_en`;
  const asked = parts.map((p) =>
    'months' in p
      ? sql`SELECT d.dossier_id, d.requests, ${columns}
          ${scopedDossiers(scope, dim.joins, sql`reporting_rollup_supplement d`)} AND ${inMonths(p.months)}`
      : sql`SELECT d.id AS dossier_id, 1 AS requests, ${columns}
          ${scopedDossiers(scope, dim.joins, sql`dossier_event e JOIN dossier d ON d.id = e.dossier_id`)}
          AND e.type = 'request_supplement' AND e.at >= ${p.live.from} AND e.at < ${p.live.to}`,
  );
  const rows = await database.rows<{
    key: string;
    label: string;
    label_en: string;
    n: number;
    d: number;
  }>(sql`
    SELECT s.key, min(s.label) AS label, min(s.label_en) AS label_en,
      sum(s.requests)::int AS n, count(DISTINCT s.dossier_id)::int AS d
    FROM (${sql.join(asked, sql` UNION ALL `)}) s
    GROUP BY 1`);
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    labelEn: r.label_en,
    requests: Number(r.n),
    dossiers: Number(r.d),
  }));
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function toRow(t: Tally, supplements: Supplements | undefined): OneStopRow {
  const of = (name: Tallied) => t.counts[TALLIED.indexOf(name)]!;
  const counts = Object.fromEntries(
    DOSSIER_SETS.map((s) => [s, s === 'supplement_requested' ? (supplements?.dossiers ?? 0) : of(s)]),
  ) as Record<DossierSet, number>;
  const ratings = { 1: of('star_1'), 2: of('star_2'), 3: of('star_3'), 4: of('star_4'), 5: of('star_5') };
  const rated = ratings[1] + ratings[2] + ratings[3] + ratings[4] + ratings[5];
  return {
    key: t.key,
    label: { vi: t.label, en: t.labelEn },
    counts,
    supplementRequests: supplements?.requests ?? 0,
    ratings,
    averageRating: rated > 0 ? round(of('rating_sum') / rated, 2) : null,
    averageWorkingDays: of('days_n') > 0 ? round(t.daysSum / of('days_n'), 2) : null,
    rates: ratesOf(counts, ratings),
  };
}

/** The figures of a unit with no dossier in the period. */
export function emptyRow(): OneStopRow {
  const counts = Object.fromEntries(DOSSIER_SETS.map((s) => [s, 0])) as Record<DossierSet, number>;
  const ratings = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  return {
    key: 'all',
    label: { vi: 'Tổng cộng', en: 'Total' },
    counts,
    supplementRequests: 0,
    ratings,
    averageRating: null,
    averageWorkingDays: null,
    rates: ratesOf(counts, ratings),
  };
}
