// Process entry: config → database (migrated, seeded when new) → the roles in ROLES (see app.ts).
import { sql } from 'drizzle-orm';
import { buildApp, seedModules } from './app.ts';
import { type Config, ConfigError } from './config.ts';
import type { Database } from './db/engine.ts';
import { openAndMigrate, underStartupLock } from './db/open.ts';
import { hasPgliteData, PGLITE_FOUND } from './db/pglite-import.ts';
import { backfillFacts } from './modules/dossiers/facts.ts';
import { loadCalendar } from './platform/calendar/store.ts';
import { createMailer, type Mailer } from './platform/mail.ts';
import { progress } from './platform/progress.ts';

/** A database is new when the administrative map has never been loaded into it. */
export async function isNewDatabase(database: Database): Promise<boolean> {
  const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM admin_unit`);
  return (row?.n ?? 0) === 0;
}

export type Running = {
  url: string;
  close(): Promise<void>;
  database: Database;
  mailer: string;
  roles: readonly string[];
};

export async function startPlatform(
  config: Config,
  log: (line: string) => void = console.log,
  /** A cluster's primary (web-processes.ts) does not listen: its web processes share the port. */
  options: { listen?: boolean; jobs?: boolean } = {},
): Promise<Running> {
  if (!config.DATABASE_URL && hasPgliteData(config.DATA_DIR))
    throw new ConfigError(PGLITE_FOUND(config.DATA_DIR));
  const database = await openAndMigrate(config, log);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let mailer: Mailer | undefined;
  try {
    await underStartupLock(database, async () => {
      if (await isNewDatabase(database)) {
        log('Cơ sở dữ liệu mới: nạp dữ liệu tham chiếu / New database: loading reference data…');
        const phases =
          config.DEMO_ACCOUNTS === 'true' ? (['reference', 'demo'] as const) : (['reference'] as const);
        await seedModules({ database, config, log, progress }, phases);
      }
      await backfillFacts(database, await loadCalendar(database.db, config));
    });
    mailer = createMailer(config.SMTP_URL, config.MAIL_FROM, (msg, m) =>
      app?.log.info({ to: m.to, subject: m.subject, text: m.text }, msg),
    );
    app = await buildApp({ config, database, mailer, ...(options.jobs === false ? { roles: [] } : {}) });
    if (options.listen !== false) await app.listen({ port: config.PORT, host: config.HOST });
    else await app.ready();
  } catch (e) {
    await app?.close();
    await database.close();
    throw e;
  }

  const url = config.publicUrl;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await app?.close();
      await database.close();
    })();
    return closing;
  };
  return { url, close, database, mailer: mailer!.describe, roles: config.ROLES };
}
