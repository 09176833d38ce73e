// A short smoke of the platform on whichever Node.js runs this script (CI runs it on Node 24 from
// the npm registry after `npm test`): `cqs start` on a fresh embedded PostgreSQL, a citizen signs in
// and submits a dossier, stop — and no warning at start (oidc-provider's "Unsupported runtime").
//   npx -y -p node@24 node --import tsx scripts/smoke.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { passwordLogin } from '../bench/support/login.ts';
import { freePort, repoRoot } from '../bench/support/process.ts';

const started = Date.now();
const dataDir = mkdtempSync(path.join(tmpdir(), 'cqs-smoke-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url };
Object.assign(env, { DATA_DIR: dataDir, DEMO_DOSSIERS: '0', LOG_LEVEL: 'warn' });
delete env.DATABASE_URL;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'start'], {
  cwd: repoRoot,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
server.stdout.on('data', (d) => (output += d));
server.stderr.on('data', (d) => (output += d));
const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));

function fail(message: string): never {
  console.error(`✗ smoke on Node ${process.version}: ${message}\n--- server output ---\n${output}`);
  server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}

try {
  for (let ready = false; !ready; ) {
    if (Date.now() - started > 180_000) fail('not ready within 180 s');
    if (server.exitCode !== null) fail(`cqs start exited (${server.exitCode})`);
    ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 500));
  }
  const warnings = output.split('\n').filter((l) => /warning|unsupported runtime/i.test(l));
  if (warnings.length) fail(`warnings at start:\n${warnings.join('\n')}`);

  const { cookie, csrf } = await passwordLogin(url);
  const res = await fetch(`${url}/api/dossiers`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie,
      'x-csrf-token': csrf,
      'idempotency-key': 'smoke-submission-1',
    },
    body: JSON.stringify({ procedureCode: '1.000426', formData: { ghiChu: 'Nộp thử / smoke' } }),
  });
  const dossier = (await res.json()) as { id?: string; status?: string };
  if (res.status !== 201) fail(`POST /api/dossiers answered ${res.status}: ${JSON.stringify(dossier)}`);

  server.kill('SIGTERM');
  if ((await exited) !== 0) fail('cqs start did not stop cleanly on SIGTERM');
  console.log(
    `✓ smoke on Node ${process.version}: embedded PostgreSQL started, a citizen's dossier submitted (${dossier.status}, ${dossier.id}), stopped; no warning at start (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
} catch (e) {
  fail((e as Error).stack ?? String(e));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
