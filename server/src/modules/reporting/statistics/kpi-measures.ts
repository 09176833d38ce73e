/**
 * Platform measures that plan KPIs and scorecard indicators may name instead of a hand-entered
 * value: each a rate 0–1 for a year, province-wide or for one agency (what it decides), computed
 * from the same one-stop figures as the statistics pages.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import { agencyScope } from '../../identity/roles.ts';
import { agencies } from '../../identity/schema.ts';
import { statisticsBounds } from './bounds.ts';
import { windowOf } from './dossier-sets.ts';
import { oneStopStatistics } from './one-stop.ts';
import { parsePeriod, periodOutOfBounds } from './period.ts';
import { servicesStatistics } from './services.ts';

export const KPI_MEASURES = [
  'online_full_procedures_share',
  'online_dossiers_share',
  'satisfaction_share',
  'on_time_share',
  'digitized_share',
] as const;

export type KpiMeasure = (typeof KPI_MEASURES)[number];

export const KPI_MEASURE_LABELS: Readonly<Record<KpiMeasure, { vi: string; en: string; unit: '%' }>> = {
  online_full_procedures_share: {
    vi: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình',
    en: 'Share of procedures fully online',
    unit: '%',
  },
  online_dossiers_share: {
    vi: 'Tỷ lệ hồ sơ nộp trực tuyến',
    en: 'Share of dossiers filed online',
    unit: '%',
  },
  satisfaction_share: {
    vi: 'Tỷ lệ người dân hài lòng (4–5 sao)',
    en: 'Share of applicants satisfied (4–5 stars)',
    unit: '%',
  },
  on_time_share: {
    vi: 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn',
    en: 'Share of dossiers resolved early or on time',
    unit: '%',
  },
  digitized_share: {
    vi: 'Tỷ lệ hồ sơ giấy được số hóa khi tiếp nhận',
    en: 'Share of paper dossiers digitized at intake',
    unit: '%',
  },
};

export const isKpiMeasure = (key: string): key is KpiMeasure =>
  (KPI_MEASURES as readonly string[]).includes(key);

/** The rate 0–1 of `measure` in `year` (for `agencyId`, else the province); null when there is nothing to measure. */
export async function measureKpi(
  database: Database,
  measure: string,
  year: number,
  agencyId?: string,
  now: Date = new Date(),
): Promise<number | null> {
  if (!isKpiMeasure(measure)) return null;
  const period = parsePeriod(String(year));
  // A year the statistics may not be asked for has nothing to measure (and is not counted).
  if (!period || periodOutOfBounds(period, await statisticsBounds(database, now))) return null;
  const w = windowOf(period, now);
  let scope: string[] | undefined;
  let communeLevel = false;
  if (agencyId) {
    const [agency] = await database.db.select().from(agencies).where(eq(agencies.id, agencyId));
    if (!agency) return null;
    scope = await agencyScope(database.db, agencyId);
    communeLevel = agency.level === 'commune';
  }
  if (measure === 'online_full_procedures_share') {
    const services = await servicesStatistics(database, w, scope, communeLevel);
    const all = services.reduce((n, s) => n + s.procedures, 0);
    const full = services.find((s) => s.kind === 'full')?.procedures ?? 0;
    return all > 0 ? full / all : null;
  }
  const { total } = await oneStopStatistics(
    database,
    w,
    scope ? { agencyIds: scope, decidedOnly: true } : {},
    'none',
  );
  const rates = {
    online_dossiers_share: total.rates.online,
    satisfaction_share: total.rates.satisfied,
    on_time_share: total.rates.inTime,
    digitized_share: total.rates.digitization,
  } satisfies Record<Exclude<KpiMeasure, 'online_full_procedures_share'>, number | null>;
  return rates[measure];
}
