import { sql } from 'drizzle-orm';
import type { Db } from '../../db/engine.ts';
import type { DomainError } from '../../platform/errors.ts';
import { tokenHash } from '../../platform/secrets.ts';
import { IdentityErrors } from './errors.ts';
import { oidcPayloads } from './schema.ts';

/**
 * Fixed-window counters kept in PostgreSQL beside the sign-in state (so every app node counts the
 * same), each key hashed (a CCCD or an e-mail is never stored here in clear). `hit` counts one
 * attempt under every key at once and refuses with 429 and the seconds to wait when any key is
 * over its limit; the attempt is counted even then, so hammering does not reopen the window.
 */
export type Limit = { key: string; max: number; windowSeconds: number };

export type RetryLater = DomainError & { retryAfterSeconds: number };

export async function hit(db: Db, limits: readonly Limit[], message: { vi: string; en: string }) {
  let wait = 0;
  for (const limit of limits) {
    const now = Math.floor(Date.now() / 1000);
    const windowStart = now - (now % limit.windowSeconds);
    const id = `${tokenHash(limit.key)}:${windowStart}`;
    const expiresAt = new Date((windowStart + limit.windowSeconds) * 1000);
    const [row] = await db
      .insert(oidcPayloads)
      .values({ model: 'CqsRateLimit', id, payload: { n: 1 }, expiresAt })
      .onConflictDoUpdate({
        target: [oidcPayloads.model, oidcPayloads.id],
        set: { payload: sql`jsonb_build_object('n', (${oidcPayloads.payload}->>'n')::int + 1)` },
      })
      .returning({ payload: oidcPayloads.payload });
    const n = Number(row?.payload.n ?? 1);
    if (n > limit.max) wait = Math.max(wait, windowStart + limit.windowSeconds - now);
  }
  if (wait > 0) {
    const e = IdentityErrors.create('TOO_MANY_ATTEMPTS', message);
    throw Object.assign(e, { retryAfterSeconds: wait }) as RetryLater;
  }
}
