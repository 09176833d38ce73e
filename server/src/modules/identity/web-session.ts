import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomToken } from '../../platform/secrets.ts';
import { getPerson, type Person } from './accounts.ts';
import type { IdentityContext } from './context.ts';
import { IdentityErrors } from './errors.ts';
import { type Action, type Actor, can, type Resource } from './policy.ts';
import { loadActor } from './roles.ts';
import { findSession, type WebSession } from './sessions.ts';

export const SESSION_COOKIE = 'cqs_session';
export const CSRF_COOKIE = 'cqs_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export type Auth = { session: WebSession; person: Person; actor: Actor };

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person of the platform's web app, when the session cookie is valid. */
    auth: Auth | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads the web app's session cookie on every request. State-changing requests that ride on the
 * cookie must echo the CSRF cookie in a header (double submit): another site can make the
 * browser send our cookie, but cannot read it to copy it.
 */
export async function registerWebSession(app: FastifyInstance, ctx: IdentityContext) {
  await app.register(cookie, { secret: ctx.sealer.cookieKeys });
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const session = await findSession(ctx.database.db, token);
    if (!session) return;
    const person = await getPerson(ctx.database.db, session.personId);
    if (person.status !== 'active') return;
    if (UNSAFE.has(req.method) && (req.url.startsWith('/api/') || req.url.startsWith('/auth/'))) {
      const sent = req.headers[CSRF_HEADER];
      if (!sent || sent !== req.cookies[CSRF_COOKIE]) throw IdentityErrors.create('CSRF');
    }
    req.auth = { session, person, actor: await loadActor(ctx.database.db, person.id) };
  });
}

export function requireAuth(req: FastifyRequest): Auth {
  if (!req.auth) throw IdentityErrors.create('NOT_SIGNED_IN');
  return req.auth;
}

export function setSessionCookies(reply: FastifyReply, ctx: IdentityContext, token: string) {
  const secure = ctx.config.publicUrl.startsWith('https:');
  const maxAge = ctx.config.SESSION_HOURS * 3600;
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  // Readable by the web app's script, which echoes it in the x-csrf-token header.
  reply.setCookie(CSRF_COOKIE, randomToken(18), {
    httpOnly: false,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge,
  });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** The signed-in actor, if the policy lets them do `action` to `resource`; else 401 or 403. */
export function requireAllowed(req: FastifyRequest, action: Action, resource: Resource): Auth {
  const auth = requireAuth(req);
  if (!can(auth.actor, action, resource)) throw IdentityErrors.create('FORBIDDEN');
  return auth;
}
