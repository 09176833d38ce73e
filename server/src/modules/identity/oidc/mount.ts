import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';

/**
 * oidc-provider (a Koa app) answers everything under /oidc that our own interaction routes do not.
 * It reads its requests' bodies itself, so this scope has a content-type parser that leaves the
 * stream untouched. Discovery is also served at the site root for clients that look there.
 */
export async function mountProvider(app: FastifyInstance, provider: Provider) {
  const callback = provider.callback();
  const pass = (prefix: string, rewrite?: string) => (req: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    const raw = req.raw as typeof req.raw & { originalUrl?: string };
    raw.originalUrl = rewrite ? `/oidc${rewrite}` : raw.url;
    raw.url = rewrite ?? (raw.url!.slice(prefix.length) || '/');
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
