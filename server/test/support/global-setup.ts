import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { seedCatalog } from '../../seed/catalog.ts';
import { seedReferenceData } from '../../seed/index.ts';
import { type Database, openDatabase } from '../../src/db/engine.ts';
import { migrate } from '../../src/db/migrate.ts';
import { silentProgress } from '../../src/platform/progress.ts';
import { testConfig } from './config.ts';
import { adminQuery, databaseUrl, testServer } from './postgres.ts';

/**
 * Once per run: the migrations, the reference data and the catalogue go into three template
 * databases, each made from the one before, and each test file gets a fresh copy of one
 * (CREATE DATABASE … TEMPLATE) instead of migrating and seeding ~14k units and 2,642 procedures
 * again per file.
 */
export default async function setup(project: TestProject) {
  const server = await testServer();
  const run = randomBytes(4).toString('hex');
  const template = `cqs_tpl_${run}`;
  const reference = `cqs_tpl_${run}_ref`;
  const seeded = `cqs_tpl_${run}_seed`;
  const made: string[] = [];
  const started = Date.now();
  const steps: [string, string | null, (d: Database) => Promise<unknown>][] = [
    [template, null, (d) => migrate(d)],
    [reference, template, (d) => seedReferenceData(d, testConfig(), silentProgress)],
    [seeded, reference, (d) => seedCatalog(d, testConfig(), silentProgress)],
  ];
  try {
    for (const [name, from, fill] of steps) {
      await adminQuery(server.adminUrl, `CREATE DATABASE ${name}${from ? ` TEMPLATE ${from}` : ''}`);
      made.push(name);
      const database = await openDatabase({ databaseUrl: databaseUrl(server.adminUrl, name), poolMax: 2 });
      try {
        await fill(database);
      } finally {
        await database.close();
      }
      // A template nobody may connect to can be copied by many test files at once.
      await adminQuery(
        server.adminUrl,
        `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`,
      );
    }
  } catch (e) {
    await teardown();
    throw e;
  }
  console.log(
    `test databases: ${server.describe}, templates migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide('testAdminUrl', server.adminUrl);
  project.provide('testTemplate', template);
  project.provide('testReferenceTemplate', reference);
  project.provide('testSeededTemplate', seeded);

  async function teardown() {
    for (const name of made) {
      await adminQuery(server.adminUrl, `ALTER DATABASE ${name} WITH IS_TEMPLATE false`).catch(() => {});
      await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    }
    await server.stop();
  }
  return teardown;
}
