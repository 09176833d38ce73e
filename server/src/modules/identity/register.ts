import type { FastifyInstance } from 'fastify';
import { accountPages } from './account-pages.ts';
import { accountRoutes } from './account-routes.ts';
import { adminRoutes } from './admin-routes.ts';
import type { IdentityContext } from './context.ts';
import { interactionRoutes } from './oidc/interactions.ts';
import { mountProvider } from './oidc/mount.ts';
import { securityRoutes } from './security-routes.ts';
import { webAuthRoutes } from './web-auth.ts';
import { registerWebSession } from './web-session.ts';

/** Everything the identity module serves: the session hook, the OIDC provider and its pages, the APIs. */
export async function registerIdentity(app: FastifyInstance, ctx: IdentityContext) {
  await registerWebSession(app, ctx);
  await mountProvider(app, ctx.provider, ctx.config.publicUrl);
  await app.register(interactionRoutes(ctx));
  await app.register(accountPages(ctx));
  await app.register(accountRoutes(ctx));
  await app.register(adminRoutes(ctx));
  await app.register(securityRoutes(ctx));
  await app.register(webAuthRoutes(ctx));
}
