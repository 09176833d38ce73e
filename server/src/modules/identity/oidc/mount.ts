import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';

/**
 * oidc-provider (a Koa app) answers everything under /oidc that our own interaction routes do not.
 * It reads its requests' bodies itself, so this scope has a content-type parser that leaves the
 * stream untouched. Discovery is also served at the site root for clients that look there.
 *
 * The provider builds the URLs it publishes (discovery, redirects) from the request it is given.
 * So it is given PUBLIC_URL's host and scheme, whatever Host or X-Forwarded-* the client wrote, and
 * the client address Fastify worked out under TRUST_PROXY: nobody can make the provider advertise
 * another origin's endpoints, or record another address.
 */
export async function mountProvider(app: FastifyInstance, provider: Provider, publicUrl: string) {
  const callback = provider.callback();
  const origin = new URL(publicUrl);
  // The provider believes the forwarding headers because we are the ones who write them.
  provider.proxy = true;
  const pass = (prefix: string, rewrite?: string) => (req: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    const raw = req.raw as typeof req.raw & { originalUrl?: string };
    // An absolute-form target (`POST http://host/oidc/token`) is reduced to its path first.
    const target = new URL(raw.url ?? '/', 'http://target.invalid');
    const path = `${target.pathname}${target.search}`;
    raw.originalUrl = rewrite ? `/oidc${rewrite}` : path;
    raw.url = rewrite ?? (path.slice(prefix.length) || '/');
    for (const name of ['forwarded', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-for'])
      delete raw.headers[name];
    raw.headers.host = origin.host;
    raw.headers['x-forwarded-host'] = origin.host;
    raw.headers['x-forwarded-proto'] = origin.protocol.replace(':', '');
    raw.headers['x-forwarded-for'] = req.ip;
    return callback(raw, reply.raw);
  };
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
    scope.all('/oidc', { schema: { hide: true } }, pass('/oidc'));
    scope.all('/oidc/*', { schema: { hide: true } }, pass('/oidc'));
    scope.get(
      '/.well-known/openid-configuration',
      { schema: { hide: true } },
      pass('', '/.well-known/openid-configuration'),
    );
  });
}
