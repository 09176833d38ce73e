import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createHttpApp } from '../src/platform/http/app.ts';
import { LAST_RESORT_CODES, toDomainError } from '../src/platform/http/problem.ts';
import { describeEachEngine } from './support/databases.ts';

/**
 * The last resort of issue 25, finding 5: a PostgreSQL constraint or data error that a request
 * reaches unchecked is a bug, answered as a bilingual 409/422 problem without a word of SQL (never
 * a 500), and logged at error level as a bug. Real errors from the database, through the app;
 * values go in as parameters, as the app's queries do, so the log may name the statement, not them.
 */
const cases: { name: string; sqlState: string; status: number; code: string; query: SQL }[] = [
  {
    name: 'unique violation',
    sqlState: '23505',
    status: 409,
    code: 'HTTP.DATA_CONFLICT',
    query: sql`INSERT INTO lr_parent (id, email) VALUES (2, ${'an@example.com'})`,
  },
  {
    name: 'foreign key to nothing',
    sqlState: '23503',
    status: 422,
    code: 'HTTP.DATA_UNKNOWN_REFERENCE',
    query: sql`INSERT INTO lr_child (id, parent_id, n) VALUES (10, 999, 1)`,
  },
  {
    name: 'foreign key still referenced',
    sqlState: '23503',
    status: 409,
    code: 'HTTP.DATA_IN_USE',
    query: sql`DELETE FROM lr_parent WHERE id = 1`,
  },
  {
    name: 'check violation',
    sqlState: '23514',
    status: 422,
    code: 'HTTP.DATA_INVALID',
    query: sql`INSERT INTO lr_child (id, parent_id, n) VALUES (11, 1, -5)`,
  },
  {
    name: 'not-null violation',
    sqlState: '23502',
    status: 422,
    code: 'HTTP.DATA_INVALID',
    query: sql`INSERT INTO lr_child (id, parent_id, n) VALUES (12, 1, NULL)`,
  },
  {
    name: 'invalid text representation',
    sqlState: '22P02',
    status: 422,
    code: 'HTTP.DATA_INVALID',
    query: sql`SELECT ${'not-a-uuid'}::uuid`,
  },
  {
    name: 'value too long',
    sqlState: '22001',
    status: 422,
    code: 'HTTP.DATA_INVALID',
    query: sql`INSERT INTO lr_child (id, parent_id, n, label) VALUES (13, 1, 1, ${'too long a label'})`,
  },
  {
    name: 'numeric out of range',
    sqlState: '22003',
    status: 422,
    code: 'HTTP.DATA_INVALID',
    query: sql`SELECT ${'9007199254740991'}::int`,
  },
  {
    name: 'datetime overflow',
    sqlState: '22008',
    status: 422,
    code: 'HTTP.DATA_INVALID',
    query: sql`SELECT ${'9999-12-31T00:00:00Z'}::timestamptz + interval '300000 years'`,
  },
];

describeEachEngine('database errors that reach the error handler', { seed: false }, (ctx) => {
  let app: FastifyInstance;
  const logged: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  beforeAll(async () => {
    await ctx.database.rows(sql`
      CREATE TABLE lr_parent (id int PRIMARY KEY, email text UNIQUE);
      CREATE TABLE lr_child (
        id int PRIMARY KEY,
        parent_id int REFERENCES lr_parent (id),
        n int NOT NULL CHECK (n > 0),
        label varchar(5)
      );
      INSERT INTO lr_parent VALUES (1, 'an@example.com');
      INSERT INTO lr_child VALUES (1, 1, 1, 'ok');`);
    app = await createHttpApp({ config: ctx.config, database: ctx.database, logger: false, tags: [] });
    // The app's request logger, watched: the bug must be logged at error level.
    app.addHook('onRequest', async (req) => {
      const watch =
        (level: string) =>
        (obj: Record<string, unknown>, msg = '') =>
          logged.push({ level, obj, msg });
      req.log = Object.assign(Object.create(req.log), { error: watch('error'), warn: watch('warn') });
    });
    app.get('/last-resort/:n', async (req) => {
      const c = cases[Number((req.params as { n: string }).n)]!;
      await ctx.database.db.execute(c.query);
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers each as a bilingual 409/422 problem without SQL, never a 500, and logs it as a bug', async () => {
    for (const [n, c] of cases.entries()) {
      logged.length = 0;
      const res = await app.inject({ method: 'GET', url: `/last-resort/${n}` });
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(c.status);
      expect(res.headers['content-type'], c.name).toContain('application/problem+json');
      const body = res.json();
      expect(body.code, c.name).toBe(c.code);
      expect(LAST_RESORT_CODES, c.name).toContain(body.code);
      expect(body.title, c.name).toMatch(/\p{L}/u);
      expect(body.en.title, c.name).toMatch(/[A-Za-z]/);
      expect(body.title, c.name).not.toBe(body.en.title);
      // Nothing of the database: no statement, table, constraint, type or value.
      expect(res.body, c.name).not.toMatch(
        /lr_parent|lr_child|constraint|violates|SELECT|INSERT|DELETE|uuid|integer|timestamp|an@example|not-a-uuid|too long a label|9007199254740991/i,
      );
      expect(logged, c.name).toHaveLength(1);
      expect(logged[0], c.name).toMatchObject({
        level: 'error',
        obj: { bug: 'database-constraint', sqlState: c.sqlState },
        msg: expect.stringMatching(/^bug: /),
      });
      // The log names the constraint, never the values the request carried.
      expect(JSON.stringify(logged[0]!.obj), c.name).not.toMatch(
        /an@example|not-a-uuid|too long a label|9007199254740991/,
      );
    }
  });

  it('maps the error as Drizzle wraps it and as the driver throws it', async () => {
    const error = vi.fn();
    const req = {
      log: { error },
      method: 'POST',
      url: '/x',
      routeOptions: { url: '/x' },
    } as unknown as FastifyRequest;
    const thrown = await ctx.database.db.execute(cases[1]!.query).catch((e: Error) => e);
    expect(thrown).toBeInstanceOf(Error);
    expect(toDomainError(thrown as Error, req).status).toBe(422);
    const cause = (thrown as Error).cause as Error;
    expect(toDomainError(cause, req).code).toBe('HTTP.DATA_UNKNOWN_REFERENCE');
    expect(error).toHaveBeenCalledTimes(2);
    // A NUL character stays the plain 400 it was (not a constraint: input nobody can store).
    const nul = await ctx.database.db.execute(sql`SELECT ${'a\u0000b'}::text`).catch((e: Error) => e);
    expect(toDomainError(nul as Error, req)).toMatchObject({ status: 400, code: 'HTTP.BAD_REQUEST' });
  });
});
