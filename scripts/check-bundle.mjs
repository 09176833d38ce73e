#!/usr/bin/env node
// The JavaScript a phone downloads for the first page must stay small: sum the gzip'd size of
// the scripts index.html loads (entry + modulepreload), and fail above the budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.WEB_DIST_DIR ?? path.join(root, 'web', 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g),
].map((m) => m[1]);
let total = 0;
for (const s of new Set(scripts)) {
  const kb = gzipSync(readFileSync(path.join(dist, s))).length / 1024;
  total += kb;
  console.log(`  ${s}: ${kb.toFixed(1)} kB gzip`);
}
console.log(`First-page JavaScript: ${total.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (scripts.length === 0) {
  console.error(`No script found in ${dist}/index.html`);
  process.exit(1);
}
if (total > BUDGET_KB) process.exit(1);
