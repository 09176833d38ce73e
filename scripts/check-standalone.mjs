#!/usr/bin/env node
// A clone stands alone: no tracked file may name a folder beside the checkout (the reference data ships in
// server/seed/reference/). Prints each offending file:line and fails; binary and gzip'd files are skipped.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The folder beside our own checkouts that a user's clone does not have (spelled in parts, so this
// check never names it itself).
const OUTSIDE = ['..', 'shared'].join('/');
const FORBIDDEN = new RegExp(`${OUTSIDE.replaceAll('.', '\\.')}|${['shared', 'data'].join('/')}`);
const SELF = 'scripts/check-standalone.mjs'; // names them to look for them

const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
  .split('\0')
  .filter((f) => f && f !== SELF && !f.endsWith('.gz'));

const hits = [];
for (const file of files) {
  let bytes;
  try {
    bytes = readFileSync(path.join(root, file));
  } catch {
    continue; // tracked but deleted in the work tree
  }
  if (bytes.subarray(0, 8000).includes(0)) continue; // binary
  const lines = bytes.toString('utf8').split('\n');
  lines.forEach((line, i) => {
    if (FORBIDDEN.test(line)) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
  });
}

if (hits.length > 0) {
  console.error(
    `✗ ${hits.length} line(s) name a folder outside the repository (${OUTSIDE}); a fresh clone has none.\n` +
      '  Reference data lives in server/seed/reference/ (read it with server/seed/reference.ts).\n',
  );
  for (const hit of hits) console.error(`  ${hit}`);
  process.exit(1);
}
console.log(`✓ standalone: none of ${files.length} tracked files names a folder outside the repository`);
