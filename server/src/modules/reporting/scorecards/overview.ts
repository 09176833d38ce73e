import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import type { Agency } from '../../identity/agencies.ts';
import { type Actor, can } from '../../identity/policy.ts';
import { assessments } from '../schema.ts';
import { demand, dx, isDxViewer, loadSet, mayManage, type ScorecardSet, subjectAgencies } from './access.ts';

export type AssessmentSummary = {
  agency: Agency;
  status: 'draft' | 'submitted' | 'reviewed';
  submittedAt: Date | null;
  reviewedAt: Date | null;
  /** The caller may fill in this agency's self-assessment. */
  mayReport: boolean;
};

export type SetActions = ('edit' | 'open' | 'close' | 'reopen' | 'copy')[];

/** What the DX office may do with the set as a whole. */
export function setActions(actor: Actor, set: ScorecardSet): SetActions {
  if (!mayManage(actor)) return [];
  const byStatus: Record<string, SetActions> = {
    draft: ['edit', 'open', 'copy'],
    open: ['close', 'copy'],
    closed: ['reopen', 'copy'],
  };
  return byStatus[set.status] ?? [];
}

/**
 * The assessments of a set the caller may open: every subject agency for the DX office (its
 * follow-up and review list), the caller's own agencies for everyone else.
 */
export async function listAssessments(
  database: Database,
  actor: Actor,
  setId: string,
): Promise<{ set: ScorecardSet; items: AssessmentSummary[] }> {
  if (!isDxViewer(actor)) demand(actor, 'dx.view', null);
  const { db } = database;
  const set = await loadSet(db, actor, setId);
  const agencies = (await subjectAgencies(db, set.subjectKind)).filter((a) =>
    can(actor, 'dx.view', dx(a.id)),
  );
  const rows = await db.select().from(assessments).where(eq(assessments.setId, setId));
  const byAgency = new Map(rows.map((r) => [r.agencyId, r]));
  return {
    set,
    items: agencies.map((agency) => {
      const row = byAgency.get(agency.id);
      return {
        agency,
        status: (row?.status ?? 'draft') as AssessmentSummary['status'],
        submittedAt: row?.submittedAt ?? null,
        reviewedAt: row?.reviewedAt ?? null,
        mayReport: can(actor, 'dx.report', dx(agency.id)),
      };
    }),
  };
}
