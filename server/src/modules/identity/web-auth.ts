import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as oc from 'openid-client';
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import type { IdentityContext } from './context.ts';
import { safeReturnTo } from './return-to.ts';
import { webSessions } from './schema.ts';
import { createSession, revokeSessions } from './sessions.ts';
import { clearSessionCookies, requireAuth, setSessionCookies } from './web-session.ts';

const AUTH_COOKIE = 'cqs_auth';

/**
 * RFC 7636's S256 challenge, BASE64URL(SHA-256(verifier)): what oc.calculatePKCECodeChallenge
 * computes, without a round trip through WebCrypto's thread pool for 43 bytes.
 */
export const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/**
 * The platform's web app signs in through its own OpenID Connect provider like any other
 * relying party (code + PKCE, confidential client `cqs-web`), then keeps a server-side session.
 * Back-channel calls (the code exchange) go to this same node, in-process, not through the public
 * address, so a proxy or DNS in front does not matter.
 */
export const webAuthRoutes =
  (ctx: IdentityContext): FastifyPluginAsyncZod =>
  async (app) => {
    // The provider's endpoints, known from the issuer without asking it (discovery over loopback
    // would describe the loopback address, not the public one the browser uses).
    const issuer = ctx.issuer;
    const loopback = `http://127.0.0.1:${ctx.config.PORT}`;
    const configuration = new oc.Configuration(
      {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/me`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/session/end`,
        id_token_signing_alg_values_supported: ['RS256'],
      },
      ctx.webClient.clientId,
      ctx.webClient.clientSecret,
    );
    // The provider's own endpoints (the code exchange at /oidc/token) are called in this process,
    // through Fastify's inject: the same routes, provider and client authentication as over the
    // network, without a socket and a second HTTP parse per sign-in. Anything else goes out by fetch.
    const own = `${ctx.config.publicUrl}/oidc/`;
    configuration[oc.customFetch] = async (url, options) => {
      const body = options.body instanceof URLSearchParams ? options.body.toString() : options.body;
      if (!url.startsWith(own) || (body != null && typeof body !== 'string'))
        return fetch(
          url.startsWith(ctx.config.publicUrl) ? loopback + url.slice(ctx.config.publicUrl.length) : url,
          options as RequestInit,
        );
      const res = await app.inject({
        method: options.method as 'GET' | 'POST',
        url: url.slice(ctx.config.publicUrl.length),
        headers: options.headers,
        ...(body == null ? {} : { payload: body }),
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers))
        for (const one of [value ?? []].flat()) headers.append(name, String(one));
      const empty = [101, 204, 205, 304].includes(res.statusCode);
      return new Response(empty ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
    };
    oc.allowInsecureRequests(configuration);

    app.get(
      '/auth/login',
      {
        schema: {
          tags: ['identity'],
          summary: "Start the web app's sign-in (redirects to the provider's login page)",
          querystring: z.object({
            returnTo: z.string().max(500).optional(),
            lang: z.enum(['vi', 'en']).optional(),
          }),
        },
      },
      async (req, reply) => {
        const c = configuration;
        const verifier = oc.randomPKCECodeVerifier();
        const state = oc.randomState();
        const nonce = oc.randomNonce();
        reply.setCookie(
          AUTH_COOKIE,
          JSON.stringify({
            verifier,
            state,
            nonce,
            returnTo: safeReturnTo(req.query.returnTo, ctx.config.publicUrl),
          }),
          {
            httpOnly: true,
            sameSite: 'lax',
            secure: ctx.config.publicUrl.startsWith('https:'),
            path: '/auth',
            maxAge: 600,
            signed: true,
          },
        );
        const url = oc.buildAuthorizationUrl(c, {
          redirect_uri: `${ctx.config.publicUrl}/auth/callback`,
          scope: 'openid profile email phone cqs',
          code_challenge: pkceChallenge(verifier),
          code_challenge_method: 'S256',
          state,
          nonce,
          ui_locales: req.query.lang ?? 'vi',
        });
        return reply.redirect(url.href, 303);
      },
    );

    app.get('/auth/callback', { schema: { hide: true } }, async (req, reply) => {
      const raw = req.cookies[AUTH_COOKIE];
      const unsigned = raw ? req.unsignCookie(raw) : null;
      if (!unsigned?.valid || !unsigned.value) return reply.redirect('/auth/login', 303);
      const saved = JSON.parse(unsigned.value) as {
        verifier: string;
        state: string;
        nonce: string;
        returnTo: string;
      };
      reply.clearCookie(AUTH_COOKIE, { path: '/auth' });
      const params = new URL(req.url, 'http://x').searchParams;
      if (params.get('error'))
        return reply.redirect(`/?signin_error=${encodeURIComponent(params.get('error')!)}`, 303);
      let tokens: Awaited<ReturnType<typeof oc.authorizationCodeGrant>>;
      try {
        tokens = await oc.authorizationCodeGrant(
          configuration,
          new URL(`${ctx.config.publicUrl}${req.url}`),
          {
            pkceCodeVerifier: saved.verifier,
            expectedState: saved.state,
            expectedNonce: saved.nonce,
          },
        );
      } catch (e) {
        req.log.warn({ err: e }, 'web sign-in code exchange failed');
        return reply.redirect('/auth/login', 303);
      }
      const personId = tokens.claims()!.sub;
      const { token } = await createSession(ctx.database.db, {
        personId,
        idToken: tokens.id_token ?? null,
        userAgent: req.headers['user-agent'] ?? null,
        ip: req.ip,
        hours: ctx.config.SESSION_HOURS,
      });
      setSessionCookies(reply, ctx, token);
      return reply.redirect(safeReturnTo(saved.returnTo, ctx.config.publicUrl), 303);
    });

    app.post(
      '/auth/logout',
      {
        schema: {
          tags: ['identity'],
          summary:
            'Sign out of the web app; answers where to send the browser to end the provider session too',
          response: { 200: z.object({ logoutUrl: z.string() }) },
        },
      },
      async (req, reply) => {
        const auth = requireAuth(req);
        await inTransaction(ctx.database, (tx) =>
          revokeSessions(
            tx,
            { personId: auth.person.id, sessionId: auth.session.id },
            auth.person.id,
            req.ip,
          ),
        );
        clearSessionCookies(reply);
        const [row] = await ctx.database.db
          .select({ idToken: webSessions.idToken })
          .from(webSessions)
          .where(eq(webSessions.id, auth.session.id));
        const url = oc.buildEndSessionUrl(configuration, {
          post_logout_redirect_uri: `${ctx.config.publicUrl}/`,
          ...(row?.idToken ? { id_token_hint: row.idToken } : {}),
        });
        return { logoutUrl: url.href };
      },
    );
  };
