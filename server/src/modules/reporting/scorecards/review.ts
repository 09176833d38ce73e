import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { FieldError } from '../../../platform/errors.ts';
import type { Actor } from '../../identity/policy.ts';
import { assessmentScores, assessments } from '../schema.ts';
import { demand, indicatorsOf, loadSet } from './access.ts';
import { checkRange, findAssessment, matchIndicators, scoreRow, subjectOf } from './assessments.ts';
import { ScorecardErrors } from './errors.ts';

export type ReviewInput = {
  indicatorCode: string;
  /** null takes the DX office's score back: the agency's own (or the measured) one counts again. */
  reviewedScore: number | null;
  reviewNote?: string | null | undefined;
};

/** The DX office reviews a submitted assessment while the set is open (a closed set is read-only). */
async function reviewable(tx: Tx, actor: Actor, setId: string, agencyId: string) {
  demand(actor, 'dx.manage', agencyId);
  const set = await loadSet(tx, actor, setId, true);
  if (set.status === 'closed') throw ScorecardErrors.create('CLOSED');
  await subjectOf(tx, set, agencyId);
  const assessment = await findAssessment(tx, setId, agencyId, true);
  if (!assessment || assessment.status === 'draft') throw ScorecardErrors.create('NOT_SUBMITTED');
  return assessment;
}

/** Sets (or clears) the reviewed score and note of some indicators. */
export async function saveReview(
  database: Database,
  actor: Actor,
  setId: string,
  agencyId: string,
  items: ReviewInput[],
): Promise<void> {
  await inTransaction(database, async (tx) => {
    const assessment = await reviewable(tx, actor, setId, agencyId);
    const matched = matchIndicators(await indicatorsOf(tx, setId), items);
    const errors = matched
      .map(({ item, indicator, index }) =>
        checkRange(indicator, item.reviewedScore, `scores.${index}.reviewedScore`, 'review'),
      )
      .filter((e): e is FieldError => e !== null);
    if (errors.length) throw ScorecardErrors.create('SCORES_INVALID', undefined, errors);
    for (const { item, indicator } of matched) {
      const row = await scoreRow(tx, assessment.id, indicator.id);
      await tx
        .update(assessmentScores)
        .set({
          reviewedScore: item.reviewedScore,
          ...(item.reviewNote !== undefined ? { reviewNote: item.reviewNote?.trim() || null } : {}),
        })
        .where(eq(assessmentScores.id, row.id));
    }
  });
}

/** The review is done: the assessment enters the published ranking. */
export async function markReviewed(database: Database, actor: Actor, setId: string, agencyId: string) {
  await inTransaction(database, async (tx) => {
    const assessment = await reviewable(tx, actor, setId, agencyId);
    await tx
      .update(assessments)
      .set({ status: 'reviewed', reviewedAt: new Date(), reviewedBy: actor.personId })
      .where(eq(assessments.id, assessment.id));
  });
}
