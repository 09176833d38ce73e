import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { beforeAll } from 'vitest';
import { seedCatalog } from '../../seed/catalog.ts';
import { seedDemoAccounts } from '../../seed/demo.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { findByLogin } from '../../src/modules/identity/accounts.ts';
import { createSession } from '../../src/modules/identity/sessions.ts';
import { csrfTokenFor } from '../../src/modules/identity/web-session.ts';
import { silentProgress } from '../../src/platform/progress.ts';
import type { EngineContext } from './databases.ts';

/**
 * The catalogue and the demo accounts, each of `logins` signed in: `as(login, request)` sends a
 * request with that person's session and CSRF header; `ids` and `agencies` (the agency of the
 * person's first role) are filled in beforeAll.
 */
export function useDemoSessions(
  ctx: EngineContext,
  holder: { app: { inject(req: InjectOptions): ReturnType<import('fastify').FastifyInstance['inject']> } },
  logins: readonly string[],
) {
  const ids: Record<string, string> = {};
  const agencies: Record<string, string> = {};
  const cookies: Record<string, { cookie: string; csrf: string }> = {};
  beforeAll(async () => {
    await seedCatalog(ctx.database, ctx.config, silentProgress);
    await seedDemoAccounts(ctx.database, ctx.config);
    for (const login of logins) {
      const person = await findByLogin(ctx.database.db, `${login}@demo.cqs.example`);
      if (!person) throw new Error(`no demo account ${login}`);
      ids[login] = person.id;
      const { token } = await inTransaction(ctx.database, (tx) =>
        createSession(tx, { personId: person.id, idToken: null, userAgent: null, ip: null, hours: 1 }),
      );
      const csrf = csrfTokenFor(token);
      cookies[login] = { cookie: `cqs_session=${token}; cqs_csrf=${csrf}`, csrf };
      const [grant] = await ctx.database.rows<{ agency: string }>(
        sql`SELECT agency_id AS agency FROM identity_role_assignment WHERE person_id = ${person.id} ORDER BY created_at`,
      );
      if (grant) agencies[login] = grant.agency;
    }
  });
  const as = (who: string, req: InjectOptions) => {
    const { cookie, csrf } = sessionOf(who);
    return holder.app.inject({ ...req, headers: { cookie, 'x-csrf-token': csrf, ...req.headers } });
  };
  /** The session cookie and CSRF header of `who`, to send to another app of the same database. */
  const sessionOf = (who: string) => {
    const signedIn = cookies[who];
    if (!signedIn) throw new Error(`${who} is not signed in in this suite`);
    return signedIn;
  };
  return { ids, agencies, as, sessionOf };
}
