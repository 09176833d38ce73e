import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import type { Agency } from '../../identity/agencies.ts';
import type { Actor } from '../../identity/policy.ts';
import { assessmentScores, assessments } from '../schema.ts';
import {
  demand,
  type Indicator,
  indicatorsOf,
  isDxViewer,
  loadSet,
  mayManage,
  round,
  type ScorecardSet,
  subjectAgencies,
} from './access.ts';
import { countedScore, measuredScore } from './assessments.ts';
import { previousSet } from './sets.ts';

export type Pillar = { name: string; maxPoints: number };

export type RankedAgency = {
  agency: Agency;
  status: 'submitted' | 'reviewed';
  total: number;
  /** total ÷ the set's maximum, 0–1, three decimals: comparable across sets of different scales. */
  normalised: number;
  rank: number;
  pillars: Record<string, number>;
  previous: { total: number; normalised: number; rank: number } | null;
  /** normalised − previous normalised; rank change > 0 = moved up. */
  change: { normalised: number; rank: number } | null;
};

export type Ranking = {
  set: ScorecardSet;
  previousSet: ScorecardSet | null;
  maxTotal: number;
  pillars: Pillar[];
  rows: RankedAgency[];
  /** Agencies without a submitted assessment (the DX office's follow-up list). */
  pending: Agency[];
  /** True when unreviewed scores are included (only the DX office sees those). */
  provisional: boolean;
};

/** Ties share a rank and the next rank skips (1, 2, 2, 4): the usual way rankings are published. */
export function rankOf<T>(rows: T[], score: (row: T) => number): number[] {
  return rows.map((row) => 1 + rows.filter((other) => score(other) > score(row)).length);
}

type Scored = Omit<RankedAgency, 'previous' | 'change'>;

/** Totals and ranks of one set, counting only assessments in `statuses`. */
async function score(
  database: Database,
  set: ScorecardSet,
  indicators: Indicator[],
  statuses: ('submitted' | 'reviewed')[],
): Promise<{ rows: Scored[]; pending: Agency[] }> {
  const { db } = database;
  const agencies = await subjectAgencies(db, set.subjectKind);
  const list = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.setId, set.id), inArray(assessments.status, statuses)));
  const scores = list.length
    ? await db
        .select()
        .from(assessmentScores)
        .where(
          inArray(
            assessmentScores.assessmentId,
            list.map((a) => a.id),
          ),
        )
    : [];
  const maxTotal = indicators.reduce((s, i) => s + i.maxPoints, 0);
  const byAgency = new Map(list.map((a) => [a.agencyId, a]));
  const rows: Scored[] = [];
  const pending: Agency[] = [];
  for (const agency of agencies) {
    const assessment = byAgency.get(agency.id);
    if (!assessment) {
      pending.push(agency);
      continue;
    }
    const mine = new Map(
      scores.filter((s) => s.assessmentId === assessment.id).map((s) => [s.indicatorId, s]),
    );
    const pillars: Record<string, number> = {};
    let total = 0;
    for (const indicator of indicators) {
      const row = mine.get(indicator.id);
      const reviewed = row?.reviewedScore ?? null;
      const self = row?.selfScore ?? null;
      // Ask the platform only when nobody has scored the indicator.
      const measured =
        reviewed === null && self === null
          ? await measuredScore(database, indicator, set.year, agency.id)
          : null;
      const points = countedScore(reviewed, self, measured);
      total += points;
      pillars[indicator.pillar] = round((pillars[indicator.pillar] ?? 0) + points, 3);
    }
    total = round(total, 2);
    rows.push({
      agency,
      status: assessment.status as Scored['status'],
      total,
      normalised: maxTotal > 0 ? round(total / maxTotal, 3) : 0,
      rank: 0,
      pillars,
    });
  }
  const ranks = rankOf(rows, (r) => r.total);
  rows.forEach((r, i) => {
    r.rank = ranks[i]!;
  });
  rows.sort((a, b) => a.rank - b.rank || a.agency.name.vi.localeCompare(b.agency.name.vi, 'vi'));
  return { rows, pending };
}

/**
 * A set's ranking with last year's beside it. The DX office sees every submitted assessment
 * (provisional until reviewed); everyone else sees the published ranking: reviewed ones only.
 */
export async function ranking(database: Database, actor: Actor, setId: string): Promise<Ranking> {
  if (!isDxViewer(actor)) demand(actor, 'dx.view', null);
  const { db } = database;
  const set = await loadSet(db, actor, setId);
  const provisional = mayManage(actor);
  const statuses: ('submitted' | 'reviewed')[] = provisional ? ['submitted', 'reviewed'] : ['reviewed'];
  const indicators = await indicatorsOf(db, setId);
  const current = await score(database, set, indicators, statuses);
  const prevSet = await previousSet(db, set);
  const previous = prevSet
    ? await score(database, prevSet, await indicatorsOf(db, prevSet.id), statuses)
    : null;
  const prevByAgency = new Map(previous?.rows.map((r) => [r.agency.id, r]) ?? []);
  const pillars: Pillar[] = [];
  for (const i of indicators) {
    const p = pillars.find((x) => x.name === i.pillar);
    if (p) p.maxPoints = round(p.maxPoints + i.maxPoints, 3);
    else pillars.push({ name: i.pillar, maxPoints: i.maxPoints });
  }
  return {
    set,
    previousSet: prevSet,
    maxTotal: round(
      indicators.reduce((s, i) => s + i.maxPoints, 0),
      3,
    ),
    pillars,
    rows: current.rows.map((r) => {
      const p = prevByAgency.get(r.agency.id);
      return {
        ...r,
        previous: p ? { total: p.total, normalised: p.normalised, rank: p.rank } : null,
        change: p ? { normalised: round(r.normalised - p.normalised, 3), rank: p.rank - r.rank } : null,
      };
    }),
    pending: current.pending,
    provisional,
  };
}
