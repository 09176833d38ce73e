import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../src/config.ts';
import type { Database } from '../src/db/engine.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { currentProvince, listAdminUnits } from '../src/modules/admin-units/service.ts';
import { agencies } from '../src/modules/identity/schema.ts';
import { newId } from '../src/platform/ids.ts';
import type { Progress } from '../src/platform/progress.ts';

type AgencySpec = { key: string; group: string; kind: string; parent?: string; vi: string; en: string };
type AgencyFile = { province: AgencySpec[] };

const dataFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'data',
  'provincial-agencies-2025.json',
);

/** "Xã Tân Trào" → "xã Tân Trào": the type word is lower-case inside a longer name. */
const inName = (unitName: string) => unitName.charAt(0).toLowerCase() + unitName.slice(1);

/**
 * The deploying province's organisation tree: the Provincial People's Committee, its Office,
 * departments and service centre, and every commune's People's Committee with its service centre
 * (one-stop desk). Agencies that already exist (by code) are kept as edited.
 */
export async function seedAgencies(
  database: Database,
  opts: { provinceCode: string; agencyCodeRoot: string },
  makeProgress: (total: number) => Progress,
): Promise<{ inserted: number }> {
  const { db } = database;
  // The administrative map belongs to the admin-units module: read it through its service.
  const province = await currentProvince(db, opts.provinceCode);
  if (!province) {
    throw new ConfigError(
      `PROVINCE_CODE="${opts.provinceCode}": không phải mã tỉnh sau 01/07/2025 / not a province code of 1 July 2025 (see GET /api/admin-units?level=province)`,
    );
  }
  const { items: communes } = await listAdminUnits(db, {
    level: 'commune',
    province: opts.provinceCode,
    limit: 5000,
    offset: 0,
  });

  const root = opts.agencyCodeRoot;
  // Re-seeding keeps existing agencies (and their ids, so children still point at them).
  const existing = new Map(
    (await db.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]),
  );
  const idFor = (code: string) => existing.get(code) ?? newId();
  const rows: (typeof agencies.$inferInsert)[] = [];
  const provinceName = province.shortName;
  // A centrally-run city's bodies say "thành phố" where a province's say "tỉnh".
  const unitWord = province.type === 'thanh_pho' ? 'thành phố' : 'tỉnh';
  const committeeId = idFor(`000.00.00.${root}`);
  rows.push({
    id: committeeId,
    code: `000.00.00.${root}`,
    name: {
      vi: `Ủy ban nhân dân ${unitWord} ${provinceName}`,
      en: `${provinceName} Provincial People's Committee`,
    },
    kind: 'provincial_committee',
    level: 'province',
    parentId: null,
    adminUnitCode: province.code,
    sortOrder: 0,
  });
  const specs = (JSON.parse(fs.readFileSync(dataFile, 'utf8')) as AgencyFile).province;
  const idByKey = new Map(specs.map((s) => [s.key, idFor(`000.00.${s.group}.${root}`)]));
  specs.forEach((s, i) => {
    // Names in the data end in "tỉnh" ("Thanh tra tỉnh") or not ("Sở Y tế"); both take the province's name.
    const base = s.vi.endsWith(' tỉnh') ? s.vi.slice(0, -' tỉnh'.length) : s.vi;
    rows.push({
      id: idByKey.get(s.key)!,
      code: `000.00.${s.group}.${root}`,
      name: { vi: `${base} ${unitWord} ${provinceName}`, en: `${provinceName} ${s.en}` },
      kind: s.kind,
      level: 'province',
      parentId: s.parent ? idByKey.get(s.parent)! : committeeId,
      adminUnitCode: province.code,
      sortOrder: i + 1,
    });
  });
  communes.forEach((c, i) => {
    const committee = idFor(`000.${c.code}.00.${root}`);
    rows.push({
      id: committee,
      code: `000.${c.code}.00.${root}`,
      name: { vi: `Ủy ban nhân dân ${inName(c.name)}`, en: `People's Committee of ${c.name}` },
      kind: 'commune_committee',
      level: 'commune',
      parentId: committeeId,
      adminUnitCode: c.code,
      sortOrder: 100 + i,
    });
    rows.push({
      id: idFor(`001.${c.code}.00.${root}`),
      code: `001.${c.code}.00.${root}`,
      name: {
        vi: `Trung tâm Phục vụ hành chính công ${inName(c.name)}`,
        en: `Public Administration Service Centre of ${c.name}`,
      },
      kind: 'one_stop_desk',
      level: 'commune',
      parentId: committee,
      adminUnitCode: c.code,
      sortOrder: 100 + i,
    });
  });

  const progress = makeProgress(rows.length);
  let inserted = 0;
  await inTransaction(database, async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const done = await tx
        .insert(agencies)
        .values(chunk)
        .onConflictDoNothing({ target: agencies.code })
        .returning({
          id: agencies.id,
        });
      inserted += done.length;
      progress.tick(i + chunk.length);
    }
  });
  progress.finish(`${inserted} new agencies`);
  return { inserted };
}
