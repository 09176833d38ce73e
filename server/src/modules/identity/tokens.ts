import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/engine.ts';
import { randomToken, tokenHash } from '../../platform/secrets.ts';
import { IdentityErrors } from './errors.ts';
import { oneTimeTokens } from './schema.ts';

export type TokenPurpose = 'verify_email' | 'reset_password';
const LIFETIME_MINUTES: Record<TokenPurpose, number> = { verify_email: 24 * 60, reset_password: 30 };

/** A one-time link token; only its hash is stored. */
export async function issueToken(tx: Tx, personId: string, purpose: TokenPurpose): Promise<string> {
  const token = randomToken();
  await tx.insert(oneTimeTokens).values({
    tokenHash: tokenHash(token),
    personId,
    purpose,
    expiresAt: new Date(Date.now() + LIFETIME_MINUTES[purpose] * 60_000),
  });
  return token;
}

/** Uses a token once: returns its person, or refuses an unknown, used or expired one. */
export async function consumeToken(tx: Tx, token: string, purpose: TokenPurpose): Promise<string> {
  const [row] = await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, tokenHash(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    )
    .returning({ personId: oneTimeTokens.personId });
  if (!row) throw IdentityErrors.create('TOKEN_INVALID');
  return row.personId;
}
