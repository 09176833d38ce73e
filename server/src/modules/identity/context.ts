import { sql } from 'drizzle-orm';
import type Provider from 'oidc-provider';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Mailer } from '../../platform/mail.ts';
import { createSealer, resolveSecretKey, type Sealer } from '../../platform/secrets.ts';
import { defaultLoginPolicy, type LoginPolicy } from './accounts.ts';
import { ensureWebClient } from './clients.ts';
import { ensureSigningKey } from './oidc/keys.ts';
import { createProvider } from './oidc/provider.ts';

/** What the identity module's routes and services share, built once at start. */
export type IdentityContext = {
  database: Database;
  config: Config;
  sealer: Sealer;
  mailer: Mailer;
  provider: Provider;
  loginPolicy: LoginPolicy;
  webClient: { clientId: string; clientSecret: string };
  issuer: string;
};

export async function createIdentity(
  database: Database,
  config: Config,
  mailer: Mailer,
  warn: (message: string) => void,
): Promise<IdentityContext> {
  const sealer = createSealer(resolveSecretKey(config.SECRET_KEY, config.DATA_DIR, warn));
  const webClient = await inTransaction(database, async (tx) => {
    // Web processes starting at once on a new database: one makes the signing key and the web
    // client, the others wait here and find them made.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('cqs:identity-setup', 0))`);
    await ensureSigningKey(tx, sealer);
    return ensureWebClient(tx, sealer, config.publicUrl);
  });
  const issuer = `${config.publicUrl}/oidc`;
  const provider = await createProvider({
    database,
    sealer,
    issuer,
    sessionHours: config.SESSION_HOURS,
  });
  return {
    database,
    config,
    sealer,
    mailer,
    provider,
    loginPolicy: defaultLoginPolicy(config),
    webClient,
    issuer,
  };
}
