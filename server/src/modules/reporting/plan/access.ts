/**
 * Who sees and does what in a plan, asked of the policy once here. The plan as a whole is the
 * `dx` resource with no agency (the DX office manages it, leaders read it); a task is the `dx`
 * resource of its lead agency (its leaders and specialists report on it).
 */

import { IdentityErrors } from '../../identity/errors.ts';
import type { Actor } from '../../identity/policy.ts';
import { can } from '../../identity/policy.ts';

export const PLAN = { type: 'dx', agencyId: null } as const;
export const taskResource = (leadAgencyId: string | null) => ({
  type: 'dx' as const,
  agencyId: leadAgencyId,
});

export const seesWholePlan = (actor: Actor) => can(actor, 'dx.view', PLAN);
export const managesPlans = (actor: Actor) => can(actor, 'dx.manage', PLAN);

/** A task is visible to whoever reads the whole plan, and to its lead agency's officials. */
export const seesTask = (actor: Actor, leadAgencyId: string | null) =>
  seesWholePlan(actor) || (leadAgencyId !== null && can(actor, 'dx.view', taskResource(leadAgencyId)));

export type TaskAction = 'report' | 'edit';
export function taskActions(actor: Actor, leadAgencyId: string | null): TaskAction[] {
  const out: TaskAction[] = [];
  if (leadAgencyId !== null && can(actor, 'dx.report', taskResource(leadAgencyId))) out.push('report');
  if (managesPlans(actor)) out.push('edit');
  return out;
}

export function demandManage(actor: Actor): void {
  if (!managesPlans(actor)) throw IdentityErrors.create('FORBIDDEN');
}
