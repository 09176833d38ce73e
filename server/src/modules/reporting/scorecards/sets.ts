import { and, desc, eq, lt, ne, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../identity/policy.ts';
import { assessments, scorecardIndicators, scorecardSets } from '../schema.ts';
import { KPI_MEASURES } from '../statistics/kpi-measures.ts';
import {
  demand,
  type Indicator,
  indicatorsOf,
  isDxViewer,
  loadSet,
  mayManage,
  type ScorecardSet,
  type SetStatus,
  type SubjectKind,
} from './access.ts';
import { ScorecardErrors } from './errors.ts';

export type IndicatorInput = {
  pillar: string;
  code: string;
  name: string;
  maxPoints: number;
  evidenceRequired: string | null;
  measure: string | null;
};

export type SetInput = {
  code: string;
  year: number;
  name: string;
  subjectKind: SubjectKind;
  indicators: IndicatorInput[];
};

/** Codes must be unique in a set (they carry the year-over-year comparison); measures must exist. */
function checkIndicators(indicators: IndicatorInput[]) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const known: readonly string[] = KPI_MEASURES;
  indicators.forEach((ind, i) => {
    if (seen.has(ind.code))
      errors.push({
        field: `indicators.${i}.code`,
        vi: `Mã chỉ tiêu “${ind.code}” bị trùng.`,
        en: `The indicator code “${ind.code}” is used twice.`,
      });
    seen.add(ind.code);
    if (ind.measure !== null && !known.includes(ind.measure))
      errors.push({
        field: `indicators.${i}.measure`,
        vi: `Chỉ tiêu ${ind.code}: không có phép đo “${ind.measure}” (có: ${known.join(', ')}).`,
        en: `Indicator ${ind.code}: no measure “${ind.measure}” (known: ${known.join(', ')}).`,
      });
  });
  if (errors.length) throw ScorecardErrors.create('INDICATORS_INVALID', undefined, errors);
}

async function insertIndicators(tx: Tx, setId: string, indicators: IndicatorInput[]) {
  if (!indicators.length) return;
  await tx.insert(scorecardIndicators).values(
    indicators.map((ind, position) => ({
      id: newId(),
      setId,
      pillar: ind.pillar.trim(),
      code: ind.code.trim(),
      name: ind.name.trim(),
      maxPoints: ind.maxPoints,
      evidenceRequired: ind.evidenceRequired?.trim() || null,
      measure: ind.measure,
      position,
    })),
  );
}

async function refuseDuplicate(tx: Tx, code: string, year: number) {
  const [dup] = await tx
    .select({ id: scorecardSets.id })
    .from(scorecardSets)
    .where(and(eq(scorecardSets.code, code), eq(scorecardSets.year, year)));
  if (dup)
    throw ScorecardErrors.create(
      'SET_EXISTS',
      {
        vi: `Đã có bộ chỉ số mã ${code} năm ${year}.`,
        en: `There is already a set ${code} for ${year}.`,
      },
      [{ field: 'year', vi: `Năm ${year} đã có bộ chỉ số ${code}.`, en: `${year} already has set ${code}.` }],
    );
}

/** The DX office defines a new set, as a draft. */
export async function createSet(database: Database, actor: Actor, input: SetInput): Promise<ScorecardSet> {
  demand(actor, 'dx.manage', null);
  checkIndicators(input.indicators);
  return inTransaction(database, async (tx) => {
    await refuseDuplicate(tx, input.code, input.year);
    const [set] = await tx
      .insert(scorecardSets)
      .values({
        id: newId(),
        code: input.code.trim(),
        year: input.year,
        name: input.name.trim(),
        subjectKind: input.subjectKind,
        status: 'draft',
        createdAt: new Date(),
      })
      .returning();
    await insertIndicators(tx, set!.id, input.indicators);
    return set!;
  });
}

/** Replaces a draft set's indicators (and may rename it). Nobody has scored a draft, so nothing is lost. */
export async function updateDraft(
  database: Database,
  actor: Actor,
  setId: string,
  input: { name?: string | undefined; indicators: IndicatorInput[] },
): Promise<ScorecardSet> {
  demand(actor, 'dx.manage', null);
  checkIndicators(input.indicators);
  return inTransaction(database, async (tx) => {
    const set = await loadSet(tx, actor, setId, true);
    if (set.status !== 'draft') throw ScorecardErrors.create('NOT_DRAFT');
    await tx.delete(scorecardIndicators).where(eq(scorecardIndicators.setId, setId));
    await insertIndicators(tx, setId, input.indicators);
    if (input.name?.trim()) {
      const [renamed] = await tx
        .update(scorecardSets)
        .set({ name: input.name.trim() })
        .where(eq(scorecardSets.id, setId))
        .returning();
      return renamed!;
    }
    return set;
  });
}

// draft → open (agencies self-assess) → closed (read-only); a closed set may be reopened to fix a slip.
const TRANSITIONS: Record<SetStatus, readonly SetStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open'],
};

export async function changeStatus(
  database: Database,
  actor: Actor,
  setId: string,
  status: SetStatus,
): Promise<ScorecardSet> {
  demand(actor, 'dx.manage', null);
  return inTransaction(database, async (tx) => {
    const set = await loadSet(tx, actor, setId, true);
    const from = set.status as SetStatus;
    if (!TRANSITIONS[from]?.includes(status))
      throw ScorecardErrors.create('BAD_TRANSITION', {
        vi: `Không chuyển được từ “${from}” sang “${status}”.`,
        en: `Cannot go from “${from}” to “${status}”.`,
      });
    if (status === 'open') {
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(scorecardIndicators)
        .where(eq(scorecardIndicators.setId, setId));
      if (!count?.n)
        throw ScorecardErrors.create('INDICATORS_INVALID', {
          vi: 'Bộ chỉ số chưa có chỉ tiêu nào.',
          en: 'The set has no indicators yet.',
        });
    }
    const [updated] = await tx
      .update(scorecardSets)
      .set({ status })
      .where(eq(scorecardSets.id, setId))
      .returning();
    return updated!;
  });
}

/** Next year's set starts as a copy of this one: same code, same indicator codes, as a draft. */
export async function copySet(
  database: Database,
  actor: Actor,
  setId: string,
  input: { year: number; name?: string | undefined },
): Promise<ScorecardSet> {
  demand(actor, 'dx.manage', null);
  return inTransaction(database, async (tx) => {
    const source = await loadSet(tx, actor, setId);
    await refuseDuplicate(tx, source.code, input.year);
    const indicators = await indicatorsOf(tx, setId);
    const name =
      input.name?.trim() ||
      (source.name.includes(String(source.year))
        ? source.name.replaceAll(String(source.year), String(input.year))
        : source.name);
    const [set] = await tx
      .insert(scorecardSets)
      .values({
        id: newId(),
        code: source.code,
        year: input.year,
        name,
        subjectKind: source.subjectKind,
        status: 'draft',
        createdAt: new Date(),
      })
      .returning();
    await insertIndicators(tx, set!.id, indicators);
    return set!;
  });
}

export type SetSummary = ScorecardSet & {
  indicatorCount: number;
  maxTotal: number;
  submitted: number;
  reviewed: number;
};

/** The sets the caller may see (drafts only for the DX office), newest year first. */
export async function listSets(database: Database, actor: Actor): Promise<SetSummary[]> {
  if (!isDxViewer(actor)) demand(actor, 'dx.view', null);
  const manage = mayManage(actor);
  const rows = await database.db
    .select({
      set: scorecardSets,
      indicatorCount: sql<number>`(SELECT count(*)::int FROM ${scorecardIndicators} i WHERE i.set_id = ${scorecardSets.id})`,
      maxTotal: sql<number>`(SELECT coalesce(sum(i.max_points), 0)::float8 FROM ${scorecardIndicators} i WHERE i.set_id = ${scorecardSets.id})`,
      submitted: sql<number>`(SELECT count(*)::int FROM ${assessments} a WHERE a.set_id = ${scorecardSets.id} AND a.status <> 'draft')`,
      reviewed: sql<number>`(SELECT count(*)::int FROM ${assessments} a WHERE a.set_id = ${scorecardSets.id} AND a.status = 'reviewed')`,
    })
    .from(scorecardSets)
    .where(manage ? undefined : ne(scorecardSets.status, 'draft'))
    .orderBy(desc(scorecardSets.year), scorecardSets.code);
  return rows.map((r) => ({
    ...r.set,
    indicatorCount: Number(r.indicatorCount),
    maxTotal: Number(r.maxTotal),
    submitted: Number(r.submitted),
    reviewed: Number(r.reviewed),
  }));
}

/** Last year's set of the same code (the latest earlier one that was opened), for comparison. */
export async function previousSet(db: Db | Tx, set: ScorecardSet): Promise<ScorecardSet | null> {
  const [prev] = await db
    .select()
    .from(scorecardSets)
    .where(
      and(
        eq(scorecardSets.code, set.code),
        lt(scorecardSets.year, set.year),
        ne(scorecardSets.status, 'draft'),
      ),
    )
    .orderBy(desc(scorecardSets.year))
    .limit(1);
  return prev ?? null;
}

export type { Indicator };
