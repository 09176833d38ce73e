import { and, eq } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Agency } from '../../identity/agencies.ts';
import { type Actor, can } from '../../identity/policy.ts';
import { assessmentScores, assessments } from '../schema.ts';
import { measureKpi } from '../statistics/kpi-measures.ts';
import {
  demand,
  dx,
  type Indicator,
  indicatorsOf,
  loadSet,
  round,
  type ScorecardSet,
  subjectAgencies,
} from './access.ts';
import { ScorecardErrors } from './errors.ts';

export type Assessment = typeof assessments.$inferSelect;
export type ScoreRow = typeof assessmentScores.$inferSelect;
export type AssessmentAction = 'edit' | 'submit' | 'review';

export type ScoreLine = {
  indicator: Indicator;
  selfScore: number | null;
  explanation: string | null;
  evidence: ScoreRow['evidence'];
  /** The platform's figure for a measured indicator (rate × max), null when none. */
  measuredScore: number | null;
  reviewedScore: number | null;
  reviewNote: string | null;
  /** What counts: reviewed ?? self ?? measured (0 when none). */
  score: number;
};

export type AssessmentView = {
  set: ScorecardSet;
  agency: Agency;
  assessment: Assessment | null;
  lines: ScoreLine[];
  total: number;
  maxTotal: number;
  actions: AssessmentAction[];
};

/** What counts for an indicator: the DX office's score once set, else the agency's, else the platform's. */
export const countedScore = (reviewed: number | null, self: number | null, measured: number | null) =>
  reviewed ?? self ?? measured ?? 0;

/** The platform's score for a measured indicator: its rate for the set's year and agency × max. */
export async function measuredScore(
  database: Database,
  indicator: Indicator,
  year: number,
  agencyId: string,
): Promise<number | null> {
  if (!indicator.measure) return null;
  const rate = await measureKpi(database, indicator.measure, year, agencyId);
  if (rate === null || !Number.isFinite(rate)) return null;
  return round(Math.min(1, Math.max(0, rate)) * indicator.maxPoints, 3);
}

export async function subjectOf(db: Db | Tx, set: ScorecardSet, agencyId: string): Promise<Agency> {
  const agency = (await subjectAgencies(db, set.subjectKind)).find((a) => a.id === agencyId);
  if (!agency) throw ScorecardErrors.create('NOT_SUBJECT');
  return agency;
}

async function findAssessment(db: Db | Tx, setId: string, agencyId: string, lock = false) {
  const query = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.setId, setId), eq(assessments.agencyId, agencyId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * One agency's assessment with every indicator's line. Its own leaders and specialists and the DX
 * office see it at any time; other agencies never do (they see the ranking once it is reviewed).
 */
export async function viewAssessment(
  database: Database,
  actor: Actor,
  setId: string,
  agencyId: string,
): Promise<AssessmentView> {
  demand(actor, 'dx.view', agencyId);
  const { db } = database;
  const set = await loadSet(db, actor, setId);
  const agency = await subjectOf(db, set, agencyId);
  const indicators = await indicatorsOf(db, setId);
  const assessment = await findAssessment(db, setId, agencyId);
  const rows = assessment
    ? await db.select().from(assessmentScores).where(eq(assessmentScores.assessmentId, assessment.id))
    : [];
  const byIndicator = new Map(rows.map((r) => [r.indicatorId, r]));
  const lines: ScoreLine[] = [];
  for (const indicator of indicators) {
    const row = byIndicator.get(indicator.id);
    const measured = await measuredScore(database, indicator, set.year, agencyId);
    lines.push({
      indicator,
      selfScore: row?.selfScore ?? null,
      explanation: row?.explanation ?? null,
      evidence: row?.evidence ?? [],
      measuredScore: measured,
      reviewedScore: row?.reviewedScore ?? null,
      reviewNote: row?.reviewNote ?? null,
      score: countedScore(row?.reviewedScore ?? null, row?.selfScore ?? null, measured),
    });
  }
  const status = assessment?.status ?? 'draft';
  const actions: AssessmentAction[] = [];
  if (set.status === 'open' && status === 'draft' && can(actor, 'dx.report', dx(agencyId)))
    actions.push('edit', 'submit');
  if (set.status === 'open' && status !== 'draft' && can(actor, 'dx.manage', dx(agencyId)))
    actions.push('review');
  return {
    set,
    agency,
    assessment,
    lines,
    total: round(
      lines.reduce((s, l) => s + l.score, 0),
      2,
    ),
    maxTotal: round(
      indicators.reduce((s, i) => s + i.maxPoints, 0),
      2,
    ),
    actions,
  };
}

/**
 * The agency's assessment row, made on first use, locked for this transaction. Only an open set
 * takes self-assessments, and only until they are submitted.
 */
async function editableAssessment(tx: Tx, actor: Actor, setId: string, agencyId: string) {
  demand(actor, 'dx.report', agencyId);
  const set = await loadSet(tx, actor, setId, true);
  if (set.status === 'closed') throw ScorecardErrors.create('CLOSED');
  if (set.status !== 'open') throw ScorecardErrors.create('NOT_OPEN');
  await subjectOf(tx, set, agencyId);
  await tx
    .insert(assessments)
    .values({ id: newId(), setId, agencyId, status: 'draft' })
    .onConflictDoNothing();
  const assessment = (await findAssessment(tx, setId, agencyId, true))!;
  if (assessment.status !== 'draft') throw ScorecardErrors.create('ALREADY_SUBMITTED');
  return { set, assessment };
}

/** An indicator's score row, made on first use. */
async function scoreRow(tx: Tx, assessmentId: string, indicatorId: string): Promise<ScoreRow> {
  await tx
    .insert(assessmentScores)
    .values({ id: newId(), assessmentId, indicatorId, evidence: [] })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(assessmentScores)
    .where(
      and(eq(assessmentScores.assessmentId, assessmentId), eq(assessmentScores.indicatorId, indicatorId)),
    )
    .for('update');
  return row!;
}

export type SelfScoreInput = {
  indicatorCode: string;
  selfScore: number | null;
  explanation?: string | null | undefined;
};

const label = (i: Indicator) => `${i.code} “${i.name}”`;

/** Finds each input's indicator, or says which entry names none (field `scores.N.indicatorCode`). */
export function matchIndicators<T extends { indicatorCode: string }>(
  indicators: Indicator[],
  items: T[],
): { item: T; indicator: Indicator; index: number }[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const errors: FieldError[] = [];
  const matched = items.flatMap((item, index) => {
    const indicator = byCode.get(item.indicatorCode);
    if (indicator) return [{ item, indicator, index }];
    errors.push({
      field: `scores.${index}.indicatorCode`,
      vi: `Bộ chỉ số không có chỉ tiêu mã “${item.indicatorCode}”.`,
      en: `The set has no indicator “${item.indicatorCode}”.`,
    });
    return [];
  });
  if (errors.length) throw ScorecardErrors.create('INDICATOR_NOT_FOUND', undefined, errors);
  return matched;
}

/** A score must lie in 0..max of its indicator; the message names the indicator. */
export function checkRange(
  indicator: Indicator,
  value: number | null,
  field: string,
  who: 'self' | 'review',
): FieldError | null {
  if (value === null) return null;
  if (value >= 0 && value <= indicator.maxPoints) return null;
  const what =
    who === 'self'
      ? { vi: 'Điểm tự chấm', en: 'The self-assessed score' }
      : { vi: 'Điểm thẩm định', en: 'The reviewed score' };
  return {
    field,
    vi: `Chỉ tiêu ${label(indicator)}: ${what.vi} phải từ 0 đến ${indicator.maxPoints} (đã nhập ${value}).`,
    en: `Indicator ${label(indicator)}: ${what.en} must be from 0 to ${indicator.maxPoints} (got ${value}).`,
  };
}

/** Saves some of the agency's scores and explanations (a draft: it may come back and change them). */
export async function saveSelfScores(
  database: Database,
  actor: Actor,
  setId: string,
  agencyId: string,
  items: SelfScoreInput[],
): Promise<void> {
  await inTransaction(database, async (tx) => {
    const { assessment } = await editableAssessment(tx, actor, setId, agencyId);
    const matched = matchIndicators(await indicatorsOf(tx, setId), items);
    const errors: FieldError[] = [];
    for (const { item, indicator, index } of matched) {
      if (indicator.measure && item.selfScore !== null)
        errors.push({
          field: `scores.${index}.selfScore`,
          vi: `Chỉ tiêu ${label(indicator)} được đo tự động từ dữ liệu nền tảng, không tự chấm.`,
          en: `Indicator ${label(indicator)} is measured from platform data, not self-scored.`,
        });
      const range = checkRange(indicator, item.selfScore, `scores.${index}.selfScore`, 'self');
      if (range) errors.push(range);
    }
    if (errors.length) throw ScorecardErrors.create('SCORES_INVALID', undefined, errors);
    for (const { item, indicator } of matched) {
      const row = await scoreRow(tx, assessment.id, indicator.id);
      await tx
        .update(assessmentScores)
        .set({
          selfScore: item.selfScore,
          ...(item.explanation !== undefined ? { explanation: item.explanation?.trim() || null } : {}),
        })
        .where(eq(assessmentScores.id, row.id));
    }
  });
}

/**
 * Sends the self-assessment to the DX office. Every hand-scored indicator needs a score, and an
 * indicator that asks for proof needs a file once it claims any points (nothing to prove for 0).
 */
export async function submitAssessment(
  database: Database,
  actor: Actor,
  setId: string,
  agencyId: string,
): Promise<void> {
  await inTransaction(database, async (tx) => {
    const { assessment } = await editableAssessment(tx, actor, setId, agencyId);
    const indicators = await indicatorsOf(tx, setId);
    const rows = await tx
      .select()
      .from(assessmentScores)
      .where(eq(assessmentScores.assessmentId, assessment.id));
    const byIndicator = new Map(rows.map((r) => [r.indicatorId, r]));
    const errors: FieldError[] = [];
    for (const indicator of indicators) {
      const row = byIndicator.get(indicator.id);
      if (!indicator.measure && (row?.selfScore ?? null) === null)
        errors.push({
          field: `indicators.${indicator.code}.selfScore`,
          vi: `Chỉ tiêu ${label(indicator)} chưa được chấm điểm.`,
          en: `Indicator ${label(indicator)} has no score yet.`,
        });
      const claims = (row?.selfScore ?? 0) > 0;
      if (indicator.evidenceRequired && claims && !row?.evidence.length)
        errors.push({
          field: `indicators.${indicator.code}.evidence`,
          vi: `Chỉ tiêu ${label(indicator)} cần minh chứng: ${indicator.evidenceRequired}.`,
          en: `Indicator ${label(indicator)} needs evidence: ${indicator.evidenceRequired}.`,
        });
    }
    if (errors.length)
      throw ScorecardErrors.create(
        'INCOMPLETE',
        {
          vi: `Chưa gửi được: ${errors.map((e) => e.vi).join(' ')}`,
          en: `Not submitted: ${errors.map((e) => e.en).join(' ')}`,
        },
        errors,
      );
    await tx
      .update(assessments)
      .set({ status: 'submitted', submittedAt: new Date() })
      .where(eq(assessments.id, assessment.id));
  });
}

export { editableAssessment, findAssessment, scoreRow };
