import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NATIONAL_CATALOGUE, readReference } from '../seed/reference.ts';
import { buildApp } from '../src/app.ts';
import { type Database, openDatabase } from '../src/db/engine.ts';
import { importCatalog } from '../src/modules/catalog/import.ts';
import { cacheOf } from '../src/platform/cache.ts';
import { silentProgress } from '../src/platform/progress.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

type Answer = {
  items: { code: string; name: { vi: string }; version: number; enabled: boolean }[];
  total: number;
};

const MARRIAGE = '1.000894'; // Thủ tục đăng ký kết hôn, offered
const DEATH = '1.000656'; // Thủ tục đăng ký khai tử, offered
// The catalogue's tables tell other processes of every change (migration 0019); with those
// triggers off, what a search shows after a change here is what this process dropped itself.
const TRIGGERS = [
  ['catalog_procedure', 'catalog_procedure_cache'],
  ['catalog_procedure_version', 'catalog_procedure_version_cache'],
] as const;

// The public catalogue's searches are cached per process (catalog/search.ts).
describeEachEngine('the public catalogue search cache', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  // A second web process of the same database, with its own pool and caches.
  let other: FastifyInstance;
  let otherDatabase: Database;
  beforeAll(async () => {
    otherDatabase = await openDatabase({ databaseUrl: ctx.url });
    other = await buildApp({ config: ctx.config, database: otherDatabase, logger: false, roles: ['web'] });
    await other.ready();
  });
  afterAll(async () => {
    await other?.close();
    await otherDatabase?.close();
  });
  const { as } = useDemoSessions(ctx, h, ['quantri']);
  const search = async (q: string, extra = '', app = h.app) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/catalog/procedures?q=${encodeURIComponent(q)}${extra}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };
  const adminSearch = async (q: string) => {
    const res = await as('quantri', {
      method: 'GET',
      url: `/api/catalog/procedures?all=true&q=${encodeURIComponent(q)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };
  const codes = (a: Answer) => a.items.map((i) => i.code);
  const triggers = (on: boolean) =>
    Promise.all(
      TRIGGERS.map(([table, trigger]) =>
        ctx.database.rows(sql.raw(`ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`)),
      ),
    );
  const cached = () => cacheOf(ctx.database.db, 'catalog', { name: 'public searches', ttlMs: 30_000 }).size;

  it('serves a public search from the cache, keyed by the words as searched, and never the whole catalogue', async () => {
    await triggers(false);
    try {
      expect(codes(await search('dang ky ket hon'))).toContain(MARRIAGE);
      const entries = cached();
      expect(entries).toBeGreaterThan(0);
      // A change no one announces (triggers off, not through the code): the public search still
      // shows the cached answer, with the same words spaced otherwise too.
      await ctx.database.rows(sql`UPDATE catalog_procedure SET enabled = false WHERE code = ${MARRIAGE}`);
      expect(codes(await search('dang ky ket hon'))).toContain(MARRIAGE);
      expect(codes(await search('  dang ky   ket hon '))).toContain(MARRIAGE);
      expect(cached()).toBe(entries);
      // The whole catalogue (system admins) reads the database every time, and takes no room.
      const all = await adminSearch('dang ky ket hon');
      expect(all.items.find((i) => i.code === MARRIAGE)).toMatchObject({ enabled: false });
      expect(cached()).toBe(entries);
      // So does a page larger than the portal's.
      expect(codes(await search('dang ky ket hon', '&limit=100'))).not.toContain(MARRIAGE);
      expect(cached()).toBe(entries);
    } finally {
      await ctx.database.rows(sql`UPDATE catalog_procedure SET enabled = true WHERE code = ${MARRIAGE}`);
      await triggers(true);
    }
  });

  it('shows an edit, a disabled or enabled procedure and an import to the very next search in this process', async () => {
    await triggers(false);
    try {
      const headers = { 'content-type': 'application/json' };
      const before = (await search('dang ky ket hon')).items.find((i) => i.code === MARRIAGE)!;
      const edit = await as('quantri', {
        method: 'PATCH',
        url: `/api/catalog/procedures/${MARRIAGE}`,
        headers,
        payload: { name: { vi: 'Thủ tục đăng ký kết hôn (đã sửa)' } },
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect((await search('dang ky ket hon')).items.find((i) => i.code === MARRIAGE)).toMatchObject({
        name: { vi: 'Thủ tục đăng ký kết hôn (đã sửa)' },
        version: before.version + 1,
      });

      const off = await as('quantri', { method: 'POST', url: `/api/catalog/procedures/${MARRIAGE}/disable` });
      expect(off.statusCode, off.body).toBe(204);
      expect(codes(await search('dang ky ket hon'))).not.toContain(MARRIAGE);
      const on = await as('quantri', { method: 'POST', url: `/api/catalog/procedures/${MARRIAGE}/enable` });
      expect(on.statusCode, on.body).toBe(204);
      expect(codes(await search('dang ky ket hon'))).toContain(MARRIAGE);

      // `cqs catalog import` in this process: a file with a newer wording of one procedure.
      const deathBefore = (await search('dang ky khai tu')).items.find((i) => i.code === DEATH)!;
      const line = readReference(NATIONAL_CATALOGUE)
        .split('\n')
        .find((l) => l.includes(`"ma_thu_tuc":"${DEATH}"`))!
        .replace('"ten_thu_tuc":"Thủ tục đăng ký khai tử"', '"ten_thu_tuc":"Thủ tục đăng ký khai tử (mới)"');
      const r = await importCatalog(ctx.database, line, { enableLevels: [] }, silentProgress);
      expect(r).toMatchObject({ versioned: 1 });
      expect((await search('dang ky khai tu')).items.find((i) => i.code === DEATH)).toMatchObject({
        name: { vi: 'Thủ tục đăng ký khai tử (mới)' },
        version: deathBefore.version + 1,
      });
    } finally {
      await triggers(true);
    }
  });

  it("drops another process's cached searches when the catalogue changes", async () => {
    expect(codes(await search('dang ky ket hon', '', other))).toContain(MARRIAGE);
    const off = await as('quantri', { method: 'POST', url: `/api/catalog/procedures/${MARRIAGE}/disable` });
    expect(off.statusCode, off.body).toBe(204);
    // The NOTIFY of migration 0019's triggers arrives in a moment, not at once.
    const until = Date.now() + 2000;
    let seen = codes(await search('dang ky ket hon', '', other));
    while (seen.includes(MARRIAGE) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      seen = codes(await search('dang ky ket hon', '', other));
    }
    expect(seen).not.toContain(MARRIAGE);
    await as('quantri', { method: 'POST', url: `/api/catalog/procedures/${MARRIAGE}/enable` });
  });
});
