import { type Me, type Role, roles } from '../../app/auth';
import type { Agency } from './agencies/api';

/**
 * What the signed-in person may administer, read from their roles. The server decides again on
 * every call (the policy in identity/policy.ts); this only keeps the page from offering what would
 * be refused.
 */
export interface AdminAccess {
  /** `system_admin`: the whole platform. */
  system: boolean;
  /** Codes of the agencies where the person is `agency_admin`. */
  agencyAdminCodes: string[];
}

export function adminAccess(me: Me): AdminAccess {
  return {
    system: me.roles.some((r) => r.role === 'system_admin'),
    agencyAdminCodes: [
      ...new Set(me.roles.filter((r) => r.role === 'agency_admin').map((r) => r.agencyCode)),
    ],
  };
}

export const mayAdminister = (access: AdminAccess) => access.system || access.agencyAdminCodes.length > 0;

/**
 * Kinds that are authorities of their own: an admin of a parent does not reach into them. The same
 * list as the server's `SEPARATE_AUTHORITIES` (identity/roles.ts), which computes the real scope.
 */
const SEPARATE_AUTHORITIES = new Set([
  'provincial_committee',
  'department',
  'inspectorate',
  'commune_committee',
]);

/**
 * The agencies whose staff the person manages: all of them for a system admin; for an agency admin,
 * their agencies and the units below that act in their name (a commune committee's one-stop desk).
 */
export function managedAgencies(access: AdminAccess, agencies: readonly Agency[]): Agency[] {
  if (access.system) return [...agencies];
  const children = new Map<string, Agency[]>();
  for (const a of agencies) {
    if (a.parentCode && !SEPARATE_AUTHORITIES.has(a.kind))
      children.set(a.parentCode, [...(children.get(a.parentCode) ?? []), a]);
  }
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const out = new Map<string, Agency>();
  const visit = (code: string) => {
    const agency = byCode.get(code);
    if (!agency || out.has(code)) return;
    out.set(code, agency);
    for (const child of children.get(code) ?? []) visit(child.code);
  };
  for (const code of access.agencyAdminCodes) visit(code);
  return [...out.values()];
}

/**
 * Roles an admin may hand out. The server lets anyone who manages an agency's staff grant any role
 * there; an agency admin is kept to the roles of the agency's own work, because a system or
 * digital-transformation role reaches the whole province.
 */
export function grantableRoles(access: AdminAccess): readonly Role[] {
  return access.system ? roles : AGENCY_ROLES;
}

const AGENCY_ROLES: readonly Role[] = ['counter_officer', 'specialist', 'leader', 'agency_admin'];
