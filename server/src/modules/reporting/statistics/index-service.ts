/** The 766 index for the province, one agency, or every department / commune (a ranking). */
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import { agencyScope } from '../../identity/roles.ts';
import { agencies } from '../../identity/schema.ts';
import type { Window } from './dossier-sets.ts';
import { type IndexScore, scoreIndex } from './index-766.ts';
import { indexConfigOn } from './index-config.ts';
import { emptyRow, oneStopStatistics } from './one-stop.ts';
import type { Period } from './period.ts';
import { procedureCounts, procedureCountsByAgency } from './services.ts';

export type IndexUnit = { kind: 'province' } | { kind: 'agency'; agencyId: string };

export type UnitIndex = {
  unit: { kind: 'province' | 'agency'; id: string | null; name: { vi: string; en: string } };
  configEffectiveFrom: string;
  index: IndexScore;
};

export async function indexOfUnit(
  database: Database,
  period: Period,
  w: Window,
  unit: IndexUnit,
): Promise<UnitIndex | null> {
  const config = await indexConfigOn(database.db, period.lastDate);
  if (unit.kind === 'province') {
    const [figures, procedures] = await Promise.all([
      oneStopStatistics(database, w, {}, 'none'),
      procedureCounts(database, w, undefined, false),
    ]);
    return {
      unit: { kind: 'province', id: null, name: { vi: 'Toàn tỉnh', en: 'Whole province' } },
      configEffectiveFrom: config.effectiveFrom,
      index: scoreIndex(figures.total, procedures, config.config),
    };
  }
  const [agency] = await database.db.select().from(agencies).where(eq(agencies.id, unit.agencyId));
  if (!agency) return null;
  const scope = await agencyScope(database.db, agency.id);
  const communeLevel = agency.level === 'commune';
  const [figures, procedures] = await Promise.all([
    oneStopStatistics(database, w, { agencyIds: scope, decidedOnly: true }, 'none'),
    procedureCounts(database, w, scope, communeLevel),
  ]);
  return {
    unit: {
      kind: 'agency',
      id: agency.id,
      name: { vi: agency.name.vi, en: agency.name.en ?? agency.name.vi },
    },
    configEffectiveFrom: config.effectiveFrom,
    index: scoreIndex(figures.total, procedures, config.config),
  };
}

export type RankingRow = {
  agencyId: string;
  name: { vi: string; en: string };
  rank: number;
  index: IndexScore;
};

/**
 * Every deciding agency of a level, best first (ties share a rank). Ranked on the share of the
 * measured points, so a unit is not ranked down for components nobody can measure yet.
 */
export async function indexRanking(
  database: Database,
  period: Period,
  w: Window,
  level: 'province' | 'commune',
): Promise<{ configEffectiveFrom: string; rows: RankingRow[] }> {
  const config = await indexConfigOn(database.db, period.lastDate);
  const [grouped, procedures, units] = await Promise.all([
    oneStopStatistics(database, w, {}, 'agency'),
    procedureCountsByAgency(database, w),
    database.db.select().from(agencies).where(eq(agencies.level, level)),
  ]);
  const figuresOf = new Map(grouped.rows.map((r) => [r.key, r]));
  const deciding = units.filter((a) => procedures.has(a.id) || figuresOf.has(a.id));
  const empty = { total: 0, online: 0, onlineWithDossiers: 0, withFee: 0, withFeeAndDossiers: 0 };
  const scored = deciding.map((a) => ({
    agencyId: a.id,
    name: { vi: a.name.vi, en: a.name.en ?? a.name.vi },
    index: scoreIndex(figuresOf.get(a.id) ?? emptyRow(), procedures.get(a.id) ?? empty, config.config),
  }));
  const share = (s: IndexScore) => (s.measuredMax > 0 ? s.total / s.measuredMax : 0);
  scored.sort((a, b) => share(b.index) - share(a.index) || a.name.vi.localeCompare(b.name.vi, 'vi'));
  let rank = 0;
  const rows = scored.map((r, i) => {
    if (i === 0 || share(r.index) !== share(scored[i - 1]!.index)) rank = i + 1;
    return { ...r, rank };
  });
  return { configEffectiveFrom: config.effectiveFrom, rows };
}
