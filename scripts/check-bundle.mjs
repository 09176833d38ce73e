#!/usr/bin/env node
// The JavaScript a phone downloads for the first page must stay small: sum the gzip'd size of
// the scripts index.html loads (entry + modulepreload) and, for each page the server links its own
// code for (dist/pages.json, web/page-modules.ts: home, catalogue, procedure, tracking), those
// too; fail when any page is above the budget.
import { existsSync, readFileSync } from 'node:fs';
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
if (scripts.length === 0) {
  console.error(`No script found in ${dist}/index.html`);
  process.exit(1);
}
const kb = (file) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
const sum = (files) => [...new Set(files)].reduce((total, f) => total + kb(f), 0);

let shell = 0;
for (const s of new Set(scripts)) {
  shell += kb(s);
  console.log(`  ${s}: ${kb(s).toFixed(1)} kB gzip`);
}
console.log(`Every page's JavaScript (index.html): ${shell.toFixed(1)} kB gzip`);
let largest = shell;
const pagesFile = path.join(dist, 'pages.json');
const pages = existsSync(pagesFile) ? JSON.parse(readFileSync(pagesFile, 'utf8')) : {};
for (const [pattern, { js }] of Object.entries(pages)) {
  const own = js.map((f) => f.replace(/^\//, '')).filter((f) => !scripts.includes(f));
  const total = shell + sum(own);
  largest = Math.max(largest, total);
  console.log(`  ${pattern}: ${total.toFixed(1)} kB gzip (its own ${(total - shell).toFixed(1)} kB)`);
}
console.log(`First-page JavaScript: ${largest.toFixed(1)} kB gzip at most (budget ${BUDGET_KB} kB)`);
if (largest > BUDGET_KB) process.exit(1);
