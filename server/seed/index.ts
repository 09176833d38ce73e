import type { Config } from '../src/config.ts';
import type { Database } from '../src/db/engine.ts';
import { progress as barProgress, type Progress } from '../src/platform/progress.ts';
import { seedAdminUnits } from './admin-units.ts';
import { seedAgencies } from './agencies.ts';
import { seedOfficialSchedules } from './calendar.ts';

export type SeedSummary = { adminUnits: number; successions: number; agencies: number; notes: string[] };

/**
 * Reference data every deployment needs: the administrative map (2025 and pre-2025, with the
 * merge links) and the deploying province's organisation tree. Safe to run again.
 */
export async function seedReferenceData(
  database: Database,
  config: Pick<Config, 'PROVINCE_CODE' | 'agencyCodeRoot'>,
  makeProgress: (label: string, total: number) => Progress = barProgress,
): Promise<SeedSummary> {
  const units = await seedAdminUnits(database, (n) =>
    makeProgress('Đơn vị hành chính / administrative units', n),
  );
  const orgs = await seedAgencies(
    database,
    { provinceCode: config.PROVINCE_CODE, agencyCodeRoot: config.agencyCodeRoot },
    (n) => makeProgress('Cơ quan / agencies', n),
  );
  await seedOfficialSchedules(database);
  const missing = units.unmatchedPredecessors;
  const notes = missing.length
    ? [
        `${missing.length} merge links name old units that the 2025-01-04 export lacks (the sources differ), e.g. ${missing.slice(0, 3).join('; ')}`,
      ]
    : [];
  return { adminUnits: units.inserted, successions: units.successions, agencies: orgs.inserted, notes };
}
