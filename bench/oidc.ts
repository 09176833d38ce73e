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
 *   npm run bench:oidc [-- --database-url postgres://… --duration 15]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBenchDatabase } from './support/database.ts';
import { load } from './support/load.ts';
import { passwordLogin } from './support/login.ts';
import { benchOptions, FULL_DOSSIERS, QUICK_DOSSIERS } from './support/options.ts';
import { type Child, cpuSeconds, repoRoot, startPlatformServer } from './support/process.ts';
import { type Figure, report } from './support/report.ts';

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

const figures: Figure[] = [];
let app: Child | undefined;
try {
  app = await startPlatformServer({ databaseUrl: url });
  const base = app.url;
  for (let i = 0; i < 5; i++) await passwordLogin(base); // warm-up: JIT, pools, keys

  // Complete password logins, IN_FLIGHT at a time, for the duration.
  let logins = 0;
  let failures = 0;
  const cpu0 = cpuSeconds(app.pid);
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
  const loginRate = logins / loginSeconds;
  console.log(
    `password logins: ${logins} in ${loginSeconds.toFixed(1)} s = ${loginRate.toFixed(1)}/s, server CPU ${loginCpu.toFixed(1)} s → ${(logins / loginCpu).toFixed(1)} per core-second (${failures} failed)`,
  );

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
}
report(figures, o.report);
