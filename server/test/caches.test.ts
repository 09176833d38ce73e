import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Database, openDatabase } from '../src/db/engine.ts';
import { TtlCache } from '../src/platform/cache.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds or `ms` pass: a NOTIFY arrives in about a millisecond, not at once. */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await sleep(20);
  }
  return check();
}

describe('TtlCache', () => {
  it('loads a key once while it lives, and again after its TTL', async () => {
    const cache = new TtlCache<string, number>(50);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    expect(await cache.get('a', load)).toBe(1);
    await sleep(60);
    expect(await cache.get('a', load)).toBe(2);
  });

  it('keeps neither a failed load nor one that found nothing', async () => {
    const cache = new TtlCache<string, number | undefined>(10_000);
    await expect(cache.get('x', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('x', async () => undefined)).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(await cache.get('x', async () => 7)).toBe(7);
    expect(cache.size).toBe(1);
  });

  it('does not keep what a load read before an invalidation', async () => {
    const cache = new TtlCache<string, string>(10_000);
    let release: (v: string) => void = () => {};
    const slow = cache.get('k', () => new Promise((r) => (release = r)));
    cache.forget('k');
    release('old');
    expect(await slow).toBe('old');
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('drops the entries an invalidation picks by value, and keeps the others', async () => {
    const cache = new TtlCache<string, { person: string }>(10_000);
    await cache.get('t1', async () => ({ person: 'p1' }));
    await cache.get('t2', async () => ({ person: 'p2' }));
    cache.forget((v) => v.person === 'p1');
    expect(await cache.get('t1', async () => ({ person: 'reloaded' }))).toEqual({ person: 'reloaded' });
    expect(await cache.get('t2', async () => ({ person: 'reloaded' }))).toEqual({ person: 'p2' });
  });

  it('stays within its size, dropping the oldest entry', async () => {
    const cache = new TtlCache<number, number>(10_000, 3);
    for (let i = 0; i < 5; i++) await cache.get(i, async () => i);
    expect(cache.size).toBe(3);
  });
});

// Two web processes of one database: each with its own pool and caches, as `cqs start` with
// WEB_PROCESSES=2 or two nodes behind a load balancer run them.
describeEachEngine('caches of two web processes on one database', { seed: true }, (ctx) => {
  const first = { app: undefined as unknown as FastifyInstance };
  let second: FastifyInstance;
  let secondDatabase: Database;
  beforeAll(async () => {
    first.app = await buildApp({ config: ctx.config, database: ctx.database, logger: false, roles: ['web'] });
    secondDatabase = await openDatabase({ databaseUrl: ctx.url });
    second = await buildApp({ config: ctx.config, database: secondDatabase, logger: false, roles: ['web'] });
    await Promise.all([first.app.ready(), second.ready()]);
  });
  afterAll(async () => {
    await first.app.close();
    await second?.close();
    await secondDatabase?.close();
  });
  const { as, ids, sessionOf } = useDemoSessions(ctx, first, ['nguyenvanan', 'tranthibinh', 'motcua']);

  it('refuses on the other process a session signed out on this one', async () => {
    const me = (app: FastifyInstance, cookie: string) =>
      app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    const { cookie } = sessionOf('tranthibinh');
    expect((await me(first.app, cookie)).statusCode).toBe(200);
    // Both processes have it cached now.
    expect((await me(second, cookie)).statusCode).toBe(200);
    const out = await as('tranthibinh', { method: 'POST', url: '/auth/logout', payload: {} });
    expect(out.statusCode).toBeLessThan(400);
    expect((await me(first.app, cookie)).statusCode).toBe(401);
    expect(await within(2000, async () => (await me(second, cookie)).statusCode === 401)).toBe(true);
  });

  it('refuses at once, everywhere, an account disabled by SQL behind the platform (the trigger tells)', async () => {
    const { cookie } = sessionOf('nguyenvanan');
    expect((await first.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    expect((await second.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    await ctx.database.rows(
      sql`UPDATE identity_person SET status = 'disabled' WHERE id = ${ids.nguyenvanan}`,
    );
    try {
      for (const app of [first.app, second])
        expect(
          await within(
            2000,
            async () =>
              (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode === 401,
          ),
        ).toBe(true);
    } finally {
      await ctx.database.rows(
        sql`UPDATE identity_person SET status = 'active' WHERE id = ${ids.nguyenvanan}`,
      );
    }
  });

  it("tells the other processes of a change to who a person is, not of a sign-in's bookkeeping", async () => {
    // Every sign-in writes last_login_at: before migration 0021 it dropped that person's cached
    // sign-ins in every process. A change of name or status still must.
    const listener = new pg.Client({ connectionString: ctx.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query('LISTEN cqs_cache');
    const topic = `auth:${ids.tranthibinh}`;
    try {
      await ctx.database.rows(
        sql`UPDATE identity_person SET last_login_at = now(), failed_logins = 0, locked_until = NULL WHERE id = ${ids.tranthibinh}`,
      );
      await sleep(300);
      expect(heard).not.toContain(topic);
      await ctx.database.rows(
        sql`UPDATE identity_person SET full_name = full_name WHERE id = ${ids.tranthibinh}`,
      );
      expect(await within(2000, async () => heard.includes(topic))).toBe(true);
    } finally {
      await listener.end();
    }
  });

  it('shows a procedure taken offline on one process as not offered on the other', async () => {
    const code = '1.000426';
    const citizen = sessionOf('nguyenvanan');
    const file = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { cookie: citizen.cookie, 'x-csrf-token': citizen.csrf },
        payload: { procedureCode: code, formData: {}, draft: true },
      });
    expect((await file(second)).statusCode).toBe(201);
    await ctx.database.rows(sql`UPDATE catalog_procedure SET enabled = false WHERE code = ${code}`);
    try {
      expect(await within(2000, async () => (await file(second)).statusCode === 409)).toBe(true);
    } finally {
      await ctx.database.rows(sql`UPDATE catalog_procedure SET enabled = true WHERE code = ${code}`);
    }
  });
});
