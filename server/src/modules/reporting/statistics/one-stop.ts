/**
 * One-stop statistics for a period (issue 6 §1): what was received, resolved early / on time /
 * late, still open within or past its deadline, refused, withdrawn, suspended; supplements,
 * digitization, ratings and time taken. One pass over the dossiers per request, each figure a
 * `count(*) FILTER` over a set from dossier-sets.ts.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import { DOSSIER_SETS, type DossierSet, setCondition, type Window } from './dossier-sets.ts';
import { type Dimension, dimensionKey, dossierFacets, type Scope, scopedDossiers } from './scope.ts';

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

type RawRow = Record<string, string | number | null> & { key: string; label: string; label_en: string };

/** The figures per group of the dimension, plus the total over the scope. */
export async function oneStopStatistics(
  database: Database,
  w: Window,
  scope: Scope,
  dimension: Dimension,
): Promise<OneStopReport> {
  const [rows, totals] = await Promise.all([
    query(database, w, scope, dimension),
    dimension === 'none' ? null : query(database, w, scope, 'none'),
  ]);
  const total = totals?.[0] ?? rows[0] ?? emptyRow();
  return { rows: dimension === 'none' ? [] : rows, total };
}

async function query(database: Database, w: Window, scope: Scope, dimension: Dimension) {
  const counts = sql.join(
    DOSSIER_SETS.map(
      (set) => sql`count(*) FILTER (WHERE ${setCondition(set)})::int AS ${sql.identifier(set)}`,
    ),
    sql`, `,
  );
  const stars = sql.join(
    [1, 2, 3, 4, 5].map(
      (n) => sql`count(*) FILTER (WHERE f.rat AND f.rating = ${n})::int AS ${sql.identifier(`star_${n}`)}`,
    ),
    sql`, `,
  );
  const raw = await database.rows<RawRow>(sql`
    SELECT f.key, min(f.label) AS label, min(f.label_en) AS label_en, ${counts}, ${stars},
      avg(f.rating) FILTER (WHERE f.rat)::float8 AS avg_rating,
      avg(f.wd) FILTER (WHERE f.res)::float8 AS avg_days
    FROM ${dossierFacets(w, scope, dimension)}
    GROUP BY f.key
    ORDER BY 2`);
  const supplements = await supplementRequestsBy(database, w, scope, dimension);
  return raw.map((r) => toRow(r, supplements.get(r.key) ?? 0));
}

/** The supplement requests of the period, grouped like the figures (a dossier asked twice counts twice). */
async function supplementRequestsBy(database: Database, w: Window, scope: Scope, dimension: Dimension) {
  const { key, joins } = dimensionKey(dimension);
  const rows = await database.rows<{ key: string; n: number }>(sql`
    SELECT ${key} AS key, count(*)::int AS n
    ${scopedDossiers(scope, joins, sql`dossier_event e JOIN dossier d ON d.id = e.dossier_id`)}
      AND e.type = 'request_supplement' AND e.at >= ${w.from} AND e.at < ${w.to}
    GROUP BY 1`);
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

function toRow(r: RawRow, supplementRequests: number): OneStopRow {
  const counts = Object.fromEntries(DOSSIER_SETS.map((s) => [s, Number(r[s] ?? 0)])) as Record<
    DossierSet,
    number
  >;
  const ratings = {
    1: Number(r.star_1),
    2: Number(r.star_2),
    3: Number(r.star_3),
    4: Number(r.star_4),
    5: Number(r.star_5),
  };
  const round = (x: unknown, digits: number) =>
    x === null || x === undefined ? null : Math.round(Number(x) * 10 ** digits) / 10 ** digits;
  return {
    key: r.key,
    label: { vi: r.label, en: r.label_en },
    counts,
    supplementRequests,
    ratings,
    averageRating: round(r.avg_rating, 2),
    averageWorkingDays: round(r.avg_days, 2),
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
