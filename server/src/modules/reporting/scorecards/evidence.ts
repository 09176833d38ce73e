import { and, eq } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import type { Database, Tx } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { openStorage } from '../../../platform/storage/index.ts';
import type { Actor } from '../../identity/policy.ts';
import { checkEvidenceFile, megabytes } from '../evidence-file.ts';
import { assessmentScores, type Evidence, scorecardIndicators } from '../schema.ts';
import { demand, loadSet } from './access.ts';
import { editableAssessment, findAssessment, scoreRow } from './assessments.ts';
import { ScorecardErrors } from './errors.ts';

export type EvidenceContext = { database: Database; config: Config };

async function indicatorByCode(tx: Tx, setId: string, code: string) {
  const [indicator] = await tx
    .select()
    .from(scorecardIndicators)
    .where(and(eq(scorecardIndicators.setId, setId), eq(scorecardIndicators.code, code)));
  if (!indicator)
    throw ScorecardErrors.create('INDICATOR_NOT_FOUND', undefined, [
      { field: 'indicator', vi: `Không có chỉ tiêu mã “${code}”.`, en: `No indicator “${code}”.` },
    ]);
  return indicator;
}

/**
 * Attaches a proof file to one indicator of the agency's draft self-assessment. As with dossier
 * files, the bytes decide the type (a renamed program is refused) and the content is stored under
 * its SHA-256 before the row points at it.
 */
export async function addEvidence(
  ctx: EvidenceContext,
  actor: Actor,
  setId: string,
  agencyId: string,
  input: { indicator: string; fileName: string; bytes: Buffer },
): Promise<Evidence> {
  demand(actor, 'dx.report', agencyId);
  const { bytes } = input;
  const check = checkEvidenceFile(bytes, input.fileName, ctx.config.FILE_MAX_MB);
  if (!check.ok) {
    if (check.problem === 'empty') throw ScorecardErrors.create('EVIDENCE_EMPTY');
    if (check.problem === 'too_large')
      throw ScorecardErrors.create('EVIDENCE_TOO_LARGE', {
        vi: `Tệp ${megabytes(bytes.length)}, vượt giới hạn ${ctx.config.FILE_MAX_MB} MB mỗi tệp.`,
        en: `The file is ${megabytes(bytes.length)}, over the limit of ${ctx.config.FILE_MAX_MB} MB per file.`,
      });
    throw ScorecardErrors.create(
      'EVIDENCE_TYPE',
      check.actually
        ? {
            vi: `Tệp “${input.fileName}” thực chất là ${check.actually.vi}, không phải PDF, JPEG hay PNG.`,
            en: `The file “${input.fileName}” is really ${check.actually.en}, not a PDF, JPEG or PNG.`,
          }
        : undefined,
      [{ field: 'file', vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.', en: 'Only PDF, JPEG or PNG.' }],
    );
  }
  const evidence = check.evidence;
  const { sha256 } = evidence;
  // Stored first: a row never points at missing content; an unreferenced blob is harmless.
  await openStorage(ctx.config).put(bytes);
  return inTransaction(ctx.database, async (tx) => {
    const { assessment } = await editableAssessment(tx, actor, setId, agencyId);
    const indicator = await indicatorByCode(tx, setId, input.indicator);
    const row = await scoreRow(tx, assessment.id, indicator.id);
    // The same content twice is one proof.
    const kept = row.evidence.filter((e) => e.sha256 !== sha256);
    await tx
      .update(assessmentScores)
      .set({ evidence: [...kept, evidence] })
      .where(eq(assessmentScores.id, row.id));
    return evidence;
  });
}

export async function removeEvidence(
  ctx: EvidenceContext,
  actor: Actor,
  setId: string,
  agencyId: string,
  indicatorCode: string,
  sha256: string,
): Promise<void> {
  await inTransaction(ctx.database, async (tx) => {
    const { assessment } = await editableAssessment(tx, actor, setId, agencyId);
    const indicator = await indicatorByCode(tx, setId, indicatorCode);
    const row = await scoreRow(tx, assessment.id, indicator.id);
    if (!row.evidence.some((e) => e.sha256 === sha256)) throw ScorecardErrors.create('EVIDENCE_NOT_FOUND');
    await tx
      .update(assessmentScores)
      .set({ evidence: row.evidence.filter((e) => e.sha256 !== sha256) })
      .where(eq(assessmentScores.id, row.id));
  });
}

/** A proof file, for whoever may read the assessment (its agency and the DX office). */
export async function readEvidence(
  ctx: EvidenceContext,
  actor: Actor,
  setId: string,
  agencyId: string,
  indicatorCode: string,
  sha256: string,
): Promise<{ evidence: Evidence; bytes: Buffer }> {
  demand(actor, 'dx.view', agencyId);
  const { db } = ctx.database;
  await loadSet(db, actor, setId);
  const assessment = await findAssessment(db, setId, agencyId);
  const [indicator] = await db
    .select()
    .from(scorecardIndicators)
    .where(and(eq(scorecardIndicators.setId, setId), eq(scorecardIndicators.code, indicatorCode)));
  if (!assessment || !indicator) throw ScorecardErrors.create('EVIDENCE_NOT_FOUND');
  const [row] = await db
    .select()
    .from(assessmentScores)
    .where(
      and(eq(assessmentScores.assessmentId, assessment.id), eq(assessmentScores.indicatorId, indicator.id)),
    );
  const evidence = row?.evidence.find((e) => e.sha256 === sha256);
  if (!evidence) throw ScorecardErrors.create('EVIDENCE_NOT_FOUND');
  return { evidence, bytes: await openStorage(ctx.config).get(sha256) };
}
