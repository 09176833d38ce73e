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
import { adminUnitRoutes } from '../../modules/admin-units/routes.ts';
import { catalogRoutes } from '../../modules/catalog/routes.ts';
import { dossierFileRoutes } from '../../modules/dossiers/file-routes.ts';
import { dossierFormRoutes } from '../../modules/dossiers/form-routes.ts';
import { dossierRoutes } from '../../modules/dossiers/routes.ts';
import { createIdentity, type IdentityContext } from '../../modules/identity/context.ts';
import { registerIdentity } from '../../modules/identity/register.ts';
import { identityRoutes } from '../../modules/identity/routes.ts';
import { createDispatcher, type Dispatcher } from '../../modules/notifications/dispatcher.ts';
import { notificationRoutes } from '../../modules/notifications/routes.ts';
import { startPlanReminderTimer } from '../../modules/reporting/plan/reminders.ts';
import { planRoutes } from '../../modules/reporting/plan/routes.ts';
import { scorecardRoutes } from '../../modules/reporting/scorecards/routes.ts';
import { startMonthKeeper } from '../../modules/reporting/statistics/keeper.ts';
import { statisticsRoutes } from '../../modules/reporting/statistics/routes.ts';
import { siteInfo, siteRoutes } from '../../modules/site/routes.ts';
import { calendarRoutes } from '../calendar/routes.ts';
import { HttpErrors } from '../errors.ts';
import { newId } from '../ids.ts';
import { createMailer, type Mailer } from '../mail.ts';
import { healthRoutes } from './health.ts';
import { registerMetrics } from './metrics.ts';
import { sendProblem, toDomainError } from './problem.ts';

export type AppOptions = {
  config: Config;
  database: Database;
  /** Outgoing mail; by default SMTP_URL, or the log when it is not set. */
  mailer?: Mailer;
  /** false in tests that want quiet output; otherwise pino JSON at LOG_LEVEL. */
  logger?: boolean;
};

declare module 'fastify' {
  interface FastifyInstance {
    identity: IdentityContext;
    /** Sends the notification outbox after commit (tests drain it to look at the mail). */
    notifications: Dispatcher;
  }
}

/** Builds the HTTP application: plugins, error model, modules' routes, the web app. */
export async function buildApp({
  config,
  database,
  mailer,
  logger = true,
}: AppOptions): Promise<FastifyInstance> {
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
      tags: [
        { name: 'site', description: 'The deploying province' },
        { name: 'admin-units', description: 'Administrative units (đơn vị hành chính), 2025 and before' },
        { name: 'identity', description: 'Agencies, accounts and roles' },
        { name: 'catalog', description: 'Administrative procedures (thủ tục hành chính)' },
        { name: 'calendar', description: 'Lunar calendar, days off, working days and due dates' },
        { name: 'dossiers', description: 'One-stop processing of administrative dossiers (hồ sơ)' },
        { name: 'notifications', description: "The signed-in person's notifications (thông báo)" },
        { name: 'reporting', description: 'Statistics, DX plan and scorecards (báo cáo, chuyển đổi số)' },
        { name: 'operations', description: 'Health and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerMetrics(app, database);

  app.setErrorHandler((error, req, reply) => sendProblem(reply, toDomainError(error as Error, req)));

  const mail =
    mailer ??
    createMailer(config.SMTP_URL, config.MAIL_FROM, (msg, m) =>
      app.log.info({ to: m.to, subject: m.subject, text: m.text }, msg),
    );
  const dispatcher = createDispatcher(database, mail, app.log, { publicUrl: config.publicUrl });
  app.decorate('notifications', dispatcher);
  // Fastify runs onClose before the caller closes the database: the pass in progress finishes first.
  app.addHook('onClose', () => dispatcher.close());
  const identity = await createIdentity(database, config, mail, (m) => app.log.warn(m));
  app.decorate('identity', identity);
  await registerIdentity(app, identity);

  await app.register(healthRoutes(database));
  await app.register(siteRoutes(database, config));
  await app.register(adminUnitRoutes(database));
  await app.register(identityRoutes(database));
  await app.register(catalogRoutes(database));
  await app.register(calendarRoutes(database, config));
  await app.register(dossierRoutes(database, config, () => dispatcher.kick()));
  await app.register(dossierFormRoutes(database, config));
  await app.register(notificationRoutes(database));
  await app.register(statisticsRoutes(database, config));
  await app.register(dossierFileRoutes(database, config));
  await app.register(scorecardRoutes(database, config));
  await app.register(planRoutes(database, config));
  // Reminds lead agencies of DX plan report deadlines (hourly; each notice once).
  const planReminders = startPlanReminderTimer(database, app.log);
  app.addHook('onClose', () => planReminders.close());
  // Keeps the statistics' closed months counted, so a year's figures read them (every 10 min).
  const monthKeeper = startMonthKeeper(database, app.log);
  app.addHook('onClose', () => monthKeeper.close());

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

  // Every page is index.html with the site description it always asks for first (GET /api/site)
  // written in as data: the page paints without waiting for that round trip (LCP on a slow phone).
  const html = hasWeb ? fs.readFileSync(indexHtml, 'utf8') : '';
  const sendPage = async (req: FastifyRequest, reply: FastifyReply) => {
    const site = await siteInfo(database, config);
    const boot = JSON.stringify(site ? { '/api/site': site } : {}).replace(/</g, '\\u003c');
    const page = html.replace(
      '</head>',
      `<script id="cqs-boot" type="application/json">${boot}</script></head>`,
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
    const isPage =
      hasWeb &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      !req.url.startsWith('/api/') &&
      // A file has an extension; a page may end in a procedure code (`/thu-tuc/1.001193`).
      !/\.(?!\d+$)[^/.]+$/.test(req.url.split('?')[0] ?? '') &&
      (req.headers.accept ?? '').includes('text/html');
    // The SPA owns every other page path; its router shows its own "not found".
    if (isPage) return sendPage(req, reply);
    return sendProblem(reply, HttpErrors.create('NOT_FOUND'));
  });

  return app;
}
