import pg from 'pg';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from './engine.ts';
import { migrate } from './migrate.ts';

/**
 * Several processes may start at once on one database (web and worker nodes): one migrates and
 * seeds while the others wait on this advisory lock, then find the work done.
 */
export async function underStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['cqs:startup']);
    return await work();
  } finally {
    await client.end().catch(() => {});
  }
}

/** The configured database (DATABASE_URL, else the embedded one of DATA_DIR), migrated. */
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
    await underStartupLock(database, () => migrate(database));
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}
