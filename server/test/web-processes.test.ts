import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../src/platform/net.ts';
import { describeEachEngine } from './support/databases.ts';

const root = path.resolve(import.meta.dirname, '../..');
const childrenOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);

// `cqs start` with WEB_PROCESSES=2: the primary keeps the database and the jobs, two web processes
// share the port; a web process that dies is replaced; SIGTERM stops them all.
describeEachEngine('cqs start with WEB_PROCESSES=2', { seed: true }, (ctx) => {
  let proc: ReturnType<typeof spawn>;
  let url: string;
  let output = '';
  // A DATA_DIR of its own, new as in a fresh clone: the web processes find no secret.key and no web
  // client, and must not each make their own at once.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cqs-web-processes-'));
  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'start'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: ctx.url,
        DATA_DIR: dataDir,
        SECRET_KEY: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_PROCESSES: '2',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (b) => (output += b));
    proc.stderr!.on('data', (b) => (output += b));
    for (let i = 0; i < 300 && !output.includes('Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('WEB_PROCESSES=2');
  }, 60_000);
  afterAll(() => {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves from two web processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    const web = childrenOf(proc.pid!);
    expect(web).toHaveLength(2);
    for (let i = 0; i < 10; i++)
      expect((await fetch(`${url}/api/site`, { headers: { connection: 'close' } })).status).toBe(200);
    process.kill(web[0]!, 'SIGKILL');
    let replaced: number[] = [];
    for (let i = 0; i < 200; i++) {
      replaced = childrenOf(proc.pid!);
      if (replaced.length === 2 && !replaced.includes(web[0]!)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(replaced).toHaveLength(2);
    expect(replaced).not.toContain(web[0]);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 60_000);
});
