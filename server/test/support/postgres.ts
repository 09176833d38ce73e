import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type EmbeddedInstance, openEmbedded } from '../../src/db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's maintenance URL, on which each test file creates its own database. */
    testAdminUrl: string;
    /** Migrated, empty. */
    testTemplate: string;
    /** Migrated, with the reference data (administrative map, agencies, schedules) loaded. */
    testReferenceTemplate: string;
    /** testReferenceTemplate with the national catalogue imported too. */
    testSeededTemplate: string;
  }
}

/**
 * The PostgreSQL server a test run uses: TEST_DATABASE_URL, else the machine's server on
 * 127.0.0.1:5432, else an embedded PostgreSQL the run starts itself in a throwaway folder.
 * Under CI=true the machine's server (the oldest version we support) must be there.
 */
export const machineUrl = 'postgres://postgres@127.0.0.1:5432/test';

export type TestServer = { adminUrl: string; describe: string; stop(): Promise<void> };

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function testServer(): Promise<TestServer> {
  const given = process.env.TEST_DATABASE_URL;
  const url = given ?? machineUrl;
  if (await reachable(url)) return { adminUrl: url, describe: `PostgreSQL at ${url}`, stop: async () => {} };
  if (given || process.env.CI === 'true') {
    throw new Error(
      `PostgreSQL is not reachable at ${url}${given ? ' (TEST_DATABASE_URL)' : ' and CI=true: CI tests on the machine server'}`,
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'cqs-test-pg-'));
  const instance: EmbeddedInstance = await openEmbedded(dir, () => {});
  console.warn(`No PostgreSQL at ${url}: testing on an embedded PostgreSQL ${instance.version} in ${dir}`);
  return {
    adminUrl: instance.url,
    describe: `embedded PostgreSQL ${instance.version}`,
    stop: async () => {
      await instance.release();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
