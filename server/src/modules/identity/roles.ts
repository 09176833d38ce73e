import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { LocalizedText } from '../../platform/localized.ts';
import { IdentityErrors } from './errors.ts';
import { type AccountRecord, type Actor, ROLES, type Role, type RoleGrant } from './policy.ts';
import { agencies, persons, roleAssignments } from './schema.ts';
import { personChanged } from './sessions.ts';

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

/** A person's account as the policy's account administration sees it. */
export async function accountRecord(db: Db | Tx, personId: string): Promise<AccountRecord> {
  const [person] = await db.select({ status: persons.status }).from(persons).where(eq(persons.id, personId));
  if (!person) throw IdentityErrors.create('PERSON_NOT_FOUND');
  const roles = await db
    .select({ role: roleAssignments.role, agencyId: roleAssignments.agencyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.personId, personId));
  let lastSystemAdmin = false;
  if (person.status === 'active' && roles.some((r) => r.role === 'system_admin')) {
    const [others] = await db
      .select({ n: sql<number>`count(DISTINCT ${roleAssignments.personId})::int` })
      .from(roleAssignments)
      .innerJoin(persons, eq(persons.id, roleAssignments.personId))
      .where(
        and(
          eq(roleAssignments.role, 'system_admin'),
          eq(persons.status, 'active'),
          ne(roleAssignments.personId, personId),
        ),
      );
    lastSystemAdmin = (others?.n ?? 0) === 0;
  }
  return { id: personId, roles, lastSystemAdmin };
}

// Any transaction that could take away the last active system admin takes this lock first, so two
// admins disabling each other at the same moment cannot both succeed.
const SYSTEM_ADMINS_LOCK = 0x63_71_73_61; // "cqsa"

/**
 * Refuses, inside the caller's transaction, a change that would leave no active system admin
 * (disabling the last one, or revoking their role). The HTTP policy refuses it earlier; this keeps
 * it true for the command line and for concurrent requests.
 */
export async function guardLastSystemAdmin(tx: Tx, personId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SYSTEM_ADMINS_LOCK})`);
  if ((await accountRecord(tx, personId)).lastSystemAdmin) throw IdentityErrors.create('LAST_SYSTEM_ADMIN');
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
    personChanged(tx, personId);
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
  if (role === 'system_admin') await guardLastSystemAdmin(tx, personId);
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
    personChanged(tx, personId);
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
