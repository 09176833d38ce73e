import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/engine.ts';
import { adminUnitsModule } from './modules/admin-units/index.ts';
import { catalogModule } from './modules/catalog/index.ts';
import { dossiersModule } from './modules/dossiers/index.ts';
import { identityGuard, identityModule } from './modules/identity/index.ts';
import { outboxNotifier } from './modules/notifications/dispatcher.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { reportingModule } from './modules/reporting/index.ts';
import { siteModule } from './modules/site/index.ts';
import { listenForInvalidations } from './platform/cache.ts';
import { calendarModule } from './platform/calendar/module.ts';
import type { Verb } from './platform/cli.ts';
import { createHttpApp, serveWebApp } from './platform/http/app.ts';
import { createMailer, type Mailer } from './platform/mail.ts';
import type { ModuleContext, ModuleDescriptor, RunningJob, SeedContext } from './platform/module.ts';
import { startPeriodic } from './platform/periodic.ts';
import { openStorage } from './platform/storage/index.ts';
import { type SweepResult, sweepBlobs } from './platform/storage/sweep.ts';

/**
 * The composition root: the one list of modules, in the order their reference data is seeded
 * (units before the agencies that sit in them, agencies before the catalogue that names them).
 * Adding a module: its folder with an index.ts descriptor, one line here, its schema export in
 * db/schema.ts, its web feature.
 */
export const MODULES: readonly ModuleDescriptor[] = [
  adminUnitsModule,
  identityModule,
  calendarModule,
  siteModule,
  catalogModule,
  dossiersModule,
  notificationsModule,
  reportingModule,
];

export type Role = 'web' | 'worker';

export type AppOptions = {
  config: Config;
  database: Database;
  /** Outgoing mail; by default SMTP_URL, or the log when it is not set. */
  mailer?: Mailer;
  /** false in tests that want quiet output; otherwise pino JSON at LOG_LEVEL. */
  logger?: boolean;
  /** Default: config.ROLES. */
  roles?: readonly Role[];
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The background jobs this process runs (worker role); `wake()` runs them soon. */
    jobs: { running: readonly { name: string; job: RunningJob }[]; wake(): void };
  }
}

/**
 * One process of the platform. The `web` role serves the API and the web app; the `worker` role
 * runs the modules' background jobs (outbox, reminders, recounts) and serves only /healthz,
 * /readyz and /metrics. Any number of each share one PostgreSQL: jobs claim their work with
 * FOR UPDATE SKIP LOCKED, and web nodes wake the workers through the database (NOTIFY).
 */
export async function buildApp({
  config,
  database,
  mailer,
  logger = true,
  roles,
}: AppOptions): Promise<FastifyInstance> {
  const serving = new Set(roles ?? config.ROLES);
  const tags = MODULES.flatMap((m) => m.tags ?? []);
  const app = await createHttpApp({ config, database, logger, tags, docs: serving.has('web') });
  const mail =
    mailer ??
    createMailer(config.SMTP_URL, config.MAIL_FROM, (msg, m) =>
      app.log.info({ to: m.to, subject: m.subject, text: m.text }, msg),
    );
  const running: { name: string; job: RunningJob }[] = [];
  const notifyWorkers = outboxNotifier(database);
  const wake = () => {
    for (const r of running) r.job.wake?.();
  };
  const ctx: ModuleContext = {
    config,
    database,
    mailer: mail,
    log: app.log,
    guard: identityGuard,
    // A worker in this process is woken at once; workers elsewhere through the database.
    outboxWritten: () => (running.length ? wake() : notifyWorkers()),
  };
  app.decorate('jobs', { running, wake });
  // Other processes' changes (and triggers') drop this process's caches (platform/cache.ts).
  const invalidations = listenForInvalidations(database, app.log);
  app.addHook('onClose', () => invalidations.close());

  if (serving.has('web')) {
    for (const m of MODULES) await m.routes?.(app, ctx);
    await serveWebApp(app, config, async (page) => {
      const parts = await Promise.all(MODULES.map((m) => m.pageData?.(ctx, page) ?? {}));
      return Object.assign({}, ...parts);
    });
  }
  if (serving.has('worker')) {
    for (const m of MODULES)
      for (const job of m.jobs?.(ctx) ?? []) running.push({ name: job.name, job: job.start() });
    // Every six hours: file contents that no module references any more (a file taken off a draft,
    // an upload whose transaction failed).
    const sweep = () =>
      sweepUnreferencedFiles(database, config).then((r) => {
        if (r.removed || r.leftovers) app.log.info(r, 'unreferenced files removed');
      });
    running.push({
      name: 'file sweep',
      job: startPeriodic('sweeping unreferenced files', sweep, 6 * 3_600_000, app.log),
    });
    // Fastify runs onClose before the caller closes the database: runs in progress finish first.
    app.addHook('onClose', async () => {
      await Promise.all(running.map((r) => r.job.close()));
    });
  }
  return app;
}

/** Seeds a new database: every module's reference data, then (with DEMO_ACCOUNTS) its demo data. */
export async function seedModules(s: SeedContext, phases: readonly ('reference' | 'demo')[]): Promise<void> {
  for (const phase of phases) for (const m of MODULES) await m.seed?.[phase]?.(s);
}

/** Removes the stored file contents that no module references and nobody stored in the last hour. */
export function sweepUnreferencedFiles(
  database: Database,
  config: Pick<Config, 'filesDir'>,
  options: { graceMs?: number; now?: Date } = {},
): Promise<SweepResult> {
  const references = MODULES.flatMap((m) => (m.fileReferences ? [m.fileReferences(database)] : []));
  return sweepBlobs(openStorage(config), references, options);
}

/** Every module's `cqs` verbs. */
export const moduleVerbs = (): Record<string, Verb> =>
  Object.assign({}, ...MODULES.map((m) => m.verbs ?? {}));
