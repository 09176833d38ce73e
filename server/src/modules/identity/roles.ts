import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { LocalizedText } from '../../platform/localized.ts';
import { IdentityErrors } from './errors.ts';
import { type Actor, ROLES, type Role, type RoleGrant } from './policy.ts';
import { agencies, roleAssignments } from './schema.ts';

export type RoleView = { agencyId: string; agencyCode: string; agencyName: LocalizedText; role: Role };

/** Agency kinds whose leaders steer the whole province (province-wide statistics). */
const PROVINCE_WIDE_KINDS = new Set(['provincial_committee', 'committee_office']);

type AgencyNode = { id: string; parentId: string | null; kind: string };

/**
 * Kinds that are authorities of their own: a role in a parent agency does not reach into them
 * (a provincial leader does not approve a department's or a commune's dossiers).
 */
const SEPARATE_AUTHORITIES = new Set([
  'provincial_committee',
  'department',
  'inspectorate',
  'commune_committee',
]);

/** Each agency's id with the ids of the units below it that act in its name (office, service centre, desk). */
function scopes(nodes: AgencyNode[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId && !SEPARATE_AUTHORITIES.has(n.kind))
      children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  }
  const out = new Map<string, Set<string>>();
  const collect = (id: string): Set<string> => {
    const known = out.get(id);
    if (known) return known;
    const set = new Set([id]);
    for (const c of children.get(id) ?? []) for (const x of collect(c)) set.add(x);
    out.set(id, set);
    return set;
  };
  for (const n of nodes) collect(n.id);
  return out;
}

export async function rolesOf(db: Db | Tx, personId: string): Promise<RoleView[]> {
  const rows = await db
    .select({
      agencyId: agencies.id,
      agencyCode: agencies.code,
      agencyName: agencies.name,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(eq(roleAssignments.personId, personId))
    .orderBy(asc(agencies.sortOrder), asc(roleAssignments.role));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** An agency with the units that act in its name: what its statistics and rights cover. */
export async function agencyScope(db: Db | Tx, agencyId: string): Promise<string[]> {
  const nodes = await db
    .select({ id: agencies.id, parentId: agencies.parentId, kind: agencies.kind })
    .from(agencies);
  return [...(scopes(nodes).get(agencyId) ?? [])];
}

/** The signed-in person as the policy sees them: each role with the agencies it reaches. */
export async function loadActor(db: Db | Tx, personId: string): Promise<Actor> {
  const held = await db
    .select({ agencyId: roleAssignments.agencyId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(eq(roleAssignments.personId, personId));
  if (held.length === 0) return { personId, grants: [] };
  const nodes = await db
    .select({ id: agencies.id, parentId: agencies.parentId, kind: agencies.kind })
    .from(agencies);
  const scopeOf = scopes(nodes);
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  const grants: RoleGrant[] = held.map((h) => ({
    role: h.role as Role,
    agencyId: h.agencyId,
    scope: scopeOf.get(h.agencyId) ?? new Set([h.agencyId]),
    provinceWide: PROVINCE_WIDE_KINDS.has(kindOf.get(h.agencyId) ?? ''),
  }));
  return { personId, grants };
}

export function parseRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw IdentityErrors.create('INVALID_INPUT', undefined, [
      {
        field: 'role',
        vi: `Vai trò phải là một trong: ${ROLES.join(', ')}.`,
        en: `The role must be one of: ${ROLES.join(', ')}.`,
      },
    ]);
  }
  return role as Role;
}

export async function findAgencyByCode(db: Db | Tx, code: string) {
  const [agency] = await db.select().from(agencies).where(eq(agencies.code, code));
  if (!agency) throw IdentityErrors.create('AGENCY_NOT_FOUND');
  return agency;
}

export async function grantRole(
  tx: Tx,
  personId: string,
  agencyId: string,
  role: Role,
  actorId: string | null,
  ip: string | null,
) {
  const inserted = await tx
    .insert(roleAssignments)
    .values({ id: newId(), personId, agencyId, role })
    .onConflictDoNothing()
    .returning({ id: roleAssignments.id });
  if (inserted.length) {
    await appendAudit(tx, {
      actorId,
      action: 'role.granted',
      subjectType: 'person',
      subjectId: personId,
      ip,
      details: { agencyId, role },
    });
  }
}

export async function revokeRole(
  tx: Tx,
  personId: string,
  agencyId: string,
  role: Role,
  actorId: string | null,
  ip: string | null,
) {
  const removed = await tx
    .delete(roleAssignments)
    .where(
      and(
        eq(roleAssignments.personId, personId),
        eq(roleAssignments.agencyId, agencyId),
        eq(roleAssignments.role, role),
      ),
    )
    .returning({ id: roleAssignments.id });
  if (removed.length) {
    await appendAudit(tx, {
      actorId,
      action: 'role.revoked',
      subjectType: 'person',
      subjectId: personId,
      ip,
      details: { agencyId, role },
    });
  }
}
