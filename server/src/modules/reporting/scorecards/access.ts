import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/engine.ts';
import { type Agency, type AgencyQuery, listAgencies } from '../../identity/agencies.ts';
import { IdentityErrors } from '../../identity/errors.ts';
import { type Action, type Actor, can } from '../../identity/policy.ts';
import { scorecardIndicators, scorecardSets } from '../schema.ts';
import { ScorecardErrors } from './errors.ts';

export type ScorecardSet = typeof scorecardSets.$inferSelect;
export type Indicator = typeof scorecardIndicators.$inferSelect;
export type SubjectKind = 'department' | 'commune';
export type SetStatus = 'draft' | 'open' | 'closed';

/**
 * The agency kinds each subject kind covers: "sở, ban, ngành" are the departments plus the
 * bodies ranked beside them (the inspectorate, the committee's office); communes are assessed
 * through their People's Committee, never their one-stop desk.
 */
export const SUBJECT_AGENCY_KINDS = {
  department: ['department', 'inspectorate', 'committee_office'],
  commune: ['commune_committee'],
} as const satisfies Record<SubjectKind, readonly string[]>;

export const dx = (agencyId: string | null) => ({ type: 'dx' as const, agencyId });

/** The DX office's rights over the whole programme: define sets, review everyone. */
export const mayManage = (actor: Actor) => can(actor, 'dx.manage', dx(null));

/** Officials who take part in DX work at all: they may list the sets and read published rankings. */
export function isDxViewer(actor: Actor): boolean {
  return can(actor, 'dx.view', dx(null)) || actor.grants.some((g) => can(actor, 'dx.view', dx(g.agencyId)));
}

export function demand(actor: Actor, action: Action, agencyId: string | null) {
  if (!can(actor, action, dx(agencyId))) throw IdentityErrors.create('FORBIDDEN');
}

/** The agencies a set assesses, in the organisation's order. */
export async function subjectAgencies(db: Db | Tx, kind: string): Promise<Agency[]> {
  const kinds: readonly string[] = SUBJECT_AGENCY_KINDS[kind as SubjectKind] ?? [];
  const lists = await Promise.all(
    kinds.map((k) => listAgencies(db as Db, { kind: k as AgencyQuery['kind'], limit: 5000, offset: 0 })),
  );
  return lists.flatMap((l) => l.items);
}

/**
 * A set as the caller may see it: drafts are the DX office's work in progress, so anyone else is
 * told there is no such set.
 */
export async function loadSet(db: Db | Tx, actor: Actor, setId: string, lock = false): Promise<ScorecardSet> {
  const query = db.select().from(scorecardSets).where(eq(scorecardSets.id, setId));
  const [set] = lock ? await query.for('update') : await query;
  if (!set || (set.status === 'draft' && !mayManage(actor))) throw ScorecardErrors.create('SET_NOT_FOUND');
  return set;
}

export async function indicatorsOf(db: Db | Tx, setId: string): Promise<Indicator[]> {
  return db
    .select()
    .from(scorecardIndicators)
    .where(eq(scorecardIndicators.setId, setId))
    .orderBy(asc(scorecardIndicators.position));
}

export const round = (n: number, places: number) => {
  const f = 10 ** places;
  return Math.round(n * f) / f;
};
