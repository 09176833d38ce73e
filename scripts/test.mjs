#!/usr/bin/env node
// `npm test`: every check the project has, in the order a failure is cheapest to see.
//   lint + format (Biome) → nothing outside the clone → types (tsc) → Chromium and poppler present →
//   web build → vitest (unit, integration on PostgreSQL, end-to-end in Chromium, side by side) →
//   the time of each tier, then one closing summary line.
// Budget: the whole command stays under 15 minutes on a 2-core machine (README, "Tests").
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * The two vitest projects as two processes side by side: the end-to-end files (one at a time: a
 * server, its PostgreSQL and Chromium each) start at once beside the server files (two at a time),
 * instead of after them. The server tier prints as it goes; the end-to-end tier's output is kept
 * in test-results/e2e.log and printed when it ends.
 */
function vitestProject(project, live) {
  const json = path.join(root, 'test-results', `vitest-${project}.json`);
  const log = path.join(root, 'test-results', `${project}.log`);
  const args = [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
  ];
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd: root, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    if (!live) {
      const out = createWriteStream(log);
      child.stdout.pipe(out);
      child.stderr.pipe(out);
    }
    child.on('close', (code) => {
      if (!live)
        console.log(
          `\n▶ ${project} tests (output of ${path.relative(root, log)}):\n${readFileSync(log, 'utf8')}`,
        );
      resolve({ code, json });
    });
  });
}

const vitestStart = Date.now();
console.log('\n▶ vitest: server and e2e projects side by side');
const runs = await Promise.all([vitestProject('server', true), vitestProject('e2e', false)]);
const vitestSeconds = (Date.now() - vitestStart) / 1000;
const vitestStatus = runs.every((r) => r.code === 0) ? 0 : 1;

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
  const parts = runs.map((run) => JSON.parse(readFileSync(run.json, 'utf8')));
  const r = {
    numPassedTests: 0,
    numFailedTests: 0,
    numPendingTests: 0,
    numTodoTests: 0,
    numTotalTests: 0,
    testResults: parts.flatMap((p) => p.testResults),
  };
  for (const p of parts) for (const k of Object.keys(r)) if (k !== 'testResults') r[k] += p[k];
  writeFileSync(resultFile, JSON.stringify(r));
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
process.exit(vitestStatus);
