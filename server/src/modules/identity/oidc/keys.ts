import { desc, gt, isNull, or } from 'drizzle-orm';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Db, Tx } from '../../../db/engine.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { randomToken, type Sealer } from '../../../platform/secrets.ts';
import { signingKeys } from '../schema.ts';

/** Retired keys stay in the JWKS this long, so tokens they signed still verify. */
const RETIRED_KEY_DAYS = 30;

async function newKey(tx: Tx, sealer: Sealer): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const kid = `${new Date().toISOString().slice(0, 10)}-${randomToken(6)}`;
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  await tx.insert(signingKeys).values({ kid, privateJwk: sealer.seal(JSON.stringify(jwk)) });
  return kid;
}

/** Makes a first key when there is none. */
export async function ensureSigningKey(tx: Tx, sealer: Sealer): Promise<void> {
  const [active] = await tx
    .select({ kid: signingKeys.kid })
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt))
    .limit(1);
  if (!active) await newKey(tx, sealer);
}

/** A new signing key; the previous ones retire (still published for RETIRED_KEY_DAYS). Servers pick it up at their next start. */
export async function rotateSigningKey(tx: Tx, sealer: Sealer, actorId: string | null): Promise<string> {
  await tx.update(signingKeys).set({ retiredAt: new Date() }).where(isNull(signingKeys.retiredAt));
  const kid = await newKey(tx, sealer);
  await appendAudit(tx, {
    actorId,
    action: 'signing_key.rotated',
    subjectType: 'signing_key',
    subjectId: kid,
  });
  return kid;
}

/** The JWKS for oidc-provider: the active key first (it signs), then recently retired ones. */
export async function loadJwks(db: Db, sealer: Sealer): Promise<{ keys: JWK[] }> {
  const rows = await db
    .select()
    .from(signingKeys)
    .where(
      or(
        isNull(signingKeys.retiredAt),
        gt(signingKeys.retiredAt, new Date(Date.now() - RETIRED_KEY_DAYS * 86_400_000)),
      ),
    )
    .orderBy(desc(signingKeys.createdAt));
  const active = rows.filter((r) => !r.retiredAt);
  const retired = rows.filter((r) => r.retiredAt);
  return { keys: [...active, ...retired].map((r) => JSON.parse(sealer.open(r.privateJwk)) as JWK) };
}
