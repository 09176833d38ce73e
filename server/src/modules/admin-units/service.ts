import { and, asc, eq, gt, gte, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/engine.ts';
import { DomainError } from '../../platform/errors.ts';
import { AdminUnitErrors } from './errors.ts';
import { adminUnitSuccessions, adminUnits } from './schema.ts';

export const LEVELS = ['province', 'district', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

export type AdminUnit = {
  code: string;
  name: string;
  shortName: string;
  type: string;
  level: string;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
};

export type RelatedUnit = AdminUnit & { extent: string };
export type AdminUnitDetail = AdminUnit & {
  parent: AdminUnit | null;
  predecessors: RelatedUnit[];
  successors: RelatedUnit[];
};

const columns = {
  code: adminUnits.code,
  name: adminUnits.name,
  shortName: adminUnits.shortName,
  type: adminUnits.type,
  level: adminUnits.level,
  parentCode: adminUnits.parentCode,
  provinceCode: adminUnits.provinceCode,
  validFrom: adminUnits.validFrom,
  validTo: adminUnits.validTo,
};

/** Units in force on `at` (YYYY-MM-DD); with no date, the ones in force now (no end date). */
function inForce(at?: string): SQL {
  if (!at) return isNull(adminUnits.validTo);
  return and(
    or(isNull(adminUnits.validFrom), lte(adminUnits.validFrom, at)),
    or(isNull(adminUnits.validTo), gt(adminUnits.validTo, at)),
  )!;
}

/** Folds case and Vietnamese diacritics the way the index does ("Tân Trào" → "tan trao"). */
const folded = (column: SQL | AnyPgColumn) => sql`f_unaccent(lower(${column}))`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type ListQuery = {
  level?: Level;
  province?: string;
  parent?: string;
  q?: string;
  at?: string;
  limit: number;
  offset: number;
};

export async function listAdminUnits(
  db: Db,
  query: ListQuery,
): Promise<{ items: AdminUnit[]; total: number }> {
  const filters: SQL[] = [inForce(query.at)];
  if (query.level) filters.push(eq(adminUnits.level, query.level));
  if (query.province) filters.push(eq(adminUnits.provinceCode, query.province));
  if (query.parent) filters.push(eq(adminUnits.parentCode, query.parent));
  const order: SQL[] = [];
  const q = query.q?.trim().replace(/\s+/g, ' ');
  if (q) {
    const needle = sql`f_unaccent(lower(${q}))`;
    const likeNeedle = sql`f_unaccent(lower(${escapeLike(q)}))`;
    filters.push(
      or(sql`${folded(adminUnits.name)} LIKE '%' || ${likeNeedle} || '%'`, eq(adminUnits.code, q))!,
    );
    // Exact short name first ("Tân Trào"), then names starting with the words, then the rest.
    order.push(sql`CASE WHEN ${folded(adminUnits.shortName)} = ${needle} THEN 0
      WHEN ${folded(adminUnits.shortName)} LIKE ${likeNeedle} || '%' THEN 1 ELSE 2 END`);
  }
  const where = and(...filters);
  const [items, [totalRow]] = await Promise.all([
    db
      .select(columns)
      .from(adminUnits)
      .where(where)
      .orderBy(...order, asc(adminUnits.level), asc(adminUnits.code))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(adminUnits).where(where),
  ]);
  return { items, total: totalRow?.n ?? 0 };
}

/** The level a code belongs to: provinces have 2 digits, districts 3, communes 5. */
export function levelOfCode(code: string): Level | null {
  return ({ 2: 'province', 3: 'district', 5: 'commune' } as const)[code.length as 2 | 3 | 5] ?? null;
}

/**
 * One unit with its parent and the units it was formed from (or became). Without `at`, the unit
 * in force now, else its latest version: "02" (Hà Giang) answers with the pre-2025 province and
 * the province it merged into.
 */
export async function getAdminUnit(db: Db, code: string, at?: string): Promise<AdminUnitDetail> {
  const level = levelOfCode(code);
  if (!level) throw AdminUnitErrors.create('NOT_FOUND');
  const versions = await db
    .select({ id: adminUnits.id, ...columns })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, level), eq(adminUnits.code, code), at ? inForce(at) : undefined))
    .orderBy(sql`${adminUnits.validTo} DESC NULLS FIRST`);
  const unit = versions[0];
  if (!unit) throw AdminUnitErrors.create('NOT_FOUND');

  const related = (direction: 'predecessors' | 'successors') => {
    const [mine, other] =
      direction === 'predecessors'
        ? [adminUnitSuccessions.successorId, adminUnitSuccessions.predecessorId]
        : [adminUnitSuccessions.predecessorId, adminUnitSuccessions.successorId];
    return db
      .select({ ...columns, extent: adminUnitSuccessions.extent })
      .from(adminUnitSuccessions)
      .innerJoin(adminUnits, eq(adminUnits.id, other))
      .where(eq(mine, unit.id))
      .orderBy(asc(adminUnits.code));
  };
  // A pre-2025 commune's parent is a district; a later one's a province: the parent code's length says which.
  const parentLevel = unit.parentCode ? levelOfCode(unit.parentCode) : null;
  const [predecessors, successors, parentRows] = await Promise.all([
    related('predecessors'),
    related('successors'),
    unit.parentCode && parentLevel
      ? db
          .select(columns)
          .from(adminUnits)
          .where(
            and(
              eq(adminUnits.level, parentLevel),
              eq(adminUnits.code, unit.parentCode),
              // The parent's version in force on the unit's last day (a unit renamed in 2026 still had
              // its province of 2025).
              unit.validTo
                ? and(
                    or(isNull(adminUnits.validFrom), lt(adminUnits.validFrom, unit.validTo)),
                    or(isNull(adminUnits.validTo), gte(adminUnits.validTo, unit.validTo)),
                  )
                : isNull(adminUnits.validTo),
            ),
          )
          .orderBy(sql`${adminUnits.validTo} ASC NULLS LAST`)
          .limit(1)
      : Promise.resolve([]),
  ]);
  const { id: _id, ...fields } = unit;
  return { ...fields, parent: parentRows[0] ?? null, predecessors, successors };
}

/**
 * Each code's unit (latest version) and the unit(s) in force now that cover it: itself when
 * still in force, else its successors (districts had none: their communes went separate ways).
 */
export async function resolveCodes(
  db: Db,
  codes: string[],
): Promise<{ code: string; unit: AdminUnit | null; current: RelatedUnit[] }[]> {
  const results = [];
  for (const code of codes) {
    try {
      const { parent: _p, predecessors: _pr, successors, ...unit } = await getAdminUnit(db, code);
      const current =
        unit.validTo === null ? [{ ...unit, extent: 'full' }] : successors.filter((s) => s.validTo === null);
      results.push({ code, unit, current });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      results.push({ code, unit: null, current: [] });
    }
  }
  return results;
}

/** Current communes of a province by type (xa, phuong, dac_khu). */
export async function countCommunesByType(db: Db, provinceCode: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ type: adminUnits.type, n: sql<number>`count(*)::int` })
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.level, 'commune'),
        eq(adminUnits.provinceCode, provinceCode),
        isNull(adminUnits.validTo),
      ),
    )
    .groupBy(adminUnits.type);
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

/** The province in force now, or null when the code names none. */
export async function currentProvince(db: Db, code: string): Promise<AdminUnit | null> {
  const [row] = await db
    .select(columns)
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'province'), eq(adminUnits.code, code), isNull(adminUnits.validTo)));
  return row ?? null;
}
