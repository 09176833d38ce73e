import { parse } from 'csv-parse/sync';
import { count, eq } from 'drizzle-orm';
import type { Database } from '../src/db/engine.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { provinceFullName, splitUnitName, typeOfName } from '../src/modules/admin-units/names.ts';
import { adminUnitSuccessions, adminUnits } from '../src/modules/admin-units/schema.ts';
import { newId } from '../src/platform/ids.ts';
import type { Progress } from '../src/platform/progress.ts';
import { readReference, readReferenceBytes } from './reference.ts';

/** The day the two-level local government began (Resolution 202/2025/QH15). */
export const REFORM_2025 = '2025-07-01';

const SOURCES = {
  provinces2025: '915/CTK-CSCL (2025)',
  communes2025: '1027/CTK-CSCL (25/06/2025)',
  pre2025: 'GSO export 2025-01-04',
};

type UnitRow = typeof adminUnits.$inferInsert;
type Merge = { old_id: string; name: string; type: 'full' | 'partial' };
type MappingFile = {
  data: { level1_id: string; merges: Merge[]; level2s: { level2_id: string; merges: Merge[] }[] }[];
};

const readCsv = (name: string): Record<string, string>[] =>
  parse(readReferenceBytes(`admin-units/${name}`), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    trim: true,
  });

/** Builds every unit row from the reference files in server/seed/reference/admin-units (never retyped). */
export function readAdminUnits(): { units: UnitRow[]; mapping: MappingFile } {
  const units: UnitRow[] = [];

  for (const r of readCsv('provinces-2025.csv')) {
    const type = r.type!; // tinh | thanh_pho
    const name = provinceFullName(r.name!, type);
    units.push({
      id: newId(),
      code: r.code!,
      name,
      shortName: splitUnitName(name).shortName,
      type,
      level: 'province',
      parentCode: null,
      provinceCode: r.code!,
      validFrom: REFORM_2025,
      validTo: null,
      source: SOURCES.provinces2025,
    });
  }
  for (const r of readCsv('communes-2025.csv')) {
    units.push({
      id: newId(),
      code: r.code!,
      name: r.name!,
      shortName: splitUnitName(r.name!).shortName,
      type: r.type!,
      level: 'commune',
      parentCode: r.province_code!,
      provinceCode: r.province_code!,
      validFrom: REFORM_2025,
      validTo: null,
      source: SOURCES.communes2025,
    });
  }

  // The pre-reform export has one row per commune with its district and province; a few island
  // districts have no communes and appear once with empty commune columns.
  const seen = new Set<string>();
  const old = (
    level: string,
    code: string,
    name: string,
    parentCode: string | null,
    provinceCode: string,
  ) => {
    const key = `${level}:${code}`;
    if (seen.has(key)) return;
    seen.add(key);
    units.push({
      id: newId(),
      code,
      name,
      shortName: splitUnitName(name).shortName,
      type: level === 'district' && name.startsWith('Thành phố') ? 'thanh_pho_thuoc_tinh' : typeOfName(name),
      level,
      parentCode,
      provinceCode,
      validFrom: null,
      validTo: REFORM_2025,
      source: SOURCES.pre2025,
    });
  };
  for (const r of readCsv('units-pre2025-gso-2025-01-04.csv')) {
    const province = r['Mã TP']!;
    old('province', province, r['Tỉnh Thành Phố']!, null, province);
    old('district', r['Mã QH']!, r['Quận Huyện']!, province, province);
    if (r['Mã PX']) old('commune', r['Mã PX']!, r['Phường Xã']!, r['Mã QH']!, province);
  }

  const mapping = JSON.parse(readReference('admin-units/mapping-new-to-old-2025.json')) as MappingFile;
  return { units, mapping };
}

export type SeedAdminUnitsResult = {
  inserted: number;
  successions: number;
  /** Old codes named in the merge list that the pre-reform export lacks (source discrepancies). */
  unmatchedPredecessors: string[];
  skipped: boolean;
};

/** Loads the administrative map once; a database that already has it is left alone. */
export async function seedAdminUnits(
  database: Database,
  makeProgress: (total: number) => Progress,
): Promise<SeedAdminUnitsResult> {
  const [existing] = await database.db
    .select({ n: count() })
    .from(adminUnits)
    .where(eq(adminUnits.source, SOURCES.communes2025));
  if ((existing?.n ?? 0) > 0) {
    return { inserted: 0, successions: 0, unmatchedPredecessors: [], skipped: true };
  }

  const { units, mapping } = readAdminUnits();
  const idOf = new Map(units.map((u) => [`${u.level}:${u.code}:${u.validTo ?? ''}`, u.id]));
  const successions: (typeof adminUnitSuccessions.$inferInsert)[] = [];
  const unmatched: string[] = [];
  // An old unit's level follows from its code's length: island districts (3 digits) became special zones.
  const oldLevel = (code: string) => ({ 2: 'province', 3: 'district' })[code.length] ?? 'commune';
  const link = (level: string, newCode: string, merges: Merge[]) => {
    const successorId = idOf.get(`${level}:${newCode}:`);
    for (const m of merges) {
      const predecessorId = idOf.get(`${oldLevel(m.old_id)}:${m.old_id}:${REFORM_2025}`);
      if (!successorId || !predecessorId) {
        unmatched.push(`${m.old_id} ${m.name} → ${newCode}`);
        continue;
      }
      successions.push({ successorId, predecessorId, extent: m.type, effectiveOn: REFORM_2025 });
    }
  };
  for (const p of mapping.data) {
    link('province', p.level1_id, p.merges);
    for (const c of p.level2s) link('commune', c.level2_id, c.merges);
  }

  const progress = makeProgress(units.length + successions.length);
  const batch = 1000;
  await inTransaction(database, async (tx) => {
    let done = 0;
    for (let i = 0; i < units.length; i += batch) {
      const chunk = units.slice(i, i + batch);
      await tx.insert(adminUnits).values(chunk);
      done += chunk.length;
      progress.tick(done);
    }
    for (let i = 0; i < successions.length; i += batch) {
      const chunk = successions.slice(i, i + batch);
      await tx.insert(adminUnitSuccessions).values(chunk);
      done += chunk.length;
      progress.tick(done);
    }
  });
  progress.finish(`${units.length} units, ${successions.length} merge links`);
  return {
    inserted: units.length,
    successions: successions.length,
    unmatchedPredecessors: unmatched,
    skipped: false,
  };
}
