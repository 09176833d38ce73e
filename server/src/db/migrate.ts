import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { repoRoot } from '../config.ts';
import type { Database, Schema } from './engine.ts';

export const migrationsFolder = path.join(repoRoot, 'server', 'migrations');

type Journal = { entries: { idx: number; tag: string; when: number }[] };

/** The migrations this build ships, in order. */
export function shippedMigrations(): string[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  return journal.entries.map((e) => e.tag);
}

/** Applies the committed SQL migrations not yet recorded in drizzle.__drizzle_migrations. */
export async function migrate(database: Database): Promise<void> {
  await migrateNodePg(database.db as unknown as NodePgDatabase<Schema>, { migrationsFolder });
}

/** How many migrations the database has applied (0 on a new database). */
export async function appliedMigrationCount(database: Database): Promise<number> {
  const [exists] = await database.rows<{ t: string | null }>(
    sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`,
  );
  if (!exists?.t) return 0;
  const [row] = await database.rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
  );
  return row?.n ?? 0;
}

/** True when every shipped migration has been applied. */
export async function migrationsCurrent(database: Database): Promise<boolean> {
  return (await appliedMigrationCount(database)) === shippedMigrations().length;
}
