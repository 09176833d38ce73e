import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { seedReferenceData } from '../../seed/index.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { type Database, type EngineKind, openDatabase } from '../../src/db/engine.ts';
import { migrate } from '../../src/db/migrate.ts';
import { silentProgress } from '../../src/platform/progress.ts';

/** The server tests use TEST_DATABASE_URL, else the machine's PostgreSQL on 127.0.0.1:5432. */
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;
function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return reachable;
}

/** The engines to test on. In CI a missing PostgreSQL fails the run instead of skipping it. */
export async function testEngines(): Promise<EngineKind[]> {
  if (await postgresReachable()) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error(
      `CI=true but PostgreSQL is not reachable at ${adminUrl}: the PostgreSQL tests cannot be skipped`,
    );
  }
  console.warn(`PostgreSQL not reachable at ${adminUrl}: testing on PGlite only`);
  return ['pglite'];
}

export type TestDatabase = { database: Database; url?: string; drop(): Promise<void> };

/** A fresh, migrated database: PGlite in memory, or a new database on the PostgreSQL server. */
export async function freshDatabase(kind: EngineKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const name = `cqs_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 10 });
  await migrate(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The configuration tests run with: the defaults (province 08), quiet logs. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    SECRET_KEY: 'test-secret-key-for-sealing-0123456789',
    // Uploaded files go to a throwaway folder, never into the checkout's ./data.
    FILES_DIR: mkdtempSync(path.join(tmpdir(), 'cqs-files-')),
    ...overrides,
  });
}

export type EngineContext = { kind: EngineKind; database: Database; url?: string; config: Config };

const engines = await testEngines();

/**
 * Runs a suite once per engine on a fresh database of its own, optionally with the reference
 * data loaded. `ctx` is filled in beforeAll.
 */
export function describeEachEngine(
  title: string,
  options: { seed?: boolean; config?: Record<string, string> },
  suite: (ctx: EngineContext) => void,
): void {
  describe.each(engines)(`${title} [%s]`, (kind) => {
    const ctx = { kind } as EngineContext;
    let test: TestDatabase;
    beforeAll(async () => {
      test = await freshDatabase(kind);
      ctx.database = test.database;
      ctx.url = test.url;
      ctx.config = testConfig(options.config);
      if (options.seed) await seedReferenceData(ctx.database, ctx.config, silentProgress);
    });
    afterAll(async () => {
      await test?.drop();
    });
    suite(ctx);
  });
}
