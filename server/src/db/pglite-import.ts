import fs from 'node:fs';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { ConfigError } from '../config.ts';
import { backup, restore, rowCount } from '../platform/backup.ts';
import type { Progress } from '../platform/progress.ts';
import type { Database, Db } from './engine.ts';
import { migrationsFolder } from './migrate.ts';
import * as schema from './schema.ts';

/**
 * Until December 2026 the embedded engine was PGlite (PostgreSQL in WASM) with its data in
 * `DATA_DIR/pgdata`. Its data moves into the embedded PostgreSQL through the platform's own
 * engine-neutral backup: the PGlite directory is brought to this release's migrations, backed up,
 * restored into `DATA_DIR/postgres`, and kept beside it as `pgdata.imported`.
 */
export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pgdata');

/** True when DATA_DIR holds a PGlite database that has not been moved yet. */
export function hasPgliteData(dataDir: string): boolean {
  return fs.existsSync(path.join(pgliteDir(dataDir), 'PG_VERSION'));
}

export const PGLITE_FOUND = (dataDir: string) =>
  `DATA_DIR=${dataDir} có cơ sở dữ liệu PGlite của phiên bản trước (${pgliteDir(dataDir)}). Chuyển nó sang PostgreSQL nhúng: npm run cqs -- import-pglite
DATA_DIR=${dataDir} holds a PGlite database from an earlier release (${pgliteDir(dataDir)}). Move it into the embedded PostgreSQL with: npm run cqs -- import-pglite
(or move that folder away to start with a new database)`;

/** Opens the PGlite directory read for export (PGlite is kept only for this). */
async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
  const db = drizzle(client, { schema });
  // A directory of an older release: bring it to this release's schema, as its next start would have.
  await migrate(db, { migrationsFolder });
  const rows = async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  return {
    embedded: true,
    db: db as unknown as Db,
    url: `pglite://${dir}`,
    rows,
    prepared: async <T>(_name: string, text: string, values: unknown[]) =>
      (await client.query<T>(text, values)).rows,
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: () => client.close(),
    describe: `PGlite in ${dir}`,
  };
}

export type PgliteImport = { rows: number; tables: number; keptAt: string; backupFile: string };

/**
 * Moves DATA_DIR/pgdata into `target` (the embedded PostgreSQL, migrated). Refuses a target that
 * has data unless `force`; nothing is written to the target unless the whole export succeeded.
 */
export async function importPglite(
  dataDir: string,
  target: Database,
  options: { force?: boolean; progress: (label: string) => (total: number) => Progress },
): Promise<PgliteImport> {
  if (!hasPgliteData(dataDir)) {
    throw new ConfigError(`Không có ${pgliteDir(dataDir)} / no PGlite database in ${pgliteDir(dataDir)}`);
  }
  if (!options.force && (await rowCount(target)) > 0) {
    throw new ConfigError(
      'PostgreSQL nhúng đã có dữ liệu; thêm --force để thay bằng dữ liệu PGlite. / The embedded PostgreSQL already has data; add --force to replace it with the PGlite data.',
    );
  }
  const backupFile = path.join(dataDir, `pgdata-export-${new Date().toISOString().slice(0, 10)}.cqsbak.gz`);
  const source = await openPglite(pgliteDir(dataDir));
  try {
    await backup(source, backupFile, options.progress('Xuất PGlite / exporting PGlite'));
  } finally {
    await source.close();
  }
  const restored = await restore(target, backupFile, options.progress('Nạp vào PostgreSQL / loading'));
  const keptAt = `${pgliteDir(dataDir)}.imported`;
  fs.renameSync(pgliteDir(dataDir), keptAt);
  return { ...restored, keptAt, backupFile };
}
