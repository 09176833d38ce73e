#!/usr/bin/env node
// `npm test`: every check the project has, in the order a failure is cheapest to see.
//   lint + format (Biome) → nothing outside the clone → types (tsc) → Chromium and poppler present →
//   web build → vitest (unit, integration on PostgreSQL, end-to-end in Chromium, side by side) →
//   the time of each tier, then one closing summary line.
// Budget: the whole command stays under 15 minutes on a 2-core machine (README, "Tests").
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultFile = path.join(root, 'test-results', 'vitest.json');
const started = Date.now();
const times = [];

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const t = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  times.push([title, (Date.now() - t) / 1000]);
  if (r.status !== 0) {
    console.error(`✗ ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

step('lint and format', 'npx', ['biome', 'check', '.']);
step('standalone clone', 'node', ['scripts/check-standalone.mjs']);
step('types', 'npm', ['run', '-s', 'typecheck']);
step('system tools', 'bash', ['scripts/ensure-system-tools.sh']);
step('web build', 'npm', ['run', '-s', 'build'], { NODE_ENV: 'production' });
step('bundle size', 'node', ['scripts/check-bundle.mjs']);
mkdirSync(path.dirname(resultFile), { recursive: true });
const vitestStart = Date.now();
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultFile}`],
  { cwd: root, stdio: 'inherit' },
);
const vitestSeconds = (Date.now() - vitestStart) / 1000;

/** unit: pure logic beside the code; integration: server/test on PostgreSQL; e2e: real server + Chromium. */
const tierOf = (file) => {
  const rel = path.relative(root, file);
  if (rel.startsWith('e2e/')) return 'end-to-end';
  if (rel.startsWith('server/test/')) return 'integration';
  return 'unit';
};

let summary = 'vitest: no result file';
const lines = [];
try {
  const r = JSON.parse(readFileSync(resultFile, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`;
  if (r.numTotalTests === 0) summary = '0 passed, 0 failed';
  // A tier's wall time: from its first file's start to its last file's end (the tiers overlap).
  const tiers = new Map();
  for (const f of r.testResults) {
    const t = tiers.get(tierOf(f.name)) ?? { first: Number.POSITIVE_INFINITY, last: 0, files: 0, tests: 0 };
    t.first = Math.min(t.first, f.startTime);
    t.last = Math.max(t.last, f.endTime);
    t.files += 1;
    t.tests += f.assertionResults.length;
    tiers.set(tierOf(f.name), t);
  }
  for (const name of ['unit', 'integration', 'end-to-end']) {
    const t = tiers.get(name);
    if (t) lines.push([`${name} tests (${t.tests} in ${t.files} files)`, (t.last - t.first) / 1000]);
  }
} catch {}

const fmt = (s) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
console.log('\ntime per tier (m:ss):');
for (const [name, s] of [
  ...times,
  ...lines,
  ['vitest in all', vitestSeconds],
  ['npm test in all', (Date.now() - started) / 1000],
])
  console.log(`  ${name.padEnd(44)} ${fmt(s).padStart(6)}`);
console.log(`\ntests: ${summary}`);
process.exit(vitest.status ?? 1);
