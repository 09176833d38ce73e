import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN, passwordLogin } from '../bench/support/login.ts';
import { freshDatabase } from '../server/test/support/databases.ts';
import { repoRoot, startServer } from './support/index.ts';

/** Runs `cqs …` as a user would, in its own process. */
function cqs(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const json = async <T>(url: string) => (await (await fetch(url)).json()) as T;

/** The PostgreSQL servers running on `dataDir` (there must never be two). */
function postgresServers(dataDir: string): number {
  const r = spawnSync('pgrep', ['-f', `postgres -D ${join(dataDir, 'postgres')} `], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean).length;
}
type Site = { province: { name: string }; communeCount: number };

describe('the cqs command', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('stops on a bad setting with a message naming it', () => {
    const r = cqs(['start'], { PORT: 'abc' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('PORT="abc": must be a whole number from 1 to 65535');
    const unreachable = cqs(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.out).toContain('DATABASE_URL: không kết nối được PostgreSQL / cannot connect');
  });

  it('refuses a province code that no longer exists, without a stack trace', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cqs-bad-province-'));
    dirs.push(dataDir);
    const r = cqs(['seed'], { DATA_DIR: dataDir, PROVINCE_CODE: '02' }); // Hà Giang, merged into Tuyên Quang
    expect(r.code).toBe(1);
    expect(r.out).toContain('PROVINCE_CODE="02": không phải mã tỉnh sau 01/07/2025');
    expect(r.out).not.toContain('    at ');
  });

  it('explains every verb with --help', () => {
    const all = cqs(['--help']);
    expect(all.code).toBe(0);
    for (const verb of ['start', 'migrate', 'seed', 'backup', 'restore']) {
      expect(all.out).toContain(`cqs ${verb}`);
      const one = cqs([verb, '--help']);
      expect(one.code, verb).toBe(0);
      expect(one.out, verb).toContain(`Usage: cqs ${verb}`);
    }
    expect(cqs(['frobnicate']).code).toBe(2);
  });

  it('keeps its data across a restart on the embedded PostgreSQL, and backs it up and restores it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cqs-restart-'));
    dirs.push(dataDir);
    const first = await startServer({ dataDir, env: { PROVINCE_CODE: '08' } });
    const site = await json<Site>(`${first.url}/api/site`);
    expect(site).toMatchObject({ province: { name: 'Tuyên Quang' }, communeCount: 124 });
    expect(first.output()).toContain('New database');
    expect(first.output()).toMatch(/PostgreSQL 17\.\d+ nhúng \/ embedded in /);
    expect(await json<{ engine: string }>(`${first.url}/readyz`)).toMatchObject({ engine: 'embedded' });
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    await first.stop();
    expect(postgresServers(dataDir), 'the embedded PostgreSQL stops with the server').toBe(0);

    const second = await startServer({ dataDir, env: { PROVINCE_CODE: '08' } });
    expect(await json<Site>(`${second.url}/api/site`)).toEqual(site);
    expect(second.output()).not.toContain('New database');
    await second.stop();

    const file = join(dataDir, 'backup.cqsbak.gz');
    const backup = cqs(['backup', file], { DATA_DIR: dataDir });
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain('Backup written');
    const refused = cqs(['restore', file], { DATA_DIR: dataDir });
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('--force');
    const restored = cqs(['restore', file, '--force'], { DATA_DIR: dataDir });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/Restored \d+ rows/);
  });

  it('manages accounts, roles and OIDC clients from the command line', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cqs-users-'));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, PROVINCE_CODE: '08' };
    expect(cqs(['seed'], env).code).toBe(0);
    const add = cqs(
      [
        'users',
        'add',
        '--name',
        'Trần Văn Hùng',
        '--email',
        'hung@stp.example.vn',
        '--agency',
        '000.00.03.H08',
        '--role',
        'specialist',
      ],
      env,
    );
    expect(add.code, add.out).toBe(0);
    expect(add.out).toMatch(/\/account\/reset-password\?token=[\w-]{40,}/);
    const badRole = cqs(
      ['users', 'set-role', '--login', 'hung@stp.example.vn', '--agency', '000.00.03.H08', '--role', 'boss'],
      env,
    );
    expect(badRole.code).toBe(2);
    expect(badRole.out).toContain('Vai trò phải là một trong');
    expect(
      cqs(
        [
          'users',
          'set-role',
          '--login',
          'hung@stp.example.vn',
          '--agency',
          '000.00.03.H08',
          '--role',
          'leader',
        ],
        env,
      ).code,
    ).toBe(0);
    const list = cqs(['users', 'list', '--q', 'hùng'], env);
    expect(list.out).toContain('Trần Văn Hùng  hu***@stp.example.vn');
    expect(list.out).toMatch(
      /specialist@000\.00\.03\.H08, leader@000\.00\.03\.H08|leader@000\.00\.03\.H08, specialist@000\.00\.03\.H08/,
    );
    const client = cqs(
      ['clients', 'add', '--id', 'lgsp-gateway', '--name', 'LGSP', '--grant', 'client_credentials'],
      env,
    );
    expect(client.code, client.out).toBe(0);
    expect(client.out).toMatch(/client_secret: [\w-]{40,}/);
    expect(cqs(['audit', 'verify'], env).out).toMatch(/audit trail intact: \d+ rows/);
  });

  it('takes a cqs verb beside a running server at once, keeps it after a restart, and never runs a second database', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cqs-beside-'));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, PROVINCE_CODE: '08' };
    const first = await startServer({ dataDir, env: { PROVINCE_CODE: '08' } });
    const add = cqs(['users', 'add', '--name', 'Lê Thị Mai', '--email', 'mai@stp.example.vn'], env);
    expect(add.code, add.out).toBe(0);
    expect(add.out).toContain('joining the embedded PostgreSQL');
    // The running server sees the new account at once: its one-time link sets the password there.
    const token = /reset-password\?token=([\w-]+)/.exec(add.out)?.[1];
    const confirm = await fetch(`${first.url}/api/identity/password-reset/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'Một mật khẩu đủ dài 2026!' }),
    });
    expect(confirm.status).toBe(204);
    // A disable beside the running server ends the citizen's signed-in session there at once.
    const citizen = await passwordLogin(first.url);
    const me = () => fetch(`${first.url}/api/me`, { headers: { cookie: citizen.cookie } });
    expect((await me()).status).toBe(200);
    const disable = cqs(['users', 'disable', '--login', DEMO_CITIZEN], env);
    expect(disable.code, disable.out).toBe(0);
    expect((await me()).status).toBe(401);

    // A second start on the same DATA_DIR joins the running database instead of starting one.
    const second = await startServer({ dataDir, env: { PROVINCE_CODE: '08' } });
    expect(second.output()).toContain('joining the embedded PostgreSQL');
    expect(postgresServers(dataDir)).toBe(1);
    await first.stop();
    expect(await json<Site>(`${second.url}/api/site`)).toMatchObject({ communeCount: 124 });
    await second.stop();
    expect(postgresServers(dataDir)).toBe(0);

    const third = await startServer({ dataDir, env: { PROVINCE_CODE: '08' } });
    await third.stop();
    const list = cqs(['users', 'list', '--q', 'mai@stp'], env);
    expect(list.out).toContain('Lê Thị Mai');
    expect(cqs(['users', 'list', '--q', DEMO_CITIZEN], env).out).toMatch(/\sdisabled\s/);
  });

  it('recovers after kill -9 and reuses the database its killed parent left running', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cqs-kill-'));
    dirs.push(dataDir);
    const first = await startServer({ dataDir, env: { PROVINCE_CODE: '08' } });
    const before = await json<Site>(`${first.url}/api/site`);
    await first.kill();
    expect(postgresServers(dataDir), 'the database outlives its killed parent').toBe(1);
    const second = await startServer({ dataDir, env: { PROVINCE_CODE: '08' } });
    expect(second.output()).toContain('reusing the embedded PostgreSQL left running by process');
    expect(await json<Site>(`${second.url}/api/site`)).toEqual(before);
    await second.stop();
    expect(postgresServers(dataDir)).toBe(0);
  });

  it('runs on a real PostgreSQL server given DATABASE_URL', async () => {
    const db = await freshDatabase({ seed: false });
    try {
      const server = await startServer({ env: { DATABASE_URL: db.url, PROVINCE_CODE: '08' } });
      try {
        expect(await json<Site>(`${server.url}/api/site`)).toMatchObject({ communeCount: 124 });
        expect(await json<{ engine: string }>(`${server.url}/readyz`)).toMatchObject({ engine: 'server' });
        expect(server.output()).toContain('PostgreSQL at postgres://');
      } finally {
        await server.stop();
      }
    } finally {
      await db.drop();
    }
  });
});
