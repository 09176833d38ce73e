import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/engine.ts';
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

export async function getPending<T>(db: Db, kind: Kind, id: string): Promise<T | null> {
  const [row] = await db
    .select({ payload: oidcPayloads.payload })
    .from(oidcPayloads)
    .where(
      and(eq(oidcPayloads.model, kind), eq(oidcPayloads.id, id), sql`${oidcPayloads.expiresAt} > now()`),
    );
  return (row?.payload as T) ?? null;
}

export async function dropPending(db: Db, kind: Kind, id: string) {
  await db.delete(oidcPayloads).where(and(eq(oidcPayloads.model, kind), eq(oidcPayloads.id, id)));
}
