import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, expect, it } from 'vitest';
import { migrationsFolder } from '../src/db/migrate.ts';
import { hasPgliteData, importPglite } from '../src/db/pglite-import.ts';
import { startPlatform } from '../src/main.ts';
import { adminUnits } from '../src/modules/admin-units/schema.ts';
import { newId } from '../src/platform/ids.ts';
import { silentProgress } from '../src/platform/progress.ts';
import { describeEachEngine, testConfig } from './support/databases.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-pglite-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A DATA_DIR as the PGlite releases left it: DATA_DIR/pgdata, migrated, with a row in it. */
async function makePgliteDataDir() {
  const client = await PGlite.create(path.join(dataDir, 'pgdata'), { extensions: { unaccent, pg_trgm } });
  const db = drizzle(client);
  await migrate(db, { migrationsFolder });
  await db.insert(adminUnits).values({
    id: newId(),
    code: '08',
    name: 'Tỉnh Tuyên Quang',
    shortName: 'Tuyên Quang',
    type: 'tinh',
    level: 'province',
    provinceCode: '08',
    validFrom: '2025-07-01',
    source: 'test',
  });
  await client.close();
}

describeEachEngine('moving a PGlite DATA_DIR into the embedded PostgreSQL', {}, (ctx) => {
  it('refuses to start beside an unmoved PGlite database, saying how to move it', async () => {
    await makePgliteDataDir();
    expect(hasPgliteData(dataDir)).toBe(true);
    await expect(startPlatform(testConfig({ DATA_DIR: dataDir }), () => {})).rejects.toThrow(
      /cqs -- import-pglite/,
    );
  });

  it('moves every row, keeps the old folder aside, and refuses to overwrite data unless forced', async () => {
    const moved = await importPglite(dataDir, ctx.database, { progress: () => silentProgress });
    expect(moved.rows).toBe(1);
    const [unit] = await ctx.database.rows<{ name: string }>(sql`SELECT name FROM admin_unit`);
    expect(unit?.name).toBe('Tỉnh Tuyên Quang');
    expect(hasPgliteData(dataDir)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pgdata.imported', 'PG_VERSION'))).toBe(true);

    fs.renameSync(path.join(dataDir, 'pgdata.imported'), path.join(dataDir, 'pgdata'));
    await expect(importPglite(dataDir, ctx.database, { progress: () => silentProgress })).rejects.toThrow(
      /--force/,
    );
    const again = await importPglite(dataDir, ctx.database, { force: true, progress: () => silentProgress });
    expect(again.rows).toBe(1);
  });
});
