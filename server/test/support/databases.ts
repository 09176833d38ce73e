import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Config } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/db/engine.ts';
import { testConfig } from './config.ts';
import { adminQuery, databaseUrl } from './postgres.ts';

export { testConfig };

export type TestDatabase = { database: Database; url: string; drop(): Promise<void> };

/**
 * What a test database starts with: `true` the reference data and the catalogue (as a new
 * deployment has them), `'reference'` the reference data without the catalogue (to import it),
 * `false` only the schema.
 */
export type Seed = boolean | 'reference';

/** A fresh database of this test file's own, copied from the run's template (see global-setup.ts). */
export async function freshDatabase(options: { seed?: Seed } = {}): Promise<TestDatabase> {
  const adminUrl = inject('testAdminUrl');
  const template = inject(
    options.seed === 'reference'
      ? 'testReferenceTemplate'
      : options.seed
        ? 'testSeededTemplate'
        : 'testTemplate',
  );
  const name = `cqs_t_${randomBytes(6).toString('hex')}`;
  // FILE_COPY copies the template's files instead of writing them through the WAL: faster here.
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  const url = databaseUrl(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolMax: 10 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export type EngineContext = { database: Database; url: string; config: Config };

/**
 * Runs a suite on a fresh database of its own, seeded as `options.seed` says (see Seed).
 * `ctx` is filled in beforeAll.
 */
export function describeEachEngine(
  title: string,
  options: { seed?: Seed; config?: Record<string, string> },
  suite: (ctx: EngineContext) => void,
): void {
  describe(title, () => {
    const ctx = {} as EngineContext;
    let test: TestDatabase;
    beforeAll(async () => {
      test = await freshDatabase({ seed: options.seed });
      ctx.database = test.database;
      ctx.url = test.url;
      ctx.config = testConfig(options.config);
    });
    afterAll(async () => {
      await test?.drop();
      if (ctx.config) rmSync(ctx.config.filesDir, { recursive: true, force: true });
    });
    suite(ctx);
  });
}
