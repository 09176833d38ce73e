/**
 * The benchmark suite (issue 7): each benchmark in its own process, one after the other (they
 * share 2 cores), then one table: benchmark | figure | measured | goal | ratio. Goals are printed,
 * never asserted.
 *
 *   npm run bench                  100k dossiers (cqs_bench_quick, generated when missing), under 10 min
 *   npm run bench -- --full        the 1 M-dossier database (cqs_bench; generated when missing)
 *   options: --database-url postgres://…  --duration 15  --only submit,inbox,search,oidc,lighthouse,statistics,growth
 *   (growth, `bench/growth.ts`, runs only when named: submission on 100k, 1 M and 5 M dossiers)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { ensureBenchDatabase, withClient } from './support/database.ts';
import { argsOf, benchOptions, FULL_DOSSIERS, QUICK_DOSSIERS } from './support/options.ts';
import { repoRoot } from './support/process.ts';
import { type Figure, printTable } from './support/report.ts';

const o = benchOptions({ only: { type: 'string' } });
const only = (o.values.only as string | undefined)?.split(',');
const started = Date.now();
const dossiers = await ensureBenchDatabase(o.databaseUrl, o.full ? FULL_DOSSIERS : QUICK_DOSSIERS);
const pg = await withClient(
  o.databaseUrl,
  async (c) => (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v,
);
const dir = mkdtempSync(path.join(tmpdir(), 'cqs-bench-'));
const file = path.join(dir, 'figures.jsonl');
const failed: string[] = [];

function run(name: string, script: string, extra: string[] = []) {
  if (only && !only.includes(name)) return;
  console.log(`\n=== ${name} (${((Date.now() - started) / 1000).toFixed(0)} s) ===`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'bench', script), ...argsOf({ ...o, report: file }), ...extra],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) failed.push(name);
}

run('submit', 'submit.ts');
run('inbox', 'inbox.ts');
run('search', 'search.ts');
run('oidc', 'oidc.ts');
// Its own fresh `cqs start` (the catalogue and demo accounts), not the bench database: about 4 min.
run('lighthouse', 'lighthouse.ts');
// Submission on 100k, 1 M and 5 M dossiers, one after the other: only when asked (`--only growth`),
// since a missing 5 M database takes 25–40 min to generate.
if (only?.includes('growth')) run('growth', 'growth.ts');

const figures: Figure[] = readFileSync(file, { encoding: 'utf8', flag: 'a+' })
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Figure);

// The statistics benchmark prints its own lines (median per query); its goal is < 1 s.
if (!only || only.includes('statistics')) {
  console.log(`\n=== statistics (${((Date.now() - started) / 1000).toFixed(0)} s) ===`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repoRoot, 'bench/statistics.ts'),
      '--database-url',
      o.databaseUrl,
      '--runs',
      '3',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  process.stdout.write(r.stdout);
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    failed.push('statistics');
  }
  for (const m of r.stdout.matchAll(/^(.+?)\s+median\s+(\d+) ms/gm))
    figures.push({
      bench: 'statistics',
      figure: m[1]!.trim(),
      value: Number(m[2]),
      unit: 'ms',
      goal: { kind: 'max', value: 1000 },
    });
}
rmSync(dir, { recursive: true, force: true });

console.log(
  `\nChính quyền số benchmarks — ${new Date().toISOString().slice(0, 10)}, ${dossiers.toLocaleString('en-US')} dossiers, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, PostgreSQL ${pg}, Node ${process.versions.node}; ${((Date.now() - started) / 60000).toFixed(1)} min\n`,
);
printTable(figures);
if (failed.length) {
  console.log(`\nfailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
