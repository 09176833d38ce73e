/**
 * The bench database: made by `bench/generate.ts` when it does not exist yet (never dropped here),
 * sessions for the load, and the removal of what a benchmark wrote, so the next one (and the
 * statistics benchmark) sees the generated province only.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/src/db/engine.ts';
import { inTransaction } from '../../server/src/db/transaction.ts';
import { createSession } from '../../server/src/modules/identity/sessions.ts';
import { csrfTokenFor } from '../../server/src/modules/identity/web-session.ts';
import { repoRoot } from './process.ts';

/** Sessions made here carry this user agent, so they can be removed afterwards. */
const AGENT = 'cqs-bench';

async function databaseExists(url: string): Promise<boolean> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.href });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return r.rowCount === 1;
  } finally {
    await c.end();
  }
}

/** The number of dossiers in the bench database; generates it first when it does not exist. */
export async function ensureBenchDatabase(url: string, dossiers: number): Promise<number> {
  if (!(await databaseExists(url))) {
    console.log(`${url} does not exist: generating ${dossiers.toLocaleString('en-US')} dossiers…`);
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repoRoot, 'bench/generate.ts'),
        '--dossiers',
        String(dossiers),
        '--seed',
        '42',
        '--database-url',
        url,
      ],
      { cwd: repoRoot, stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error(`bench/generate.ts failed (${r.status})`);
  }
  return withClient(url, async (c) => {
    const r = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier');
    return r.rows[0]!.n;
  });
}

export async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** The session's CSRF token, which the web app reads from its cookie and echoes in x-csrf-token. */
export const csrfOf = (cookie: string) => /(?:^|; )cqs_csrf=([^;]*)/.exec(cookie)?.[1] ?? '';

/** A signed-in web session for each person: the cookie header the web app would send. */
export async function sessionCookies(url: string, personIds: readonly string[]): Promise<string[]> {
  const database = await openDatabase({ databaseUrl: url, poolMax: 2 });
  try {
    const cookies: string[] = [];
    for (const personId of personIds) {
      const { token } = await inTransaction(database, (tx) =>
        createSession(tx, { personId, idToken: null, userAgent: AGENT, ip: null, hours: 2 }),
      );
      cookies.push(`cqs_session=${token}; cqs_csrf=${csrfTokenFor(token)}`);
    }
    return cookies;
  } finally {
    await database.close();
  }
}

/** Citizens of the generated province (active, with a CCCD): the applicants of the load. */
export async function citizens(url: string, count: number): Promise<string[]> {
  return withClient(url, async (c) => {
    const r = await c.query<{ id: string }>(
      `SELECT p.id FROM identity_person p
        WHERE p.status = 'active' AND p.cccd IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM identity_role_assignment r WHERE r.person_id = p.id)
        ORDER BY p.id LIMIT $1`,
      [count],
    );
    return r.rows.map((row) => row.id);
  });
}

export async function personByEmail(url: string, email: string) {
  return withClient(url, async (c) => {
    const r = await c.query<{ id: string; agency: string | null }>(
      `SELECT p.id, (SELECT agency_id FROM identity_role_assignment r WHERE r.person_id = p.id ORDER BY created_at LIMIT 1) AS agency
         FROM identity_person p WHERE p.email = $1`,
      [email],
    );
    if (!r.rows[0]) throw new Error(`no person ${email} in the bench database`);
    return r.rows[0];
  });
}

/**
 * Removes the dossiers (with their events, notifications and mails) made since `since`, the
 * benchmark's sessions and today's code counters: the generated province is of an earlier year.
 */
export async function removeBenchRows(url: string, since: Date) {
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    await c.query(
      'CREATE TEMP TABLE bench_dossier ON COMMIT DROP AS SELECT id FROM dossier WHERE created_at >= $1',
      [since],
    );
    await c.query(
      `DELETE FROM notification_outbox WHERE created_at >= $1 AND (recipient LIKE '%@bench.invalid'
          OR notification_id IN (SELECT id FROM notification WHERE subject_id IN (SELECT id FROM bench_dossier)))`,
      [since],
    );
    await c.query('DELETE FROM notification WHERE subject_id IN (SELECT id FROM bench_dossier)');
    await c.query('DELETE FROM dossier_event WHERE dossier_id IN (SELECT id FROM bench_dossier)');
    await c.query('DELETE FROM dossier WHERE id IN (SELECT id FROM bench_dossier)');
    await c.query('DELETE FROM dossier_code_counter WHERE day >= ($1::timestamptz AT TIME ZONE $2)::date', [
      since,
      'Asia/Ho_Chi_Minh',
    ]);
    await c.query('DELETE FROM identity_web_session WHERE user_agent = $1', [AGENT]);
    await c.query('COMMIT');
  });
  await withClient(url, (c) => c.query('VACUUM ANALYZE dossier, dossier_event, notification_outbox'));
}
