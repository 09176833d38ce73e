/**
 * Dossier submission over HTTP (issue 7 §2), against its limits measured in the same run:
 *   app   — the real server (`cqs start`, NODE_ENV=production, logs at warn) taking
 *           POST /api/dossiers from 50 connections: session cookie + CSRF, zod validation,
 *           Idempotency-Key, e-form check, routing, dossier + 2 events + update, in one transaction;
 *           and POST /api/dossiers/counter (a desk's intake: dossier code, receipt, notification + mail
 *           in the outbox);
 *   raw   — pgbench -M prepared, 16 clients: bench/sql/submit.sql (dossier + event + outbox rows);
 *   bare  — bench/bare/server.ts, Fastify + pg doing only those three inserts, 50 connections;
 *   embedded — the same online submission on the embedded default (`npm start` without
 *           DATABASE_URL: its own PostgreSQL 17 in a fresh DATA_DIR), with pgbench on that server as
 *           its limit.
 * Server RSS is read from /proc during and after the load. With --cpu-prof the app writes a V8
 * CPU profile (open it in Chrome DevTools or speedscope).
 *
 *   npm run bench:submit [-- --database-url postgres://… --duration 15 --engine postgres|embedded|both --cpu-prof]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { openEmbedded } from '../server/src/db/embedded.ts';
import {
  citizens,
  csrfOf,
  ensureBenchDatabase,
  personByEmail,
  removeBenchRows,
  sessionCookies,
  withClient,
} from './support/database.ts';
import { describeLoad, type LoadResult, load } from './support/load.ts';
import { passwordLogin } from './support/login.ts';
import { benchOptions, FULL_DOSSIERS, QUICK_DOSSIERS } from './support/options.ts';
import {
  type Child,
  freePort,
  nodeTreeRssMb,
  postgresRssMb,
  repoRoot,
  startChild,
  startPlatformServer,
} from './support/process.ts';
import { type Figure, report } from './support/report.ts';

const o = benchOptions({
  engine: { type: 'string', default: 'both' },
  connections: { type: 'string', default: '50' },
  // WEB_PROCESSES of the server (issue 26: both cores serving): one per core by default.
  'web-processes': { type: 'string', default: String(availableParallelism()) },
});
const WEB_PROCESSES = o.values['web-processes'] as string;
const engine = o.values.engine as string;
const CONNECTIONS = Number(o.values.connections);
const WARM_SECONDS = 3;
const PROCEDURE = '1.000426'; // online-capable, enabled in the seed, decided by the Department of Justice
/** What a citizen's e-form carries besides the fields: the attachments' metadata (files go up separately). */
const FORM = {
  ghiChu: 'Nộp hồ sơ trực tuyến',
  attachments: [
    { component: 1, name: 'don-de-nghi-cap-the.pdf', size: 183_204, sha256: 'a3f1c9e0'.repeat(8) },
    { component: 2, name: 'anh-the-3x4.jpg', size: 52_118, sha256: '0b7d44e2'.repeat(8) },
    { component: 3, name: 'bang-cu-nhan-luat.pdf', size: 941_507, sha256: '5c9e1a77'.repeat(8) },
  ],
};
const figures: Figure[] = [];
const B = 'submission';

type Fixture = {
  procedureId: string;
  procedureVersion: number;
  applicantId: string;
  deskId: string;
  competentId: string;
  applicant: Record<string, unknown>;
  formData: Record<string, unknown>;
  state: Record<string, unknown>;
};

/** 50 connections for WARM_SECONDS, then the measured run; RSS peak during it and 5 s after. */
async function measure(
  name: string,
  server: Child | null,
  url: string,
  requests: autocannon.Request[],
  pgdata?: string,
) {
  await load({ url, connections: CONNECTIONS, seconds: WARM_SECONDS, requests });
  const stopRss = server?.sampleRss();
  const r = await load({ url, connections: CONNECTIONS, seconds: o.duration, requests });
  const peak = stopRss?.();
  console.log(describeLoad(name, r));
  let after: number | undefined;
  if (server) {
    await new Promise((res) => setTimeout(res, 5000));
    after = nodeTreeRssMb(server.pid).largest;
    const pg = pgdata ? `; PostgreSQL ${postgresRssMb(pgdata).toFixed(0)} MB` : '';
    console.log(
      `${''.padEnd(34)} largest web process RSS peak ${peak!.toFixed(0)} MB, 5 s after ${after.toFixed(0)} MB${pg}`,
    );
  }
  return { ...r, peak, after };
}

let serial = 0;
/** POST /api/dossiers with a fresh Idempotency-Key each time, from many citizens' sessions. */
function onlineRequests(cookies: readonly string[], csrf: readonly string[]): autocannon.Request[] {
  const body = JSON.stringify({ procedureCode: PROCEDURE, formData: FORM });
  return [
    {
      method: 'POST',
      path: '/api/dossiers',
      setupRequest: (req) => {
        const i = serial++;
        return {
          ...req,
          body,
          headers: {
            'content-type': 'application/json',
            cookie: cookies[i % cookies.length]!,
            'x-csrf-token': csrf[i % csrf.length]!,
            'idempotency-key': `bench-${process.pid}-${i}`,
          },
        };
      },
    },
  ];
}

/** The server's data directory when it is on this machine and we may ask (a superuser), for its RSS. */
async function dataDirectoryOf(url: string): Promise<string | undefined> {
  try {
    const dir = await withClient(
      url,
      async (c) => (await c.query('SHOW data_directory')).rows[0]?.data_directory,
    );
    return dir && existsSync(path.join(dir, 'postmaster.pid')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The rows the platform wrote in the load just run: the shapes the limits write. */
function submittedFixture(url: string): Promise<Fixture> {
  return withClient(url, async (c) => {
    const r = await c.query(
      `SELECT procedure_id, procedure_version, applicant_id, receiving_agency_id, competent_agency_id, applicant, form_data, state
         FROM dossier WHERE idempotency_key LIKE 'bench-%' LIMIT 1`,
    );
    const row = r.rows[0];
    return {
      procedureId: row.procedure_id,
      procedureVersion: row.procedure_version,
      applicantId: row.applicant_id,
      deskId: row.receiving_agency_id,
      competentId: row.competent_agency_id,
      applicant: row.applicant,
      formData: row.form_data,
      state: row.state,
    };
  });
}

function pgbench(url: string, f: Fixture, seconds: number) {
  const vars = {
    procedure: f.procedureId,
    version: String(f.procedureVersion),
    applicant_id: f.applicantId,
    desk: f.deskId,
    competent: f.competentId,
    applicant: JSON.stringify(f.applicant),
    form: JSON.stringify(f.formData),
    state: JSON.stringify(f.state),
  };
  const args = ['-n', '-M', 'prepared', '-c', '16', '-j', '2', '-T', String(seconds)];
  for (const [k, v] of Object.entries(vars)) args.push('-D', `${k}=${v}`);
  args.push('-f', path.join(repoRoot, 'bench/sql/submit.sql'), url);
  const r = spawnSync('/usr/bin/pgbench', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pgbench failed:\n${r.stderr}\n${r.stdout}`);
  const tps = Number(/tps = ([\d.]+)/.exec(r.stdout)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(r.stdout)?.[1]);
  return { tps, latency };
}

async function postgresSuite() {
  const url = o.databaseUrl;
  const n = await ensureBenchDatabase(url, o.full ? FULL_DOSSIERS : QUICK_DOSSIERS);
  console.log(
    `PostgreSQL ${url}: ${n.toLocaleString('en-US')} dossiers; ${CONNECTIONS} connections, ${o.duration} s runs`,
  );
  const since = new Date();
  let app: Child | undefined;
  let bare: Child | undefined;
  try {
    const people = await citizens(url, 200);
    const cookies = await sessionCookies(url, people);
    const desk = await personByEmail(url, 'motcua@demo.cqs.example');
    const [deskCookie] = await sessionCookies(url, [desk.id]);
    const profDir = o.cpuProf ? mkdtempSync(path.join(tmpdir(), 'cqs-prof-')) : undefined;
    app = await startPlatformServer({
      databaseUrl: url,
      cpuProfDir: profDir,
      env: { WEB_PROCESSES },
    });
    const serverData = await dataDirectoryOf(url);
    const idle = nodeTreeRssMb(app.pid).largest;
    const online = await measure(
      'app: POST /api/dossiers',
      app,
      app.url,
      onlineRequests(cookies, cookies.map(csrfOf)),
      serverData,
    );
    const walkIn = {
      fullName: 'Hoàng Thị Mai',
      cccd: '008199007777',
      phone: '0977123456',
      email: 'mai.hoang@bench.invalid',
      addressCommuneCode: null,
      addressDetail: 'Tổ 3, phường Minh Xuân',
    };
    const counterBody = JSON.stringify({
      procedureCode: PROCEDURE,
      channel: 'direct',
      deskAgencyId: desk.agency,
      applicant: walkIn,
      formData: FORM,
    });
    const counter = await measure(
      'app: POST /api/dossiers/counter',
      app,
      app.url,
      [
        {
          method: 'POST',
          path: '/api/dossiers/counter',
          headers: {
            'content-type': 'application/json',
            cookie: deskCookie!,
            'x-csrf-token': csrfOf(deskCookie!),
          },
          body: counterBody,
        },
      ],
      serverData,
    );
    await app.stop();
    if (profDir) console.log(`CPU profile of the app: ${profDir}`);
    app = undefined;

    const fixture = await submittedFixture(url);
    const raw = pgbench(url, fixture, o.duration);
    console.log(
      `${'raw: pgbench -M prepared, 16 clients'.padEnd(34)} ${raw.tps.toFixed(0).padStart(6)} tps    latency avg ${raw.latency} ms`,
    );

    const port = await freePort();
    bare = await startChild(
      ['--import', 'tsx', path.join(repoRoot, 'bench/bare/server.ts')],
      { ...process.env, DATABASE_URL: url, PORT: String(port), NODE_ENV: 'production' },
      { readyPath: '/healthz', port },
    );
    const bareRun = await measure('bare: Fastify + pg, 3 inserts', bare, bare.url, [
      {
        method: 'POST',
        path: '/submit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fixture),
      },
    ]);
    await bare.stop();
    bare = undefined;

    figures.push(
      {
        bench: B,
        figure: `app online: submissions/s (c=${CONNECTIONS}, ${WEB_PROCESSES} web processes)`,
        value: online.rps,
        unit: '/s',
        goal: { kind: 'min', value: 1000 },
      },
      { bench: B, figure: 'app online: p50', value: online.p50, unit: 'ms' },
      {
        bench: B,
        figure: 'app online: p99',
        value: online.p99,
        unit: 'ms',
        goal: { kind: 'max', value: 50 },
      },
      {
        bench: B,
        figure: 'app/raw (online ÷ pgbench)',
        value: online.rps / raw.tps,
        unit: '×',
        goal: { kind: 'min', value: 0.35 },
      },
      {
        bench: B,
        figure: 'app/bare (online ÷ bare)',
        value: online.rps / bareRun.rps,
        unit: '×',
        goal: { kind: 'min', value: 0.6 },
      },
      {
        bench: B,
        figure: 'app counter intake: receipts/s',
        value: counter.rps,
        unit: '/s',
        goal: { kind: 'min', value: 300 },
        note: `p50 ${counter.p50} ms, p99 ${counter.p99} ms; one desk's gap-free codes + mail`,
      },
      { bench: B, figure: 'app counter intake: p99', value: counter.p99, unit: 'ms' },
      {
        bench: B,
        figure: 'limit raw: pgbench tps (16 clients)',
        value: raw.tps,
        unit: '/s',
        note: `avg ${raw.latency} ms`,
      },
      {
        bench: B,
        figure: 'limit bare: Fastify + pg req/s',
        value: bareRun.rps,
        unit: '/s',
        note: `p50 ${bareRun.p50} ms, p99 ${bareRun.p99} ms`,
      },
      { bench: 'memory', figure: 'app RSS idle (PostgreSQL)', value: idle, unit: 'MB' },
      {
        bench: 'memory',
        figure: 'largest web process RSS peak under load',
        value: Math.max(online.peak!, counter.peak!),
        unit: 'MB',
        goal: { kind: 'max', value: 400 },
      },
      {
        bench: 'memory',
        figure: 'largest web process RSS 5 s after load',
        value: counter.after!,
        unit: 'MB',
        goal: { kind: 'max', value: 400 },
      },
    );
    if (online.failed + counter.failed + bareRun.failed > 0)
      console.warn(
        `failed requests: app ${online.failed}, counter ${counter.failed}, bare ${bareRun.failed}`,
      );
  } finally {
    await app?.stop();
    await bare?.stop();
    await removeBenchRows(url, since);
  }
}

/** The embedded default (`npm start` without DATABASE_URL): its own PostgreSQL in DATA_DIR. */
async function embeddedSuite() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cqs-bench-embedded-'));
  let app: Child | undefined;
  try {
    const t = Date.now();
    app = await startPlatformServer({ dataDir, env: { WEB_PROCESSES } });
    console.log(
      `embedded PostgreSQL in ${dataDir}: new database seeded and serving in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    const who = await passwordLogin(app.url);
    const online: LoadResult & { peak?: number; after?: number } = await measure(
      'embedded app: POST /api/dossiers',
      app,
      app.url,
      onlineRequests([who.cookie], [who.csrf]),
      path.join(dataDir, 'postgres'),
    );
    // Its limit: pgbench writing the same three rows into the same embedded server.
    const instance = await openEmbedded(dataDir, () => {});
    const url = instance.url;
    const postgresRss = postgresRssMb(path.join(dataDir, 'postgres'));
    const fixture = await submittedFixture(url);
    const raw = pgbench(url, fixture, o.duration);
    await instance.release();
    console.log(
      `${'embedded raw: pgbench, 16 clients'.padEnd(34)} ${raw.tps.toFixed(0).padStart(6)} tps    latency avg ${raw.latency} ms`,
    );
    figures.push(
      {
        bench: B,
        figure: `embedded app online: submissions/s (${WEB_PROCESSES} web processes)`,
        value: online.rps,
        unit: '/s',
        goal: { kind: 'min', value: 1000 },
        note: `p50 ${online.p50} ms`,
      },
      {
        bench: B,
        figure: 'embedded app online: p99',
        value: online.p99,
        unit: 'ms',
        goal: { kind: 'max', value: 50 },
      },
      {
        bench: B,
        figure: 'embedded app/raw (÷ pgbench)',
        value: online.rps / raw.tps,
        unit: '×',
        goal: { kind: 'min', value: 0.35 },
      },
      { bench: B, figure: 'limit embedded raw: pgbench tps', value: raw.tps, unit: '/s' },
      {
        bench: 'memory',
        figure: 'embedded: web process RSS peak under load',
        value: online.peak!,
        unit: 'MB',
        goal: { kind: 'max', value: 400 },
      },
      { bench: 'memory', figure: 'embedded: PostgreSQL RSS after load', value: postgresRss, unit: 'MB' },
    );
  } finally {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (engine !== 'embedded') await postgresSuite();
if (engine !== 'postgres') await embeddedSuite();
report(figures, o.report);
