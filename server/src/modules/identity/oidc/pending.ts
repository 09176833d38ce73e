import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/engine.ts';
import { tokenHash } from '../../../platform/secrets.ts';
import { oidcPayloads } from '../schema.ts';

/**
 * Short-lived state between the steps of one sign-in (password done, second factor to come;
 * a round trip to the upstream provider), kept beside oidc-provider's own objects so any app
 * node can continue the flow.
 */
type Kind = 'CqsPendingLogin' | 'CqsUpstreamState' | 'CqsUpstreamLink';

export async function putPending(
  db: Db | Tx,
  kind: Kind,
  id: string,
  payload: Record<string, unknown>,
  minutes = 10,
) {
  const row = { model: kind, id, payload, expiresAt: new Date(Date.now() + minutes * 60_000) };
  await db
    .insert(oidcPayloads)
    .values(row)
    .onConflictDoUpdate({ target: [oidcPayloads.model, oidcPayloads.id], set: row });
}

/** The live states of several kinds kept under one id (a sign-in's uid), by kind, in one read. */
export async function getPendings(
  db: Db,
  kinds: readonly Kind[],
  id: string,
): Promise<Partial<Record<Kind, unknown>>> {
  const rows = await db
    .select({ model: oidcPayloads.model, payload: oidcPayloads.payload })
    .from(oidcPayloads)
    .where(
      and(
        inArray(oidcPayloads.model, [...kinds]),
        eq(oidcPayloads.id, id),
        sql`${oidcPayloads.expiresAt} > now()`,
      ),
    );
  return Object.fromEntries(rows.map((r) => [r.model, r.payload]));
}

export async function getPending<T>(db: Db, kind: Kind, id: string): Promise<T | null> {
  const [row] = await db
    .select({ payload: oidcPayloads.payload })
    .from(oidcPayloads)
    .where(
      and(eq(oidcPayloads.model, kind), eq(oidcPayloads.id, id), sql`${oidcPayloads.expiresAt} > now()`),
    );
  return (row?.payload as T) ?? null;
}

/**
 * A registration waiting for its e-mail to be verified. It creates no account and holds no e-mail,
 * phone or CCCD: the account is made when the link is opened, and the row expires with the link.
 * Looked up by the link's token hash (`id`) or by its e-mail's hash (`uid`); the personal data is
 * sealed, the password kept as its argon2 hash only.
 */
export type PendingRegistration = { sealed: string; passwordHash: string };
const REGISTRATION = 'CqsRegistration';
const emailKey = (email: string) => tokenHash(`registration-email:${email}`);

export async function putRegistration(
  tx: Tx,
  linkHash: string,
  email: string,
  payload: PendingRegistration,
  hours: number,
) {
  // A new registration with the same e-mail replaces the earlier one: only the latest link works.
  await tx
    .delete(oidcPayloads)
    .where(and(eq(oidcPayloads.model, REGISTRATION), eq(oidcPayloads.uid, emailKey(email))));
  await tx.insert(oidcPayloads).values({
    model: REGISTRATION,
    id: linkHash,
    uid: emailKey(email),
    payload,
    expiresAt: new Date(Date.now() + hours * 3_600_000),
  });
}

/** Uses a registration's link once: its payload, or null when unknown, used or expired. */
export async function takeRegistration(tx: Tx, linkHash: string): Promise<PendingRegistration | null> {
  const [row] = await tx
    .delete(oidcPayloads)
    .where(
      and(
        eq(oidcPayloads.model, REGISTRATION),
        eq(oidcPayloads.id, linkHash),
        sql`${oidcPayloads.expiresAt} > now()`,
      ),
    )
    .returning({ payload: oidcPayloads.payload });
  return (row?.payload as PendingRegistration | undefined) ?? null;
}

/** The password hashes of live registrations waiting on this e-mail (for "not verified yet"). */
export async function pendingRegistrationHashes(db: Db, email: string): Promise<string[]> {
  const rows = await db
    .select({ payload: oidcPayloads.payload })
    .from(oidcPayloads)
    .where(
      and(
        eq(oidcPayloads.model, REGISTRATION),
        eq(oidcPayloads.uid, emailKey(email)),
        sql`${oidcPayloads.expiresAt} > now()`,
      ),
    );
  return rows.map((r) => (r.payload as PendingRegistration).passwordHash);
}

/** Registrations and counters whose time has passed. */
export async function dropExpiredRegistrations(db: Db | Tx) {
  await db
    .delete(oidcPayloads)
    .where(
      and(
        sql`${oidcPayloads.model} IN (${REGISTRATION}, 'CqsRateLimit')`,
        sql`${oidcPayloads.expiresAt} < now()`,
      ),
    );
}

export async function dropPending(db: Db, kind: Kind, id: string) {
  await db.delete(oidcPayloads).where(and(eq(oidcPayloads.model, kind), eq(oidcPayloads.id, id)));
}
