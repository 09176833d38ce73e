import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { ConfigError } from '../config.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The Drizzle database, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A Drizzle transaction; it has the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type EngineKind = 'pglite' | 'postgres';

export interface Database {
  kind: EngineKind;
  db: Db;
  /** Runs one statement and returns its rows (typed by the caller). */
  rows<T>(query: SQL): Promise<T[]>;
  /** For /metrics: connections in use, idle and waiting (PGlite is one connection). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
  /** A human description without secrets, for logs and the start banner. */
  describe: string;
}

export type EngineOptions = { databaseUrl?: string; dataDir?: string; poolMax?: number };

/**
 * PGlite (embedded, data in `dataDir`, or in memory when no dir is given) unless a DATABASE_URL
 * names a real PostgreSQL server.
 */
export async function openDatabase(opts: EngineOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolMax ?? 10) : openPglite(opts.dataDir);
}

/** Settings every connection gets, on both engines. */
const SESSION_SETTINGS: [string, string][] = [
  // The catalogue search's `<%` (catalog/search.ts): a word of the name at least half alike.
  ['pg_trgm.word_similarity_threshold', '0.5'],
];

async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? `${dataDir}/pgdata` : 'memory://', {
    extensions: { unaccent, pg_trgm },
  });
  await client.exec(SESSION_SETTINGS.map(([name, value]) => `SET ${name} = ${value};`).join('\n'));
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: () => client.close(),
    describe: dataDir ? `PGlite (embedded PostgreSQL) in ${dataDir}/pgdata` : 'PGlite (in memory)',
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // JIT compiles plans costed as expensive, e.g. a year of statistics: on those it spent a second
    // compiling to save less than that (EXPLAIN ANALYZE on 1 M dossiers), and our queries are short.
    options: [...SESSION_SETTINGS, ['jit', 'off']].map(([name, value]) => `-c ${name}=${value}`).join(' '),
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
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
    describe: `PostgreSQL at ${redacted(url)}`,
  };
}

/** The URL without its password, for messages and logs. */
function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Server version, e.g. "PostgreSQL 15.19" — PGlite reports 18. */
export async function serverVersion(database: Database): Promise<string> {
  const [row] = await database.rows<{ v: string }>(sql`SELECT current_setting('server_version') AS v`);
  return row?.v ?? 'unknown';
}
