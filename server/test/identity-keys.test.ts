import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { inTransaction } from '../src/db/transaction.ts';
import { ensureSigningKey, loadJwks, rotateSigningKey } from '../src/modules/identity/oidc/keys.ts';
import { createSealer } from '../src/platform/secrets.ts';
import { describeEachEngine } from './support/databases.ts';

describeEachEngine('token-signing keys', {}, (ctx) => {
  const sealer = createSealer('a-secret-key-of-at-least-32-characters!');

  it('are stored sealed, rotate, and keep the retired key published', async () => {
    await inTransaction(ctx.database, (tx) => ensureSigningKey(tx, sealer));
    await inTransaction(ctx.database, (tx) => ensureSigningKey(tx, sealer)); // idempotent
    const first = await loadJwks(ctx.database.db, sealer);
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(first.keys[0]!.d).toBeDefined();

    // At rest nothing of the private key is readable without SECRET_KEY.
    const [stored] = await ctx.database.rows<{ jwk: string }>(
      sql`SELECT private_jwk AS jwk FROM identity_signing_key`,
    );
    expect(stored!.jwk).toMatch(/^v1\./);
    expect(stored!.jwk).not.toContain(first.keys[0]!.d!.slice(0, 20));
    expect(() => createSealer('another-secret-key-of-32-characters!!').open(stored!.jwk)).toThrow();

    const kid = await inTransaction(ctx.database, (tx) => rotateSigningKey(tx, sealer, null));
    const after = await loadJwks(ctx.database.db, sealer);
    expect(after.keys.map((k) => k.kid)).toEqual([kid, first.keys[0]!.kid]);
  });
});
