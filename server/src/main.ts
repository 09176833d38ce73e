import { sql } from 'drizzle-orm';
import { seedCatalog } from '../seed/catalog.ts';
import { seedDemoAccounts } from '../seed/demo.ts';
import { seedDemoDossiers } from '../seed/demo-dossiers.ts';
import { seedDemoPlan } from '../seed/dx-plan.ts';
import { seedReferenceData } from '../seed/index.ts';
import { type Config, ConfigError } from './config.ts';
import { type Database, openDatabase } from './db/engine.ts';
import { migrate } from './db/migrate.ts';
import { hasPgliteData, PGLITE_FOUND } from './db/pglite-import.ts';
import { backfillFacts } from './modules/dossiers/facts.ts';
import { loadCalendar } from './platform/calendar/store.ts';
import { buildApp } from './platform/http/app.ts';
import { progress } from './platform/progress.ts';

/** Composition root: config → database (migrated) → HTTP app. */
export async function openAndMigrate(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolMax: config.DATABASE_POOL_MAX,
    log,
  });
  try {
    await migrate(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

/** A database is new when the administrative map has never been loaded into it. */
export async function isNewDatabase(database: Database): Promise<boolean> {
  const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM admin_unit`);
  return (row?.n ?? 0) === 0;
}

export type Running = { url: string; close(): Promise<void>; database: Database; mailer: string };

export async function startPlatform(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<Running> {
  if (!config.DATABASE_URL && hasPgliteData(config.DATA_DIR))
    throw new ConfigError(PGLITE_FOUND(config.DATA_DIR));
  const database = await openAndMigrate(config, log);
  if (await isNewDatabase(database)) {
    log('Cơ sở dữ liệu mới: nạp dữ liệu tham chiếu / New database: loading reference data…');
    const summary = await seedReferenceData(database, config, progress);
    for (const note of summary.notes) log(`  note: ${note}`);
    await seedCatalog(database, config, (n) => progress('Thủ tục hành chính / procedures', n));
    if (config.DEMO_ACCOUNTS === 'true') {
      await seedDemoAccounts(database, config);
      // The DX plan's tasks are illustrative, so it comes with the demo, never into production.
      await seedDemoPlan(database);
      const made = await seedDemoDossiers(database, config);
      if (made) log(`  Hồ sơ demo / demo dossiers: ${made.toLocaleString('vi-VN')}`);
    }
  }
  await backfillFacts(database, await loadCalendar(database.db, config));
  const app = await buildApp({ config, database });
  const mailer = app.identity.mailer.describe;
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = config.publicUrl;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await database.close();
    })();
    return closing;
  };
  return { url, close, database, mailer };
}
