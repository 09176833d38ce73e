import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import { HttpErrors } from '../errors.ts';
import { newId } from '../ids.ts';
import type { PageAddress } from '../module.ts';
import { healthRoutes } from './health.ts';
import { registerMetrics } from './metrics.ts';
import { sendProblem, toDomainError } from './problem.ts';
import { unstorableField } from './unstorable.ts';

export type HttpAppOptions = {
  config: Config;
  database: Database;
  /** false in tests that want quiet output; otherwise pino JSON at LOG_LEVEL. */
  logger?: boolean;
  /** The modules' OpenAPI tags, in the order the docs list them. */
  tags: { name: string; description: string }[];
  /** Serve the API documentation (web role; a worker serves only health and metrics). */
  docs?: boolean;
};

/**
 * The HTTP application without any module: plugins, the error model, OpenAPI, health and
 * metrics. The composition root (server/src/app.ts) registers the modules' routes on it.
 */
export async function createHttpApp({
  config,
  database,
  logger = true,
  tags,
  docs = true,
}: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    trustProxy: config.TRUST_PROXY,
    logger: logger
      ? {
          level: config.LOG_LEVEL,
          // Secrets and personal data never reach the logs.
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        }
      : false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // genReqId reads x-request-id itself: Fastify would otherwise take any value unchecked.
    requestIdHeader: false,
    // Accept a caller's request id only when it is sane, else make our own.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId();
    },
    routerOptions: { maxParamLength: 200 },
    // Malformed URL encoding and the like: our problem format, not Fastify's default.
    frameworkErrors: (error, req, reply) => sendProblem(reply, toDomainError(error, req)),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies: anything else is 415, not a string that fails validation later.
  app.removeContentTypeParser(['text/plain']);

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'", 'data:'],
        'script-src': ["'self'"],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        // Provinces deploy on plain HTTP inside their network too; don't rewrite to https.
        'upgrade-insecure-requests': null,
      },
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Chính quyền số API',
        version: '0.1.0',
        description:
          'API của nền tảng Chính quyền số. Errors are RFC 9457 problem+json with Vietnamese `title`/`detail`, English in `en`, and per-field `errors`.',
      },
      tags: [...tags, { name: 'operations', description: 'Health and readiness' }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  if (docs) await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerMetrics(app, database);

  app.setErrorHandler((error, req, reply) => sendProblem(reply, toDomainError(error as Error, req)));

  // Text no column can hold (NUL, a lone surrogate) in a JSON body is refused for every route,
  // naming the field. (Query strings are left to the routes: a file name there is cleaned, not refused.)
  app.addHook('preValidation', async (req) => {
    const bad = unstorableField(req.body, 'body');
    if (bad)
      throw HttpErrors.create(
        'VALIDATION',
        { vi: `${bad.field}: ${bad.vi}`, en: `${bad.field}: ${bad.en}` },
        [bad],
      );
  });

  await app.register(healthRoutes(database));
  return app;
}

/**
 * The `<link>`s to the code of the page at a path: the web build lists, for the pages people land
 * on (a procedure from a search engine, tracking from a receipt's QR code), the script chunks and
 * stylesheets the app would otherwise fetch only after its main script ran (web/page-modules.ts,
 * dist/pages.json). Nothing when the build has no such list.
 */
function pageModuleLinks(dist: string): (pathname: string) => string {
  let pages: Record<string, { js: string[]; css: string[] }>;
  try {
    pages = JSON.parse(fs.readFileSync(path.join(dist, 'pages.json'), 'utf8'));
  } catch {
    return () => '';
  }
  const attr = (url: string) => url.replace(/[^\w./-]/g, '');
  const links = Object.entries(pages).map(([pattern, files]) => ({
    // `/thu-tuc/:code` → ^/thu-tuc/[^/]+$; a trailing slash is the same page, as in the app's router.
    match: new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+').replace(/\./g, '\\.')}/*$`),
    tags:
      files.css.map((f) => `<link rel="stylesheet" crossorigin href="${attr(f)}">`).join('') +
      files.js.map((f) => `<link rel="modulepreload" crossorigin href="${attr(f)}">`).join(''),
  }));
  return (pathname) => links.find((l) => l.match.test(pathname))?.tags ?? '';
}

/** API prefixes that answer problem+json when nothing matches, whatever the client accepts. */
const API_PREFIXES = ['/api', '/oidc', '/auth', '/.well-known'];

/**
 * Serves the built web app: its files, and index.html for every other page address, with the
 * answers the app asks for first (`pageData`) written in. A client that asks only for JSON, and
 * every API address, gets the 404 problem instead.
 */
export async function serveWebApp(
  app: FastifyInstance,
  config: Config,
  pageData: (page: PageAddress) => Promise<Record<string, unknown>>,
): Promise<void> {
  const indexHtml = path.join(config.WEB_DIST_DIR, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.WEB_DIST_DIR,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each text asset; they are sent to browsers that take them.
      preCompressed: true,
      // Vite fingerprints assets: cache them for a year; index.html must always be fresh.
      setHeaders: (reply, file) => {
        reply.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    app.log.warn(`No web build at ${config.WEB_DIST_DIR}; serving the API only (run: npm run build)`);
  }

  // Every page is index.html with the answers it asks for first written in as data (the site
  // description on every page, a procedure on its page, the first results of a search): the page
  // paints without waiting for those round trips after its script (LCP on a slow phone).
  const html = hasWeb ? fs.readFileSync(indexHtml, 'utf8') : '';
  const pageLinks = pageModuleLinks(config.WEB_DIST_DIR);
  const sendPage = async (req: FastifyRequest, reply: FastifyReply, pathname: string) => {
    const query = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1 || req.url.length));
    // `<` never appears raw, so no text in the data (a procedure's name) can close the script.
    const boot = JSON.stringify(await pageData({ path: pathname, query })).replace(/</g, '\\u003c');
    const page = html.replace(
      '</head>',
      `${pageLinks(pathname)}<script id="cqs-boot" type="application/json">${boot}</script></head>`,
    );
    reply
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding')
      .type('text/html; charset=utf-8');
    // A couple of kilobytes: compressed per request, as the build does for the static files.
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepts))
      return reply
        .header('content-encoding', 'br')
        .send(brotliCompressSync(page, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }));
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(gzipSync(page));
    return reply.send(page);
  };

  app.setNotFoundHandler((req, reply) => {
    const pathname = (req.url.split('?')[0] ?? '/').replace(/^[a-z]+:\/\/[^/]+/i, '') || '/';
    const isApi = API_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
    // No Accept header means */* (RFC 9110): a crawler, a link preview, curl. Only a client that
    // names JSON and neither HTML nor a wildcard is answered as an API client.
    const accept = req.headers.accept ?? '*/*';
    const jsonOnly = /json/i.test(accept) && !/text\/html|\*\/\*|text\/\*/i.test(accept);
    const isPage =
      hasWeb &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      !isApi &&
      !jsonOnly &&
      // A file has an extension; a page may end in a procedure code (`/thu-tuc/1.001193`).
      !/\.(?!\d+$)[^/.]+$/.test(pathname);
    // The SPA owns every other page path; its router shows its own "not found".
    if (isPage) return sendPage(req, reply, pathname);
    return sendProblem(reply, HttpErrors.create('NOT_FOUND'));
  });
}

/**
 * A hot route's serializer: JSON.stringify of what its handler built field by field, without zod
 * parsing the answer again; the route's schema still documents it.
 */
export const plainJson = () => (data: unknown) => JSON.stringify(data);
