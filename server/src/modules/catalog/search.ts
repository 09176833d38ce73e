import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/engine.ts';
import { cacheOf } from '../../platform/cache.ts';
import type { LocalizedText } from '../../platform/localized.ts';
import { type Duration, procedures, procedureVersions } from './schema.ts';

export type ProcedureSummary = {
  code: string;
  name: LocalizedText;
  field: string | null;
  levels: string[];
  onlineType: string;
  processingTime: Duration | null;
  processingTimeText: string | null;
  feeFree: boolean;
  competentAuthority: string | null;
  competentAgencyId: string | null;
  /** An interactive e-form exists: the procedures people file most (birth, marriage, residence…). */
  hasForm: boolean;
  enabled: boolean;
  version: number;
};

export type SearchQuery = {
  q?: string;
  field?: string;
  level?: 'province' | 'commune' | 'ministry';
  onlineType?: 'full' | 'partial';
  agencyId?: string;
  hasForm?: boolean;
  /** The public portal lists only what the province offers; admins see the whole catalogue. */
  enabledOnly: boolean;
  limit: number;
  offset: number;
};

const v = procedureVersions;
// A JSON null and an SQL NULL both mean "no e-form".
const hasForm = sql<boolean>`coalesce(jsonb_typeof(${v.eform}) = 'object', false)`;

export type SearchResult = { items: ProcedureSummary[]; total: number };

// The public searches (what the province offers, the same for anyone), per process: the same few
// words are searched all day and the catalogue changes a few times a day. Topic `catalog` of
// platform/cache.ts: a change drops them at once in the process that made it (procedures.ts, on
// commit) and in the others on migration 0019's NOTIFY; the TTL bounds what a lost notification
// could cost. Pages of up to 50 only (the portal's are 8 to 24): 500 such answers are a few MB.
const SEARCH_CACHE_MS = 30_000;
const CACHED_LIMIT = 50;
const searchCache = (db: Db) =>
  cacheOf<string, SearchResult>(db, 'catalog', { name: 'public searches', ttlMs: SEARCH_CACHE_MS, max: 500 });

/**
 * The search below; a public one (`enabledOnly`) from this process's cache, keyed by the words as
 * the search reads them (trimmed, spaces collapsed), the filters and the page. The whole catalogue
 * (system admins) is never cached.
 */
export function searchProcedures(db: Db, query: SearchQuery): Promise<SearchResult> {
  const search = { ...query, q: query.q?.trim().replace(/\s+/g, ' ') || undefined };
  if (!search.enabledOnly || search.limit > CACHED_LIMIT) return findProcedures(db, search);
  const key = JSON.stringify([
    search.q,
    search.field,
    search.level,
    search.onlineType,
    search.agencyId,
    search.hasForm,
    search.limit,
    search.offset,
  ]);
  return searchCache(db).get(key, () => findProcedures(db, search));
}

/**
 * Accent-insensitive, typo-tolerant search over the current versions: "dang ky khai sinh" finds
 * "Đăng ký khai sinh", "dang ki khai sinh" too (trigram word similarity). Names containing the
 * words come first, then the closest by similarity, then those with an e-form, then shorter names
 * (the generic procedure before its special cases). Without words, the e-form ones lead the list.
 */
async function findProcedures(db: Db, query: SearchQuery): Promise<SearchResult> {
  const filters: SQL[] = [eq(v.isCurrent, true)];
  if (query.enabledOnly) filters.push(eq(procedures.enabled, true));
  if (query.field) filters.push(eq(v.field, query.field));
  if (query.level) filters.push(sql`${query.level} = ANY(${v.levels})`);
  if (query.onlineType) filters.push(eq(v.onlineType, query.onlineType));
  if (query.agencyId) filters.push(eq(v.competentAgencyId, query.agencyId));
  if (query.hasForm !== undefined) filters.push(query.hasForm ? hasForm : sql`NOT ${hasForm}`);
  const q = query.q?.trim().replace(/\s+/g, ' ');
  // A national procedure code ("1.001193"): no name is made of digits and dots.
  if (q && /^\d+\.\d+$/.test(q)) filters.push(eq(procedures.code, q));
  if (q && !/^\d+\.\d+$/.test(q)) return findByWords(db, q, and(...filters)!, query);
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(v)
      .innerJoin(procedures, eq(procedures.id, v.procedureId))
      .where(where)
      // The procedures with an e-form first (the ones people file most), then the shorter names.
      .orderBy(sql`${hasForm} DESC`, sql`length(${v.name}->>'vi')`, asc(procedures.code))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(v)
      .innerJoin(procedures, eq(procedures.id, v.procedureId))
      .where(where),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}

const summaryColumns = {
  code: procedures.code,
  enabled: procedures.enabled,
  version: v.version,
  name: v.name,
  field: v.field,
  levels: v.levels,
  onlineType: v.onlineType,
  processingTime: v.processingTime,
  processingTimeText: v.processingTimeText,
  feeFree: v.feeFree,
  competentAuthority: v.competentAuthority,
  competentAgencyId: v.competentAgencyId,
  hasForm: hasForm.as('has_form'),
};

/**
 * The names matching the typed words: those containing them, then those close enough by trigram
 * word similarity. f_search_key folds case, diacritics and i/y spellings (migration 0007) on both
 * sides. The similarity is the cost (tens of microseconds a name, the words being common to many),
 * so each offered name is scored once, in a CTE read twice (so PostgreSQL keeps it rather than
 * inlining it and scoring again): once for the count, once for the page, in one statement.
 * The threshold is `<%`'s own, pg_trgm.word_similarity_threshold (0.5, set on every connection by
 * db/engine.ts).
 */
async function findByWords(db: Db, q: string, where: SQL, query: SearchQuery): Promise<SearchResult> {
  const needle = sql`f_search_key(${q})`;
  const like = sql`f_search_key(${q.replace(/[\\%_]/g, (c) => `\\${c}`)})`;
  const scored = db.$with('scored').as(
    db
      .select({
        ...summaryColumns,
        key: v.searchKey,
        nameLength: sql<number>`length(${v.name}->>'vi')`.as('name_length'),
        contains: sql<boolean>`${v.searchKey} LIKE '%' || ${like} || '%'`.as('contains'),
        closeness: sql<number>`word_similarity(${needle}, ${v.searchKey})`.as('closeness'),
      })
      .from(v)
      .innerJoin(procedures, eq(procedures.id, v.procedureId))
      .where(where),
  );
  const matches = sql`(${scored.contains} OR ${scored.closeness} >= current_setting('pg_trgm.word_similarity_threshold')::real)`;
  const rows = await db
    .with(scored)
    .select({
      code: scored.code,
      enabled: scored.enabled,
      version: scored.version,
      name: scored.name,
      field: scored.field,
      levels: scored.levels,
      onlineType: scored.onlineType,
      processingTime: scored.processingTime,
      processingTimeText: scored.processingTimeText,
      feeFree: scored.feeFree,
      competentAuthority: scored.competentAuthority,
      competentAgencyId: scored.competentAgencyId,
      hasForm: scored.hasForm,
      total: sql<number>`(SELECT count(*)::int FROM ${scored} WHERE ${matches})`,
    })
    .from(scored)
    .where(matches)
    .orderBy(
      sql`${scored.contains} DESC`,
      sql`${scored.closeness} DESC`,
      // Among equally good matches, the name closest as a whole: the general procedure first.
      sql`similarity(${needle}, ${scored.key}) DESC`,
      sql`${scored.hasForm} DESC`,
      scored.nameLength,
      scored.code,
    )
    .limit(query.limit)
    .offset(query.offset);
  if (rows.length === 0 && query.offset > 0) {
    // A page past the last: the count alone.
    const [counted] = await db
      .with(scored)
      .select({ n: sql<number>`count(*)::int` })
      .from(scored)
      .where(matches);
    return { items: [], total: counted?.n ?? 0 };
  }
  return { items: rows.map(({ total: _, ...item }) => item), total: rows[0]?.total ?? 0 };
}

/** Fields (lĩnh vực) with how many procedures each has, for the portal's browse page. */
export async function listFields(db: Db, enabledOnly: boolean): Promise<{ field: string; count: number }[]> {
  const rows = await db
    .select({ field: v.field, count: sql<number>`count(*)::int` })
    .from(v)
    .innerJoin(procedures, eq(procedures.id, v.procedureId))
    .where(
      and(
        eq(v.isCurrent, true),
        enabledOnly ? eq(procedures.enabled, true) : undefined,
        sql`${v.field} IS NOT NULL`,
      ),
    )
    .groupBy(v.field)
    .orderBy(sql`count(*) DESC`, asc(v.field));
  return rows.map((r) => ({ field: r.field!, count: r.count }));
}

/** Our agencies deciding the offered procedures, with how many each decides (the portal's agency filter). */
export async function listAgencyCounts(
  db: Db,
  enabledOnly: boolean,
): Promise<{ agencyId: string; count: number }[]> {
  const rows = await db
    .select({ agencyId: v.competentAgencyId, count: sql<number>`count(*)::int` })
    .from(v)
    .innerJoin(procedures, eq(procedures.id, v.procedureId))
    .where(
      and(
        eq(v.isCurrent, true),
        enabledOnly ? eq(procedures.enabled, true) : undefined,
        sql`${v.competentAgencyId} IS NOT NULL`,
      ),
    )
    .groupBy(v.competentAgencyId)
    .orderBy(sql`count(*) DESC`, asc(v.competentAgencyId));
  return rows.map((r) => ({ agencyId: r.agencyId!, count: r.count }));
}
