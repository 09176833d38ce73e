import { createHash, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/engine.ts';
import { cacheOf } from '../../platform/cache.ts';
import { tokenHash } from '../../platform/secrets.ts';
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

// Only these methods are safe; every other one (POST, PUT, PATCH, DELETE, and any method a future
// route adds) changes state and needs the CSRF token.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes where the web session is not used at all: the OpenID provider and its sign-in pages
 * (protected by the provider's own interaction cookies) and the anonymous account forms
 * (register, forgotten password). Matched on the routed pattern, never on the raw request target,
 * and a request to them is never authenticated by the session cookie.
 */
function sessionless(routePattern: string | undefined): boolean {
  if (!routePattern) return false;
  return (
    routePattern === '/oidc' ||
    routePattern.startsWith('/oidc/') ||
    routePattern.startsWith('/.well-known/') ||
    routePattern.startsWith('/account/')
  );
}

/**
 * The CSRF token of a session: derived from the session's own secret token, so it is valid for
 * that session only (a token read from another session, e.g. the attacker's own, is refused) and
 * needs no storage. The session token is 256 random bits in an httpOnly cookie: whoever could
 * compute this from it could already use the session itself.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`cqs-csrf\0${sessionToken}`).digest('base64url');
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads the web app's session cookie on every request. A state-changing request that rides on the
 * cookie must carry the session's CSRF token in a header: another site can make the browser send
 * our cookie, but cannot read the token to copy it. Every unsafe method is checked, on every route
 * the session authenticates, whatever form the request target takes (`/api/…`, an absolute
 * `http://host/api/…`, an encoded path): the check keys on the route Fastify chose.
 */
export async function registerWebSession(app: FastifyInstance, ctx: IdentityContext) {
  await app.register(cookie, { secret: ctx.sealer.cookieKeys });
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req, reply) => {
    if (sessionless(req.routeOptions.url)) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const auth = await signedIn(ctx.database.db, token);
    if (!auth) return;
    const expected = csrfTokenFor(token);
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, expected)) throw IdentityErrors.create('CSRF');
    } else if (req.cookies[CSRF_COOKIE] !== expected) {
      // A session from before tokens were bound to sessions, or a cookie the browser lost: give the
      // web app its session's token again (only this site's script can read it).
      setCsrfCookie(reply, ctx, expected);
    }
    req.auth = auth;
  });
}

/**
 * Who a session cookie signs in: the live session, its active person and their roles, read on
 * every request, so each process keeps them for AUTH_CACHE_MS. What that costs: a session revoked
 * (signing out, "sign out everywhere", a password change, an admin's revocation), a person
 * disabled or a role taken away is dropped at once in the process that made the change, and in
 * every other process when the commit's NOTIFY arrives (migration 0019's triggers, usually within
 * a millisecond); only if a process's listener has lost its connection can it be honoured up to
 * AUTH_CACHE_MS longer. An expired session is refused at once, cached or not.
 */
const AUTH_CACHE_MS = 10_000;
const authCache = (db: Db) =>
  cacheOf<string, Auth | undefined>(db, 'auth', {
    ttlMs: AUTH_CACHE_MS,
    // A change of one person (migration 0019 keys it by their id) drops only their sessions.
    forget: (cache, personId) => cache.forget((auth) => auth?.person.id === personId),
  });

export async function signedIn(db: Db, token: string): Promise<Auth | null> {
  const auth = await authCache(db).get(tokenHash(token), async () => {
    const session = await findSession(db, token);
    if (!session) return undefined;
    const person = await getPerson(db, session.personId);
    if (person.status !== 'active') return undefined;
    return { session, person, actor: await loadActor(db, person.id) };
  });
  return auth && auth.session.expiresAt.getTime() > Date.now() ? auth : null;
}

export function requireAuth(req: FastifyRequest): Auth {
  if (!req.auth) throw IdentityErrors.create('NOT_SIGNED_IN');
  return req.auth;
}

export function setSessionCookies(reply: FastifyReply, ctx: IdentityContext, token: string) {
  const secure = ctx.config.publicUrl.startsWith('https:');
  const maxAge = ctx.config.SESSION_HOURS * 3600;
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  setCsrfCookie(reply, ctx, csrfTokenFor(token));
}

/** Readable by the web app's script, which echoes it in the x-csrf-token header. */
function setCsrfCookie(reply: FastifyReply, ctx: IdentityContext, value: string) {
  reply.setCookie(CSRF_COOKIE, value, {
    httpOnly: false,
    sameSite: 'strict',
    secure: ctx.config.publicUrl.startsWith('https:'),
    path: '/',
    maxAge: ctx.config.SESSION_HOURS * 3600,
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
