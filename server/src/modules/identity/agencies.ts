import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/engine.ts';
import type { LocalizedText } from '../../platform/localized.ts';
import { agencies } from './schema.ts';

export const AGENCY_KINDS = [
  'provincial_committee',
  'committee_office',
  'department',
  'inspectorate',
  'service_center',
  'commune_committee',
  'one_stop_desk',
] as const;

export type Agency = {
  id: string;
  code: string;
  name: LocalizedText;
  kind: string;
  level: string;
  parentCode: string | null;
  adminUnitCode: string;
};

export type AgencyQuery = {
  level?: 'province' | 'commune';
  kind?: (typeof AGENCY_KINDS)[number];
  adminUnit?: string;
  q?: string;
  limit: number;
  offset: number;
};

const parent = alias(agencies, 'parent');

export async function listAgencies(db: Db, query: AgencyQuery): Promise<{ items: Agency[]; total: number }> {
  const filters: SQL[] = [eq(agencies.active, true)];
  if (query.level) filters.push(eq(agencies.level, query.level));
  if (query.kind) filters.push(eq(agencies.kind, query.kind));
  if (query.adminUnit) filters.push(eq(agencies.adminUnitCode, query.adminUnit));
  const q = query.q?.trim().replace(/\s+/g, ' ');
  if (q) {
    const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    filters.push(
      sql`(f_unaccent(lower(${agencies.name}->>'vi')) LIKE '%' || f_unaccent(lower(${like})) || '%' OR ${agencies.code} = ${q})`,
    );
  }
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: agencies.id,
        code: agencies.code,
        name: agencies.name,
        kind: agencies.kind,
        level: agencies.level,
        parentCode: parent.code,
        adminUnitCode: agencies.adminUnitCode,
      })
      .from(agencies)
      .leftJoin(parent, eq(parent.id, agencies.parentId))
      .where(where)
      .orderBy(asc(agencies.sortOrder), asc(agencies.code))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(agencies).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The first active agency of a kind in an administrative unit (e.g. the province's service centre). */
export async function findAgency(db: Db, kind: string, adminUnitCode: string): Promise<Agency | null> {
  const { items } = await listAgencies(db, {
    kind: kind as AgencyQuery['kind'],
    adminUnit: adminUnitCode,
    limit: 1,
    offset: 0,
  });
  return items[0] ?? null;
}
