import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { freePort } from '../../server/src/platform/net.ts';
import { repoRoot } from './paths.ts';

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  /** The server's recent output, for failure messages. */
  output(): string;
  /** SIGTERM, wait for the exit (SIGKILL after a grace period), then delete the data dir. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or an OOM killer would: nothing is cleaned up. */
  kill(): Promise<void>;
}

export interface StartServerOptions {
  /** How long to wait for /readyz: the first start migrates and seeds ~14k admin units. */
  readyTimeoutMs?: number;
  /** Extra settings. PUBLIC_URL defaults to the server's own `url`, the address the browser uses. */
  env?: Record<string, string>;
  /** Use (and keep) this data dir instead of a fresh one that stop() deletes: for restart tests. */
  dataDir?: string;
}

/** The newest modification time (ms) of the files under `path`, or of `path` itself. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/**
 * Builds the web app when its build is missing or older than the web app's sources: the server
 * serves the built app at `/`, and a stale build would test yesterday's pages. The build goes to
 * WEB_DIST_DIR when set (the server started by the tests reads the same variable), else web/dist.
 */
export function ensureWebBuilt(): void {
  const web = join(repoRoot, 'web');
  const outDir = process.env.WEB_DIST_DIR ?? join(web, 'dist');
  const built = join(outDir, 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(web, p));
  if (existsSync(built) && Math.max(...sources.map(newestChange)) <= statSync(built).mtimeMs) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const args = ['run', 'build', '-w', 'web', '--', '--outDir', outDir, '--emptyOutDir'];
  const result = spawnSync(npm, args, { cwd: repoRoot, stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(
      `'npm ${args.join(' ')}' failed (exit ${result.status ?? result.signal}); cannot serve the web app`,
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the real `cqs start` as a child process on a free port with a fresh embedded database. */
/** Settings that change what a new database is seeded with: a server given one seeds afresh. */
const SEEDING = ['DEMO_ACCOUNTS', 'DEMO_DOSSIERS', 'AGENCY_CODE_ROOT', 'DATABASE_URL'];

/**
 * A fresh DATA_DIR: a copy of the run's seeded one (global-setup.ts) when the server would seed
 * exactly that, else empty (the server seeds it, as on a first `npm start`).
 */
async function freshDataDir(env: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cqs-e2e-'));
  // Outside vitest (bench:lighthouse) there is no run to share a seeded copy with.
  const template = process.env.VITEST ? inject('e2eSeededDataDir') : undefined;
  const same = (env.PROVINCE_CODE ?? '08') === '08' && !SEEDING.some((k) => k in env);
  if (template && same) {
    // cp -a keeps the embedded PostgreSQL's files owned by the user it runs as.
    const r = spawnSync('cp', ['-a', `${template}/.`, dir]);
    if (r.status !== 0) throw new Error(`copying the seeded DATA_DIR failed: ${r.stderr}`);
  }
  return dir;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  const port = await freePort();
  const dataDir = options.dataDir ?? (await freshDataDir(options.env ?? {}));
  const url = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = { ...process.env };
  // Always the embedded engine in a throwaway dir, whatever the calling shell points at.
  delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The tests count what they make: no demo dossiers in their queues.
    DEMO_DOSSIERS: '0',
    // Sign-in cookies and redirects follow PUBLIC_URL, so it must be the address the browser opens.
    PUBLIC_URL: url,
    ...options.env,
  });

  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => lines.join('\n');

  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exit.then(() => false), sleep(15_000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      const { code, signal } = exited;
      await stop();
      throw new Error(`cqs start exited early (code ${code}, signal ${signal}):\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `cqs start was not ready within ${readyTimeoutMs / 1000} s at ${url}/readyz:\n${output()}`,
      );
    }
    await sleep(500);
  }

  const kill = async () => {
    if (!exited) {
      child.kill('SIGKILL');
      await exit;
    }
  };

  return { url, dataDir, output, stop, kill };
}
