/**
 * Child servers for the benchmarks: the real platform (`cqs start`) or the bare Fastify handler,
 * each its own process on a free port, so its memory (RSS from /proc/<pid>/status) and CPU time
 * (/proc/<pid>/stat) are its own and not the load generator's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort } from '../../server/src/platform/net.ts';

export { freePort };

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Resident memory of a process, in MB (VmRSS). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/**
 * Proportional resident memory (PSS) of a process in MB: shared pages divided among the processes
 * sharing them, so PostgreSQL's shared buffers count once across its backends, not once in each.
 */
function pssMb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Memory of the PostgreSQL server of a data directory (postmaster and its backends, PSS), in MB. */
export function postgresRssMb(pgdata: string): number {
  const postmaster = Number(readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map(Number);
  return [postmaster, ...children].reduce((mb, pid) => mb + (pssMb(pid) || 0), 0);
}

/**
 * CPU seconds (user + system, all threads) a process has used so far; with `thread`, that thread's
 * only (the main thread's id is the process's: JavaScript runs there, argon2 on libuv's threads).
 */
export function cpuSeconds(pid: number, thread?: number): number {
  const stat = readFileSync(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The processes a process started that are still its children (a cluster's web processes). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** RSS of the largest Node process among `pid` and its children (one web process), and their sum, in MB. */
export function nodeTreeRssMb(pid: number): { largest: number; total: number } {
  const node = [
    pid,
    ...childrenOf(pid).filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('cli.ts');
      } catch {
        return false;
      }
    }),
  ];
  const each = node.map((p) => rssMb(p) || 0);
  return { largest: Math.max(0, ...each), total: each.reduce((a, b) => a + b, 0) };
}

export type Child = {
  url: string;
  pid: number;
  proc: ChildProcess;
  /**
   * Samples RSS every 250 ms until stopped; returns the peak of its largest Node process in MB
   * (with WEB_PROCESSES, one web process: the figure the memory goal is about).
   */
  sampleRss(): () => number;
  stop(): Promise<void>;
};

async function waitFor(url: string, proc: ChildProcess, output: () => string, timeoutMs = 180_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${output()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready after ${timeoutMs / 1000} s:\n${output()}`);
}

export async function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { readyPath: string; port: number },
): Promise<Child> {
  const proc = spawn(process.execPath, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${opts.port}`;
  await waitFor(`${url}${opts.readyPath}`, proc, () => out);
  const pid = proc.pid!;
  return {
    url,
    pid,
    proc,
    sampleRss() {
      const largest = () => nodeTreeRssMb(pid).largest;
      let peak = largest();
      const timer = setInterval(() => {
        peak = Math.max(peak, largest());
      }, 250);
      return () => {
        clearInterval(timer);
        return Math.max(peak, largest());
      };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        const force = setTimeout(() => proc.kill('SIGKILL'), 15_000);
        proc.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        proc.kill('SIGTERM');
      }),
  };
}

/**
 * The real platform as production runs it (`cqs start`): NODE_ENV=production, logs at warn, on
 * a PostgreSQL server (databaseUrl) or on the embedded PostgreSQL of `dataDir`. `cpuProfDir` gets a V8 CPU profile
 * on exit.
 */
export async function startPlatformServer(o: {
  databaseUrl?: string;
  dataDir?: string;
  cpuProfDir?: string;
  /** Count the statements it sends PostgreSQL into this file (statements.ts). */
  countStatements?: string;
  env?: Record<string, string>;
}): Promise<Child> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DEMO_ACCOUNTS: 'true',
    ...o.env,
  };
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  else delete env.DATABASE_URL;
  if (o.dataDir) env.DATA_DIR = o.dataDir;
  const prof = o.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', o.cpuProfDir] : [];
  if (o.countStatements) env.CQS_BENCH_STATEMENTS = o.countStatements;
  const count = o.countStatements ? ['--import', path.join(repoRoot, 'bench/support/statements.ts')] : [];
  const args = ['--import', 'tsx', ...count, ...prof, path.join(repoRoot, 'server/src/cli.ts'), 'start'];
  return startChild(args, env, { readyPath: '/healthz', port });
}
