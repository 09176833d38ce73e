import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { cacheOf, forgetOnCommit } from '../../platform/cache.ts';
import { newId } from '../../platform/ids.ts';
import { activeAgency, incompetence, incompetenceMessage } from './competence.ts';
import { CatalogErrors } from './errors.ts';
import { procedures, procedureVersions } from './schema.ts';

export type ProcedureVersion = typeof procedureVersions.$inferSelect;
export type ProcedureDetail = ProcedureVersion & { code: string; enabled: boolean; currentVersion: number };

/** A procedure at its current version, or at `version` (a dossier's, for instance): one read. */
export async function getProcedure(db: Db | Tx, code: string, version?: number): Promise<ProcedureDetail> {
  const [hit] = await db
    .select({ proc: procedures, row: procedureVersions })
    .from(procedures)
    .leftJoin(
      procedureVersions,
      and(
        eq(procedureVersions.procedureId, procedures.id),
        eq(procedureVersions.version, version ?? procedures.currentVersion),
      ),
    )
    .where(eq(procedures.code, code));
  if (!hit) throw CatalogErrors.create('NOT_FOUND');
  if (!hit.row) throw CatalogErrors.create('VERSION_NOT_FOUND');
  const { proc, row } = hit;
  return { ...row, code: proc.code, enabled: proc.enabled, currentVersion: proc.currentVersion };
}

// Every submission reads its procedure; the catalogue changes a few times a day. Each process keeps
// what it read for 30 s at most: an edit or import drops it at once everywhere (topic `catalog`:
// migration 0019's triggers, and the catalogue's own writes here).
const CATALOG_CACHE_MS = 30_000;
const currentCache = (db: Db) =>
  cacheOf<string, ProcedureDetail>(db, 'catalog', { name: 'current versions', ttlMs: CATALOG_CACHE_MS });
const versionCache = (db: Db) =>
  cacheOf<string, (ProcedureVersion & { code: string }) | null>(db, 'catalog', {
    name: 'versions',
    ttlMs: CATALOG_CACHE_MS,
  });

/** getProcedure at the current version, from this process's cache (the hot path of a submission). */
export function currentProcedure(db: Db, code: string): Promise<ProcedureDetail> {
  return currentCache(db).get(code, () => getProcedure(db, code));
}

/** versionOf from this process's cache. */
export function cachedVersionOf(
  db: Db,
  ref: { procedureId: string; procedureVersion: number },
): Promise<(ProcedureVersion & { code: string }) | null> {
  return versionCache(db).get(`${ref.procedureId}@${ref.procedureVersion}`, () => versionOf(db, ref));
}

/** The version a dossier was filed under (null if it is gone, which a dossier's foreign key prevents). */
export async function versionOf(
  db: Db | Tx,
  ref: { procedureId: string; procedureVersion: number },
): Promise<(ProcedureVersion & { code: string }) | null> {
  const [row] = await db
    .select({ version: procedureVersions, code: procedures.code })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(
      and(
        eq(procedureVersions.procedureId, ref.procedureId),
        eq(procedureVersions.version, ref.procedureVersion),
      ),
    );
  return row ? { ...row.version, code: row.code } : null;
}

export async function listVersions(db: Db, code: string) {
  const [proc] = await db.select().from(procedures).where(eq(procedures.code, code));
  if (!proc) throw CatalogErrors.create('NOT_FOUND');
  return db
    .select({
      version: procedureVersions.version,
      createdAt: procedureVersions.createdAt,
      createdBy: procedureVersions.createdBy,
      source: procedureVersions.source,
    })
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, proc.id))
    .orderBy(procedureVersions.version);
}

type VersionContent = Omit<
  ProcedureVersion,
  'id' | 'procedureId' | 'version' | 'isCurrent' | 'createdAt' | 'createdBy' | 'searchKey'
>;
export type VersionPatch = Partial<Omit<VersionContent, 'source'>>;

/**
 * Saves a new version from the current one with `patch` applied; the old versions stay, so a
 * dossier keeps the rules it was submitted under. Returns the new version number.
 */
export async function createVersion(
  tx: Tx,
  code: string,
  patch: VersionPatch,
  actorId: string | null,
  source = 'manual',
): Promise<number> {
  forgetOnCommit(tx, 'catalog');
  const current = await getProcedure(tx, code);
  // Every id is resolved before anything is written: a procedure routed to a desk, to an agency of
  // another level, or to no agency at all would send its dossiers nowhere (or fail on the key).
  if (patch.competentAgencyId) {
    const levels = patch.levels ?? current.levels;
    const why = incompetence(await activeAgency(tx, patch.competentAgencyId), levels);
    if (why)
      throw CatalogErrors.create(why === 'unknown' ? 'UNKNOWN_AGENCY' : 'AGENCY_NOT_COMPETENT', undefined, [
        { field: 'competentAgencyId', ...incompetenceMessage(why, levels) },
      ]);
  }
  const {
    id: _id,
    procedureId,
    version,
    isCurrent: _c,
    createdAt: _a,
    createdBy: _b,
    code: _code,
    enabled: _e,
    currentVersion: _cv,
    searchKey: _k, // generated from the name
    ...content
  } = current;
  const next = version + 1;
  await tx
    .update(procedureVersions)
    .set({ isCurrent: false })
    .where(and(eq(procedureVersions.procedureId, procedureId), eq(procedureVersions.isCurrent, true)));
  // A new time or fee makes the published wording of the old one wrong: it goes unless given anew.
  const stale: VersionPatch = {
    ...(patch.processingTime !== undefined && patch.processingTimeText === undefined
      ? { processingTimeText: null }
      : {}),
    ...(patch.fees !== undefined && patch.feeText === undefined ? { feeText: null } : {}),
  };
  await tx.insert(procedureVersions).values({
    ...content,
    ...stale,
    ...patch,
    source,
    id: newId(),
    procedureId,
    version: next,
    isCurrent: true,
    createdBy: actorId,
  });
  await tx.update(procedures).set({ currentVersion: next }).where(eq(procedures.id, procedureId));
  await appendAudit(tx, {
    actorId,
    action: 'procedure.versioned',
    subjectType: 'procedure',
    subjectId: code,
    details: { version: next, changed: Object.keys(patch) },
  });
  return next;
}

/** Whether the province offers the procedure on its portal. */
export async function setEnabled(
  tx: Tx,
  code: string,
  enabled: boolean,
  actorId: string | null,
): Promise<void> {
  forgetOnCommit(tx, 'catalog');
  const rows = await tx
    .update(procedures)
    .set({ enabled })
    .where(eq(procedures.code, code))
    .returning({ id: procedures.id });
  if (rows.length === 0) throw CatalogErrors.create('NOT_FOUND');
  await appendAudit(tx, {
    actorId,
    action: enabled ? 'procedure.enabled' : 'procedure.disabled',
    subjectType: 'procedure',
    subjectId: code,
  });
}

/** Inserts a brand-new procedure at version 1. */
export async function insertProcedure(
  tx: Tx,
  code: string,
  content: VersionContent,
  enabled: boolean,
): Promise<void> {
  forgetOnCommit(tx, 'catalog');
  const id = newId();
  await tx.insert(procedures).values({ id, code, enabled, currentVersion: 1 });
  await tx
    .insert(procedureVersions)
    .values({ ...content, id: newId(), procedureId: id, version: 1, isCurrent: true });
}
