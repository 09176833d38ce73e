import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { seedCatalog } from '../seed/catalog.ts';
import type { Database } from '../src/db/engine.ts';
import { backup, restore } from '../src/platform/backup.ts';
import { silentProgress } from '../src/platform/progress.ts';
import { describeEachEngine, freshDatabase } from './support/databases.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A digest of every row of every table, ordered, so two databases can be compared exactly. */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const tables = await database.rows<{ t: string }>(
    sql`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await database.rows<{ n: number; h: string | null }>(
      sql`SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${sql.identifier(t)} x`,
    );
    out[t] = `${row?.n}:${row?.h}`;
  }
  return out;
}

describeEachEngine('backup and restore', { seed: true }, (ctx) => {
  it('round-trips every row into a fresh database', async () => {
    // The catalogue too: its versions carry a generated column, computed again on restore.
    await seedCatalog(ctx.database, ctx.config, silentProgress);
    const file = path.join(dir, 'round-trip.cqsbak.gz');
    const made = await backup(ctx.database, file, silentProgress);
    expect(made.rows).toBeGreaterThan(25_000);
    const source = await fingerprint(ctx.database);
    expect(Number(source.identity_agency?.split(':')[0])).toBe(263);
    expect(Number(source.catalog_procedure_version?.split(':')[0])).toBe(2642);

    const fresh = await freshDatabase();
    try {
      const r = await restore(fresh.database, file, silentProgress);
      expect(r.rows).toBe(made.rows);
      expect(await fingerprint(fresh.database)).toEqual(source);
      // Self-references survive: every commune desk still points at its commune committee.
      const [orphans] = await fresh.database.rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM identity_agency a LEFT JOIN identity_agency p ON p.id = a.parent_id
        WHERE a.kind = 'one_stop_desk' AND p.kind IS DISTINCT FROM 'commune_committee'`);
      expect(orphans?.n).toBe(0);
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a truncated or foreign file and leaves the database as it was', async () => {
    const file = path.join(dir, 'refuse.cqsbak.gz');
    await backup(ctx.database, file, silentProgress);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const truncated = path.join(dir, 'truncated.gz');
    fs.writeFileSync(truncated, zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const notBackup = path.join(dir, 'not-a-backup.gz');
    fs.writeFileSync(notBackup, 'hello');

    const before = await fingerprint(ctx.database);
    await expect(restore(ctx.database, truncated, silentProgress)).rejects.toThrow(/truncated/);
    await expect(restore(ctx.database, notBackup, silentProgress)).rejects.toThrow(
      /not a gzip'd|not a Chính quyền số backup/,
    );
    await expect(restore(ctx.database, path.join(dir, 'missing.gz'), silentProgress)).rejects.toThrow(
      /No such file/,
    );
    expect(await fingerprint(ctx.database)).toEqual(before);
  });
});
