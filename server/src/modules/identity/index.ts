import { seedAgencies } from '../../../seed/agencies.ts';
import { seedDemoAccounts } from '../../../seed/demo.ts';
import type { AccessGuard } from '../../platform/access.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { identityVerbs } from './cli.ts';
import { createIdentity, type IdentityContext } from './context.ts';
import { registerIdentity } from './register.ts';
import { identityRoutes } from './routes.ts';
import { requireAllowed } from './web-session.ts';

declare module 'fastify' {
  interface FastifyInstance {
    identity: IdentityContext;
  }
}

/** The platform's access guard, decided by this module's sessions and policy. */
export const identityGuard: AccessGuard = {
  requireSettingsAdmin: (req) => ({
    personId: requireAllowed(req, 'platform.manage_settings', { type: 'platform' }).actor.personId,
  }),
};

/** Accounts, agencies, roles and the province's single sign-on (OpenID Connect provider). */
export const identityModule: ModuleDescriptor = {
  name: 'identity',
  tags: [{ name: 'identity', description: 'Agencies, accounts and roles' }],
  routes: async (app, { database, config, mailer }) => {
    const identity = await createIdentity(database, config, mailer, (m) => app.log.warn(m));
    app.decorate('identity', identity);
    await registerIdentity(app, identity);
    await app.register(identityRoutes(database));
  },
  seed: {
    async reference({ database, config, progress }) {
      await seedAgencies(
        database,
        { provinceCode: config.PROVINCE_CODE, agencyCodeRoot: config.agencyCodeRoot },
        (n) => progress('Cơ quan / agencies', n),
      );
    },
    async demo({ database, config }) {
      await seedDemoAccounts(database, config);
    },
  },
  verbs: identityVerbs,
};
