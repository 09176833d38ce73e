#!/usr/bin/env node
// `npm test`: every check the project has, in the order a failure is cheapest to see.
//   lint + format (Biome) → types (tsc) → Chromium and poppler present → web build → vitest (server on
//   PGlite and PostgreSQL, then end-to-end in Chromium) → one closing summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultFile = path.join(root, 'test-results', 'vitest.json');

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
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
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultFile}`],
  { cwd: root, stdio: 'inherit' },
);
let summary = 'vitest: no result file';
try {
  const r = JSON.parse(readFileSync(resultFile, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`;
  if (r.numTotalTests === 0) summary = '0 passed, 0 failed';
} catch {}
console.log(`\ntests: ${summary}`);
process.exit(vitest.status ?? 1);
