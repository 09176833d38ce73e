import { type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { ConfigError } from '../config.ts';
import { applicationName, openEmbedded } from './embedded.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The Drizzle database. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A Drizzle transaction; it has the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  /** True on the embedded PostgreSQL that this platform runs itself (no DATABASE_URL). */
  embedded: boolean;
  db: Db;
  /** The connection URL (with its password): for tools that need their own connection. */
  url: string;
  /** Runs one statement and returns its rows (typed by the caller). */
  rows<T>(query: SQL): Promise<T[]>;
  /**
   * A hot path's statement, parsed and planned once per connection under `name` (PostgreSQL's
   * named prepared statements), its rows as PostgreSQL names the columns.
   */
  prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]>;
  /** For /metrics: connections in use, idle and waiting. */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
  /** A human description without secrets, for logs and the start banner. */
  describe: string;
}

export type EngineOptions = {
  databaseUrl?: string;
  dataDir?: string;
  poolMax?: number;
  /** One line on what the embedded server did (initialised, started, joined). */
  log?: (line: string) => void;
};

/**
 * A PostgreSQL server at DATABASE_URL, else the embedded PostgreSQL of `dataDir` (started, or
 * joined when another process of the same DATA_DIR runs it).
 */
export async function openDatabase(opts: EngineOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolMax ?? 10);
  if (!opts.dataDir) throw new ConfigError('DATA_DIR or DATABASE_URL is needed to open a database');
  const instance = await openEmbedded(opts.dataDir, opts.log ?? (() => {}));
  try {
    const database = await openPostgres(instance.url, opts.poolMax ?? 10);
    return {
      ...database,
      embedded: true,
      describe: `PostgreSQL ${instance.version} nhúng / embedded in ${instance.dataDir} (127.0.0.1:${instance.port})`,
      close: async () => {
        await database.close();
        await instance.release();
      },
    };
  } catch (e) {
    await instance.release();
    throw e;
  }
}

/** Settings every connection gets. */
const SESSION_SETTINGS: [string, string][] = [
  // The catalogue search's `<%` (catalog/search.ts): a word of the name at least half alike.
  ['pg_trgm.word_similarity_threshold', '0.5'],
  // JIT compiles plans costed as expensive, e.g. a year of statistics: on those it spent a second
  // compiling to save less than that (EXPLAIN ANALYZE on 1 M dossiers), and our queries are short.
  ['jit', 'off'],
];

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: applicationName(),
    options: SESSION_SETTINGS.map(([name, value]) => `-c ${name}=${value}`).join(' '),
  });
  // An idle connection can be cut by the server (restart, failover, admin): the pool replaces it.
  // Without a listener Node would treat the event as an uncaught error and stop the process.
  pool.on('error', (e) => process.emitWarning(`PostgreSQL connection lost: ${e.message}`));
  // Fail early with the server's own message (wrong host, database missing) rather than on first request.
  try {
    (await pool.connect()).release();
  } catch (e) {
    await pool.end();
    throw new ConfigError(
      `DATABASE_URL: không kết nối được PostgreSQL / cannot connect to PostgreSQL at ${redacted(url)}: ${(e as Error).message}`,
    );
  }
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    embedded: false,
    db,
    url,
    rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    prepared: async <T>(name: string, text: string, values: unknown[]) =>
      (await pool.query({ name, text, values })).rows as T[],
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
    describe: `PostgreSQL at ${redacted(url)}`,
  };
}

/** The URL without its password, for messages and logs. */
export function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Server version, e.g. "15.19". */
export async function serverVersion(database: Database): Promise<string> {
  const [row] = await database.rows<{ v: string }>(sql`SELECT current_setting('server_version') AS v`);
  return row?.v ?? 'unknown';
}
