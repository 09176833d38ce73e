import { and, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { forgetOnCommit } from '../../platform/cache.ts';
import { newId } from '../../platform/ids.ts';
import { randomToken, tokenHash } from '../../platform/secrets.ts';
import { IdentityErrors } from './errors.ts';
import { oidcPayloads, webSessions } from './schema.ts';

export type WebSession = typeof webSessions.$inferSelect;

/** One statement: on `db` alone, or inside the caller's transaction. */
export async function createSession(
  tx: Db | Tx,
  s: { personId: string; idToken: string | null; userAgent: string | null; ip: string | null; hours: number },
): Promise<{ token: string; session: WebSession }> {
  const token = randomToken();
  const [session] = await tx
    .insert(webSessions)
    .values({
      id: newId(),
      tokenHash: tokenHash(token),
      personId: s.personId,
      idToken: s.idToken,
      userAgent: s.userAgent?.slice(0, 300) ?? null,
      ip: s.ip,
      expiresAt: new Date(Date.now() + s.hours * 3_600_000),
    })
    .returning();
  return { token, session: session! };
}

/** The live session behind a cookie; last-seen is refreshed at most once a minute. */
export async function findSession(db: Db, token: string): Promise<WebSession | null> {
  const [session] = await db
    .select()
    .from(webSessions)
    .where(
      and(
        eq(webSessions.tokenHash, tokenHash(token)),
        isNull(webSessions.revokedAt),
        gt(webSessions.expiresAt, new Date()),
      ),
    );
  if (!session) return null;
  if (Date.now() - session.lastSeenAt.getTime() > 60_000) {
    await db.update(webSessions).set({ lastSeenAt: new Date() }).where(eq(webSessions.id, session.id));
  }
  return session;
}

export function listSessions(db: Db, personId: string): Promise<WebSession[]> {
  return db
    .select()
    .from(webSessions)
    .where(
      and(
        eq(webSessions.personId, personId),
        isNull(webSessions.revokedAt),
        gt(webSessions.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(webSessions.lastSeenAt));
}

/**
 * What this process cached of a person's sign-ins (web-session.ts) goes when `tx` commits: their
 * sessions, status, roles or profile changed. Other processes hear it from migration 0019's triggers.
 */
export function personChanged(tx: Tx, personId: string) {
  forgetOnCommit(tx, 'auth', personId);
}

/** Ends one session (sessionId) or all of a person's; by the person or by an admin. */
export async function revokeSessions(
  tx: Tx,
  target: { personId: string; sessionId?: string; exceptSessionId?: string },
  actorId: string,
  ip: string | null,
): Promise<number> {
  const rows = await tx
    .update(webSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(webSessions.personId, target.personId),
        target.sessionId ? eq(webSessions.id, target.sessionId) : undefined,
        target.exceptSessionId ? ne(webSessions.id, target.exceptSessionId) : undefined,
        isNull(webSessions.revokedAt),
      ),
    )
    .returning({ id: webSessions.id });
  if (target.sessionId && rows.length === 0) throw IdentityErrors.create('SESSION_NOT_FOUND');
  personChanged(tx, target.personId);
  await appendAudit(tx, {
    actorId,
    action: 'session.revoked',
    subjectType: 'person',
    subjectId: target.personId,
    ip,
    details: { sessions: rows.map((r) => r.id) },
  });
  return rows.length;
}

/** What oidc-provider keeps for a signed-in person: their provider sessions, grants and tokens. */
const SIGN_IN_MODELS = ['Session', 'Grant', 'AuthorizationCode', 'AccessToken', 'RefreshToken'];

/**
 * After the password changes (a change, or a reset through the mailed link), whoever knew the old
 * one is signed out everywhere: every web session but `exceptSessionId`, and every single-sign-on
 * session, grant and token at the provider, so other provincial systems ask again too.
 */
export async function endSignInsAfterPasswordChange(
  tx: Tx,
  personId: string,
  exceptSessionId: string | null,
  ip: string | null,
): Promise<number> {
  const ended = await revokeSessions(
    tx,
    { personId, ...(exceptSessionId ? { exceptSessionId } : {}) },
    personId,
    ip,
  );
  const dropped = await tx
    .delete(oidcPayloads)
    .where(
      and(
        inArray(oidcPayloads.model, SIGN_IN_MODELS),
        sql`${oidcPayloads.payload}->>'accountId' = ${personId}`,
      ),
    )
    .returning({ model: oidcPayloads.model });
  if (dropped.length) {
    await appendAudit(tx, {
      actorId: personId,
      action: 'oidc.signed_out',
      subjectType: 'person',
      subjectId: personId,
      ip,
      details: { reason: 'password_changed', objects: dropped.length },
    });
  }
  return ended;
}
