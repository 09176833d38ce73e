/**
 * The OpenID Connect provider (issue 7 §2), per core of the server process (its own CPU seconds,
 * user + system, all threads, read from /proc: argon2 runs on libuv's threads):
 *   password logins — each one complete, as a browser does it: GET /auth/login → the provider's
 *     authorization request → its login page → POST /login (argon2id verification, the OIDC
 *     session) → redirect with the code → /auth/callback (the web app's code exchange, ID token
 *     check, web session). 8 logins in flight at a time;
 *   client credentials — POST /oidc/token grant_type=client_credentials (a system-to-system
 *     token) from 20 connections.
 * Compared with Keycloak's published sizing: 15 password logins/s and 120 client-credentials
 * grants/s per vCPU.
 *
 * What a login costs, from the same run: the server's CPU per login, split into the argon2id
 * verification (its CPU measured here, before the load, with the platform's own hashing code and
 * parameters, two at a time as on the server's two threads) and the rest of the flow; the HTTP
 * requests the server answered per login (its /metrics, by route: the browser's six and the web
 * app's code exchange at /oidc/token, which the server makes to itself in-process); the SQL statements it sent and the rows it wrote per login,
 * by table (counted inside the server by bench/support/statements.ts). The main thread's CPU per
 * login (JavaScript: everything but the hash, which runs on libuv's threads) is a second measure of
 * the rest of the flow.
 *
 *   npm run bench:oidc [-- --database-url postgres://… --duration 15 --cpu-prof]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../server/seed/demo.ts';
import { hashPassword, verifyPassword } from '../server/src/modules/identity/passwords.ts';
import { ensureBenchDatabase } from './support/database.ts';
import { load } from './support/load.ts';
import { passwordLogin } from './support/login.ts';
import { benchOptions, FULL_DOSSIERS, QUICK_DOSSIERS } from './support/options.ts';
import { type Child, cpuSeconds, repoRoot, startPlatformServer } from './support/process.ts';
import { type Figure, report } from './support/report.ts';
import { perUnit, type StatementCounts, statementCounts } from './support/statements.ts';

const o = benchOptions({ logins: { type: 'string', default: '8' } });
const IN_FLIGHT = Number(o.values.logins);
const url = o.databaseUrl;
await ensureBenchDatabase(url, o.full ? FULL_DOSSIERS : QUICK_DOSSIERS);

// A system-to-system client, registered the way an admin does it (`cqs clients add`).
const clientId = `bench-cc-${Date.now()}`;
const added = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(repoRoot, 'server/src/cli.ts'),
    'clients',
    'add',
    '--id',
    clientId,
    '--name',
    'Bench LGSP',
    '--grant',
    'client_credentials',
  ],
  { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, encoding: 'utf8' },
);
const secret = /client_secret:\s+(\S+)/.exec(added.stdout)?.[1];
if (added.status !== 0 || !secret) throw new Error(`cqs clients add failed:\n${added.stderr}${added.stdout}`);

/**
 * CPU milliseconds of one argon2id verification of a right password, with the platform's own code
 * and parameters (passwords.ts), `parallel` at a time (argon2 runs on libuv's threads).
 */
async function argon2VerifyMs(parallel = 2, each = 12): Promise<number> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const run = (n: number) =>
    Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let i = 0; i < n; i++)
          if (!(await verifyPassword(hash, DEMO_PASSWORD))) throw new Error('argon2 verify failed');
      }),
    );
  await run(2);
  const before = process.cpuUsage();
  await run(each);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / (parallel * each);
}

/** Requests the server answered so far, by method and route pattern (from its /metrics). */
async function requestsByRoute(base: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^http_request_duration_seconds_count\{([^}]*)\} (\d+)/gm)) {
    const label = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
    if (label('route') === '/metrics') continue;
    const key = `${label('method')} ${label('route')}`;
    out[key] = (out[key] ?? 0) + Number(m[2]);
  }
  return out;
}

const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
const list = (m: Record<string, number>) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${Number(v.toFixed(2))}`)
    .join(', ');

const hashMs = await argon2VerifyMs();
console.log(`argon2id verification (the platform's parameters, 2 at a time): ${hashMs.toFixed(1)} ms of CPU`);

const figures: Figure[] = [];
let app: Child | undefined;
const work = mkdtempSync(path.join(tmpdir(), 'cqs-bench-oidc-'));
const countsFile = path.join(work, 'statements.json');
const profDir = o.cpuProf ? mkdtempSync(path.join(tmpdir(), 'cqs-prof-')) : undefined;
try {
  app = await startPlatformServer({ databaseUrl: url, countStatements: countsFile, cpuProfDir: profDir });
  const base = app.url;
  for (let i = 0; i < 5; i++) await passwordLogin(base); // warm-up: JIT, pools, keys

  // Complete password logins, IN_FLIGHT at a time, for the duration.
  let logins = 0;
  let failures = 0;
  const requests0 = await requestsByRoute(base);
  const counts0: StatementCounts = await statementCounts(app.pid, countsFile);
  const cpu0 = cpuSeconds(app.pid);
  const main0 = cpuSeconds(app.pid, app.pid);
  const t0 = performance.now();
  const until = Date.now() + o.duration * 1000;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (Date.now() < until) {
        try {
          await passwordLogin(base);
          logins++;
        } catch (e) {
          if (failures++ === 0) console.warn(e);
        }
      }
    }),
  );
  const loginSeconds = (performance.now() - t0) / 1000;
  const loginCpu = cpuSeconds(app.pid) - cpu0;
  const mainCpu = cpuSeconds(app.pid, app.pid) - main0;
  const counts1 = await statementCounts(app.pid, countsFile);
  const requests1 = await requestsByRoute(base);
  const loginRate = logins / loginSeconds;
  console.log(
    `password logins: ${logins} in ${loginSeconds.toFixed(1)} s = ${loginRate.toFixed(1)}/s, server CPU ${loginCpu.toFixed(1)} s → ${(logins / loginCpu).toFixed(1)} per core-second (${failures} failed)`,
  );
  // Failed logins would skew the per-login counts; the figures below are for complete ones.
  const perLogin = Math.max(1, logins + failures);
  const cpuMs = (loginCpu * 1000) / perLogin;
  const mainMs = (mainCpu * 1000) / perLogin;
  const httpPerLogin = perUnit(requests0, requests1, perLogin);
  const statementsPerLogin = perUnit(counts0.statements, counts1.statements, perLogin);
  const rowsPerLogin = perUnit(counts0.rows, counts1.rows, perLogin);
  const tableRows = Object.fromEntries(Object.entries(rowsPerLogin).filter(([k]) => !k.includes(':')));
  const objectRows = Object.fromEntries(Object.entries(rowsPerLogin).filter(([k]) => k.includes(':')));
  const sessions =
    (rowsPerLogin.identity_web_session ?? 0) + (rowsPerLogin['identity_oidc_payload:Session'] ?? 0);
  console.log(
    `per login: server CPU ${cpuMs.toFixed(1)} ms, of which argon2id ${hashMs.toFixed(1)} ms (${((100 * hashMs) / cpuMs).toFixed(0)} %) and the rest of the flow ${(cpuMs - hashMs).toFixed(1)} ms`,
  );
  console.log(
    `  main thread (JavaScript) ${mainMs.toFixed(1)} ms, other threads (argon2 on libuv's, GC helpers) ${(cpuMs - mainMs).toFixed(1)} ms`,
  );
  console.log(`  HTTP requests ${sum(httpPerLogin).toFixed(2)}: ${list(httpPerLogin)}`);
  console.log(`  SQL statements ${sum(statementsPerLogin).toFixed(2)}: ${list(statementsPerLogin)}`);
  console.log(`  rows written ${sum(tableRows).toFixed(2)}: ${list(tableRows)}`);
  console.log(`  provider objects written (inserts and upserts): ${list(objectRows)}`);

  // Client-credentials grants.
  const requests = [
    {
      method: 'POST' as const,
      path: '/oidc/token',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials&scope=cqs',
    },
  ];
  await load({ url: base, connections: 20, seconds: 3, requests });
  const cpu1 = cpuSeconds(app.pid);
  const grants = await load({ url: base, connections: 20, seconds: o.duration, requests });
  const grantCpu = cpuSeconds(app.pid) - cpu1;
  console.log(
    `client credentials: ${grants.rps.toFixed(0)}/s, p50 ${grants.p50} ms, p99 ${grants.p99} ms, server CPU ${grantCpu.toFixed(1)} s → ${(grants.ok / grantCpu).toFixed(0)} per core-second (${grants.failed} failed)`,
  );
  figures.push(
    { bench: 'oidc', figure: 'password logins/s (machine, complete flow)', value: loginRate, unit: '/s' },
    {
      bench: 'oidc',
      figure: 'password logins per core',
      value: logins / loginCpu,
      unit: '/s',
      goal: { kind: 'min', value: 100 },
      note: 'Keycloak 15/vCPU',
    },
    { bench: 'oidc', figure: 'password login: server CPU per login', value: cpuMs, unit: 'ms' },
    {
      bench: 'oidc',
      figure: 'password login: share of CPU in argon2id',
      value: (100 * hashMs) / cpuMs,
      unit: '%',
      note: `${hashMs.toFixed(1)} ms a verification; the rest ${(cpuMs - hashMs).toFixed(1)} ms`,
    },
    {
      bench: 'oidc',
      figure: 'password login: main-thread CPU per login',
      value: mainMs,
      unit: 'ms',
      note: `other threads ${(cpuMs - mainMs).toFixed(1)} ms`,
    },
    { bench: 'oidc', figure: 'password login: HTTP requests', value: sum(httpPerLogin), unit: '' },
    { bench: 'oidc', figure: 'password login: SQL statements', value: sum(statementsPerLogin), unit: '' },
    {
      bench: 'oidc',
      figure: 'password login: rows written',
      value: sum(tableRows),
      unit: '',
      note: `sessions ${Number(sessions.toFixed(2))} (web + provider)`,
    },
    {
      bench: 'oidc',
      figure: 'client-credentials grants/s (machine)',
      value: grants.rps,
      unit: '/s',
      note: `p50 ${grants.p50} ms, p99 ${grants.p99} ms`,
    },
    {
      bench: 'oidc',
      figure: 'client-credentials grants per core',
      value: grants.ok / grantCpu,
      unit: '/s',
      goal: { kind: 'min', value: 1000 },
      note: 'Keycloak 120/vCPU',
    },
  );
} finally {
  await app?.stop();
  rmSync(work, { recursive: true, force: true });
}
if (profDir) console.log(`CPU profile of the server: ${profDir}`);
report(figures, o.report);
