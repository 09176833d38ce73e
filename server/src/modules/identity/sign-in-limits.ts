import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/engine.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import type { DomainError } from '../../platform/errors.ts';
import { IdentityErrors } from './errors.ts';

/**
 * How wrong passwords slow sign-in down, counted from the audit trail (so every app node sees the
 * same counts):
 *
 * - per account: `maxFailures` wrong passwords lock the account for `lockMinutes` (accounts.ts);
 * - per address and account: after `pairFreeFailures` wrong passwords for one account from one
 *   address, that address must wait before trying that account again, twice as long after each
 *   further failure (1 s, 2 s, 4 s … up to `pairMaxDelaySeconds`): 429 with Retry-After. Other
 *   accounts from the same address, and the same account from other addresses, are not held up;
 * - per address: past `addressSlowAfter` wrong passwords in the window, each further wrong one
 *   from that address is answered `addressDelayMs` later. A right password never waits, so a
 *   province behind one proxy address keeps signing in while someone sprays passwords from it.
 */
export type SignInLimits = {
  windowMinutes: number;
  pairFreeFailures: number;
  pairMaxDelaySeconds: number;
  addressSlowAfter: number;
  addressDelayMs: number;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  windowMinutes: 15,
  pairFreeFailures: 3,
  pairMaxDelaySeconds: 15 * 60,
  addressSlowAfter: 30,
  addressDelayMs: 1000,
};

export type Throttled = DomainError & { retryAfterSeconds: number };

/** The Retry-After of a refusal to try again yet, if it is one. */
export function retryAfterOf(e: unknown): number | undefined {
  const seconds = (e as Partial<Throttled> | null)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
}

function throttled(seconds: number): Throttled {
  const e = IdentityErrors.create('TOO_MANY_ATTEMPTS', {
    vi: `Nhập sai mật khẩu nhiều lần cho tài khoản này từ địa chỉ của bạn; vui lòng thử lại sau ${seconds} giây.`,
    en: `Too many wrong passwords for this account from your address; try again in ${seconds} seconds.`,
  });
  return Object.assign(e, { retryAfterSeconds: seconds });
}

/**
 * Refuses (429) a try at `personId` from `ip` while that address must still wait after its recent
 * wrong passwords for this account. Failures before the pair's last successful sign-in do not count.
 */
export async function checkPairDelay(
  db: Db,
  ip: string,
  personId: string,
  limits: SignInLimits,
): Promise<void> {
  const window = sql`now() - make_interval(mins => ${limits.windowMinutes})`;
  const [row] = await db
    .select({
      failures: sql<number>`count(*)::int`,
      last: sql<string | null>`max(${auditLog.at})::text`,
      waitedSeconds: sql<number | null>`extract(epoch FROM now() - max(${auditLog.at}))::float8`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'login.failed'),
        eq(auditLog.ip, ip),
        eq(auditLog.subjectId, personId),
        sql`${auditLog.at} > ${window}`,
        sql`${auditLog.at} > coalesce((SELECT max(s.at) FROM ${auditLog} s WHERE s.action = 'login.succeeded' AND s.ip = ${ip} AND s.subject_id = ${personId} AND s.at > ${window}), '-infinity')`,
      ),
    );
  const failures = row?.failures ?? 0;
  if (failures < limits.pairFreeFailures || row?.waitedSeconds == null) return;
  const delay = Math.min(2 ** (failures - limits.pairFreeFailures), limits.pairMaxDelaySeconds);
  const left = Math.ceil(delay - row.waitedSeconds);
  if (left > 0) throw throttled(left);
}

/** Wrong passwords from this address in the window, for the slow answer to a spraying address. */
export async function recentFailuresFrom(db: Db, ip: string, limits: SignInLimits): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'login.failed'),
        eq(auditLog.ip, ip),
        sql`${auditLog.at} > now() - make_interval(mins => ${limits.windowMinutes})`,
      ),
    );
  return row?.n ?? 0;
}
