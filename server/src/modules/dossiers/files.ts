import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/engine.ts';
import { inTransaction } from '../../db/transaction.ts';
import { vietnamDateOf, vietnamInstant } from '../../platform/calendar/vietnam-time.ts';
import { newId } from '../../platform/ids.ts';
import { sniff } from '../../platform/storage/content-type.ts';
import { openStorage, sha256Of } from '../../platform/storage/index.ts';
import type { BlobReferences } from '../../platform/storage/sweep.ts';
import { cleanFileName, withExtension } from '../../platform/text.ts';
import { versionOf } from '../catalog/procedures.ts';
import { procedureVersions } from '../catalog/schema.ts';
import { IdentityErrors } from '../identity/errors.ts';
import { type Action, can } from '../identity/policy.ts';
import type { Auth } from '../identity/web-session.ts';
import { DossierFileErrors } from './errors.ts';
import { type DossierStatus, isTerminal } from './lifecycle.ts';
import { dossierEvents, dossierFiles, dossiers } from './schema.ts';
import { type DossierContext, insertEvent, lockRow, resourceOf } from './service.ts';
import { seesAsApplicantOnly } from './timeline.ts';

type Row = typeof dossiers.$inferSelect;
export type DossierFile = typeof dossierFiles.$inferSelect;
export type FilePurpose = 'component' | 'result';

// The applicant adds papers while preparing the dossier or answering a supplement request.
const APPLICANT_EDITABLE: ReadonlySet<string> = new Set<DossierStatus>(['draft', 'supplement_requested']);
// Results are uploaded while the dossier is decided and until it is handed back.
const RESULT_STATUSES: ReadonlySet<string> = new Set<DossierStatus>(['in_progress', 'finished']);

/** May the caller add (or remove) a file of this purpose to this dossier now? */
function mayChange(auth: Auth, row: Row, purpose: FilePurpose): boolean {
  const allowed = (a: Action) => can(auth.actor, a, resourceOf(row));
  if (purpose === 'result')
    return (
      RESULT_STATUSES.has(row.status) &&
      (allowed('dossier.process') || allowed('dossier.approve') || allowed('dossier.return'))
    );
  if (isTerminal(row.status as DossierStatus) || row.status === 'finished') return false;
  // The desk scans the paper components at intake, and later papers the applicant brings.
  if (allowed('dossier.receive')) return true;
  return APPLICANT_EDITABLE.has(row.status) && allowed('dossier.supplement');
}

async function componentOf(tx: Tx, row: Row, index: number) {
  const version = await versionOf(tx, row);
  const component = version?.documents[index];
  if (!component)
    throw DossierFileErrors.create('NO_SUCH_COMPONENT', undefined, [
      {
        field: 'component',
        vi: `Thủ tục có ${version?.documents.length ?? 0} thành phần hồ sơ, đánh số từ 0.`,
        en: `The procedure has ${version?.documents.length ?? 0} document components, numbered from 0.`,
      },
    ]);
  return component;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export type UploadInput = {
  purpose: FilePurpose;
  component?: number | undefined;
  label?: string | undefined;
  fileName: string;
  bytes: Buffer;
};

/** Whoever has a role uploads for the office (a desk scans a day's intake); a citizen for themselves. */
function dailyLimitMb(ctx: DossierContext, auth: Auth): number {
  return auth.actor.grants.length > 0
    ? ctx.config.UPLOAD_DAILY_MB_OFFICIAL
    : ctx.config.UPLOAD_DAILY_MB_CITIZEN;
}

/** Bytes this person uploaded since the start of today (Vietnam), files taken off again included. */
async function uploadedToday(tx: Tx, personId: string, now: Date): Promise<number> {
  const dayStart = vietnamInstant(vietnamDateOf(now), 0);
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum((${dossierEvents.data} ->> 'sizeBytes')::bigint), 0)::float8` })
    .from(dossierEvents)
    .where(
      and(
        inArray(dossierEvents.type, ['attach', 'attach_result']),
        gte(dossierEvents.at, dayStart),
        eq(dossierEvents.actorId, personId),
      ),
    );
  return Number(row?.total ?? 0);
}

/**
 * Adds a file. Nothing is stored before the caller is known to be allowed: the dossier is locked
 * and checked (may they see it, may they add this now, does the component exist), then the byte
 * quotas (the dossier's total; what this person uploaded today), and only then the content goes to
 * storage, under its SHA-256, inside the transaction that writes its row and its timeline step; a
 * content whose row is then not committed is removed by the blob sweep. Its kind is read from its
 * first bytes (a renamed .exe is refused), and the name kept is cleaned of any path and control
 * characters and ends with the extension of what the file really is.
 */
export async function addFile(
  ctx: DossierContext,
  auth: Auth,
  dossierId: string,
  input: UploadInput,
): Promise<DossierFile> {
  const { bytes } = input;
  if (bytes.length === 0) throw DossierFileErrors.create('EMPTY');
  const limit = ctx.config.FILE_MAX_MB * 1024 * 1024;
  if (bytes.length > limit)
    throw DossierFileErrors.create('TOO_LARGE', {
      vi: `Tệp ${mb(bytes.length)}, vượt giới hạn ${ctx.config.FILE_MAX_MB} MB mỗi tệp.`,
      en: `The file is ${mb(bytes.length)}, over the limit of ${ctx.config.FILE_MAX_MB} MB per file.`,
    });
  const kind = sniff(bytes);
  const given = cleanFileName(input.fileName, 'tep');
  if (!kind.ok)
    throw DossierFileErrors.create(
      'TYPE_NOT_ACCEPTED',
      kind.actually
        ? {
            vi: `Tệp “${given}” thực chất là ${kind.actually.vi}, không phải PDF, JPEG hay PNG, nên không được nhận.`,
            en: `The file “${given}” is really ${kind.actually.en}, not a PDF, JPEG or PNG, so it is refused.`,
          }
        : {
            vi: `Nội dung tệp “${given}” không phải PDF, JPEG hay PNG, nên không được nhận.`,
            en: `The content of “${given}” is not a PDF, JPEG or PNG, so it is refused.`,
          },
      [{ field: 'file', vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.', en: 'Only PDF, JPEG or PNG.' }],
    );
  const fileName = withExtension(given, kind.extension, kind.type === 'image/jpeg' ? ['jpeg', 'jpe'] : []);
  const sha256 = sha256Of(bytes);
  const personId = auth.actor.personId;
  return inTransaction(ctx.database, async (tx) => {
    const row = await lockRow(tx, dossierId);
    if (!can(auth.actor, 'dossier.view', resourceOf(row))) throw DossierFileErrors.create('NOT_FOUND');
    if (!mayChange(auth, row, input.purpose)) throw DossierFileErrors.create('NOT_NOW');
    const label =
      input.purpose === 'component'
        ? (await componentOf(tx, row, input.component ?? -1)).name
        : input.label?.trim() || 'Kết quả giải quyết';
    const [used] = await tx
      .select({ total: sql<number>`coalesce(sum(${dossierFiles.sizeBytes}), 0)::float8` })
      .from(dossierFiles)
      .where(eq(dossierFiles.dossierId, row.id));
    const total = Number(used?.total ?? 0) + bytes.length;
    const dossierLimit = ctx.config.DOSSIER_FILES_MAX_MB * 1024 * 1024;
    if (total > dossierLimit)
      throw DossierFileErrors.create('DOSSIER_TOO_LARGE', {
        vi: `Hồ sơ sẽ có ${mb(total)} tệp, vượt giới hạn ${ctx.config.DOSSIER_FILES_MAX_MB} MB.`,
        en: `The dossier would hold ${mb(total)} of files, over the limit of ${ctx.config.DOSSIER_FILES_MAX_MB} MB.`,
      });
    const now = new Date();
    // One person's uploads are counted one at a time, whichever dossiers they go to.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`dossier-upload:${personId}`}, 0))`);
    const today = (await uploadedToday(tx, personId, now)) + bytes.length;
    const dailyMb = dailyLimitMb(ctx, auth);
    if (today > dailyMb * 1024 * 1024)
      throw DossierFileErrors.create('DAILY_QUOTA', {
        vi: `Hôm nay bạn đã tải lên ${mb(today - bytes.length)}; tệp này vượt giới hạn ${dailyMb} MB mỗi ngày. Vui lòng thử lại vào ngày mai.`,
        en: `You have uploaded ${mb(today - bytes.length)} today; this file goes over the limit of ${dailyMb} MB a day. Please try again tomorrow.`,
      });
    // Only now, allowed and within every quota, is the content stored: a row never points at
    // missing content, and a refused upload leaves nothing behind.
    await openStorage(ctx.config).put(bytes);
    const [file] = await tx
      .insert(dossierFiles)
      .values({
        id: newId(),
        dossierId: row.id,
        purpose: input.purpose,
        componentIndex: input.purpose === 'component' ? (input.component ?? null) : null,
        label,
        fileName,
        contentType: kind.type,
        sizeBytes: bytes.length,
        sha256,
        uploadedBy: personId,
        uploadedAt: now,
      })
      .returning();
    await insertEvent(tx, row.id, {
      type: input.purpose === 'result' ? 'attach_result' : 'attach',
      from: row.status,
      to: row.status,
      at: now,
      actorId: personId,
      note: null,
      data: { fileId: file!.id, label, fileName, sha256, sizeBytes: bytes.length },
    });
    return file!;
  });
}

/** Of these contents, the ones a dossier file still references (for the blob sweep). */
export const dossierBlobReferences =
  (database: Database): BlobReferences =>
  async (sha256s) => {
    if (!sha256s.length) return new Set();
    const rows = await database.rows<{ sha256: string }>(sql`
      SELECT DISTINCT sha256 FROM dossier_file
      WHERE sha256 = ANY(string_to_array(${sha256s.join(',')}, ','))`);
    return new Set(rows.map((r) => r.sha256));
  };

/** The applicant's earlier electronic results, which new dossiers may reuse (kho giấy tờ). */
export async function wallet(ctx: DossierContext, personId: string) {
  return ctx.database.db
    .select({
      file: dossierFiles,
      dossierCode: dossiers.code,
      procedureId: dossiers.procedureId,
      procedureVersion: dossiers.procedureVersion,
      name: procedureVersions.name,
    })
    .from(dossierFiles)
    .innerJoin(dossiers, eq(dossiers.id, dossierFiles.dossierId))
    .innerJoin(
      procedureVersions,
      and(
        eq(procedureVersions.procedureId, dossiers.procedureId),
        eq(procedureVersions.version, dossiers.procedureVersion),
      ),
    )
    .where(
      and(
        eq(dossiers.applicantId, personId),
        eq(dossiers.status, 'returned'),
        eq(dossierFiles.purpose, 'result'),
      ),
    )
    .orderBy(sql`${dossierFiles.uploadedAt} desc`);
}

/**
 * Once-only: a component is taken from the applicant's earlier electronic result instead of being
 * uploaded again. The copy points at its source, which the 766 index counts as reused data.
 */
export async function reuseFromWallet(
  ctx: DossierContext,
  auth: Auth,
  dossierId: string,
  component: number,
  sourceFileId: string,
): Promise<DossierFile> {
  const personId = auth.actor.personId;
  const [source] = (await wallet(ctx, personId)).filter((w) => w.file.id === sourceFileId);
  if (!source) throw DossierFileErrors.create('NOT_IN_WALLET');
  return inTransaction(ctx.database, async (tx) => {
    const row = await lockRow(tx, dossierId);
    if (!can(auth.actor, 'dossier.view', resourceOf(row))) throw DossierFileErrors.create('NOT_FOUND');
    if (row.applicantId !== personId || !APPLICANT_EDITABLE.has(row.status))
      throw DossierFileErrors.create('NOT_NOW');
    const { name } = await componentOf(tx, row, component);
    const now = new Date();
    const s = source.file;
    const [file] = await tx
      .insert(dossierFiles)
      .values({
        id: newId(),
        dossierId: row.id,
        purpose: 'component',
        componentIndex: component,
        label: name,
        fileName: s.fileName,
        contentType: s.contentType,
        sizeBytes: s.sizeBytes,
        sha256: s.sha256,
        reusedFromId: s.id,
        uploadedBy: personId,
        uploadedAt: now,
      })
      .returning();
    await insertEvent(tx, row.id, {
      type: 'reuse',
      from: row.status,
      to: row.status,
      at: now,
      actorId: personId,
      note: null,
      data: { fileId: file!.id, label: name, reusedFromId: s.id, fromDossier: source.dossierCode },
    });
    return file!;
  });
}

/** Takes a file off a dossier that is still being prepared or checked (the uploader only). */
export async function removeFile(ctx: DossierContext, auth: Auth, dossierId: string, fileId: string) {
  await inTransaction(ctx.database, async (tx) => {
    const row = await lockRow(tx, dossierId);
    if (!can(auth.actor, 'dossier.view', resourceOf(row))) throw DossierFileErrors.create('NOT_FOUND');
    const [file] = await tx
      .select()
      .from(dossierFiles)
      .where(and(eq(dossierFiles.id, fileId), eq(dossierFiles.dossierId, row.id)));
    if (!file) throw DossierFileErrors.create('NOT_FOUND');
    const settled =
      file.purpose === 'component' && row.digitizedAt !== null && !APPLICANT_EDITABLE.has(row.status);
    if (
      file.uploadedBy !== auth.actor.personId ||
      settled ||
      !mayChange(auth, row, file.purpose as FilePurpose)
    )
      throw DossierFileErrors.create('NOT_NOW');
    await tx.delete(dossierFiles).where(eq(dossierFiles.id, file.id));
    const now = new Date();
    await insertEvent(tx, row.id, {
      type: 'detach',
      from: row.status,
      to: row.status,
      at: now,
      actorId: auth.actor.personId,
      note: null,
      data: { fileId: file.id, label: file.label, fileName: file.fileName },
    });
  });
}

/** The desk has scanned every paper component: the dossier counts as digitized (766, MDSH). */
export async function markDigitized(ctx: DossierContext, auth: Auth, dossierId: string): Promise<Row> {
  return inTransaction(ctx.database, async (tx) => {
    const row = await lockRow(tx, dossierId);
    if (!can(auth.actor, 'dossier.view', resourceOf(row))) throw DossierFileErrors.create('NOT_FOUND');
    if (!can(auth.actor, 'dossier.receive', resourceOf(row))) throw IdentityErrors.create('FORBIDDEN');
    if (row.digitizedAt) throw DossierFileErrors.create('ALREADY_DIGITIZED');
    const scans = await tx
      .select({ index: dossierFiles.componentIndex })
      .from(dossierFiles)
      .where(and(eq(dossierFiles.dossierId, row.id), eq(dossierFiles.purpose, 'component')));
    if (scans.length === 0) throw DossierFileErrors.create('NOTHING_DIGITIZED');
    const now = new Date();
    const [updated] = await tx
      .update(dossiers)
      .set({ digitizedAt: now, updatedAt: now })
      .where(eq(dossiers.id, row.id))
      .returning();
    await insertEvent(tx, row.id, {
      type: 'digitize',
      from: row.status,
      to: row.status,
      at: now,
      actorId: auth.actor.personId,
      note: null,
      data: { components: new Set(scans.map((s) => s.index)).size, files: scans.length },
    });
    return updated!;
  });
}

/** The files of a dossier the caller may see; the applicant sees results once they are returned. */
export async function listFiles(ctx: DossierContext, auth: Auth, row: Row): Promise<DossierFile[]> {
  const files = await ctx.database.db
    .select()
    .from(dossierFiles)
    .where(eq(dossierFiles.dossierId, row.id))
    .orderBy(dossierFiles.uploadedAt);
  const isApplicantOnly = seesAsApplicantOnly(auth.actor, row);
  return files.filter((f) => f.purpose !== 'result' || !isApplicantOnly || row.status === 'returned');
}

export async function readFile(ctx: DossierContext, auth: Auth, row: Row, fileId: string) {
  const file = (await listFiles(ctx, auth, row)).find((f) => f.id === fileId);
  if (!file) throw DossierFileErrors.create('NOT_FOUND');
  return { file, bytes: await openStorage(ctx.config).get(file.sha256) };
}
