/**
 * Growth (issue 26 §6): online submission and counter intake on databases of growing size, to show
 * that a submission's cost does not grow with the table. For each size, `bench/submit.ts` against
 * the PostgreSQL server with one web process (the same code, the same machine, one after the other),
 * then one table: dossiers | online/s | p99 | counter/s | p99, and each size's throughput ÷ the
 * smallest's (goal ≥ 0.8: within the run-to-run spread of this machine).
 *
 *   npm run bench:growth                               100k, 1 M and 5 M dossiers
 *   npm run bench:growth -- --sizes 100000,1000000 --duration 10
 *
 * The databases are cqs_bench_quick (100k), cqs_bench (1 M) and cqs_bench_<n>m otherwise, on the
 * server of --database-url (default the machine's 127.0.0.1:5432); one missing is generated first
 * (5 M: about 27 M rows, 25–40 min on 2 cores).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBenchDatabase } from './support/database.ts';
import { benchOptions, FULL_DATABASE_URL, QUICK_DATABASE_URL } from './support/options.ts';
import { repoRoot } from './support/process.ts';
import { type Figure, report } from './support/report.ts';

const o = benchOptions({ sizes: { type: 'string', default: '100000,1000000,5000000' } });
const sizes = (o.values.sizes as string).split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error('--sizes: whole numbers, e.g. 100000,1000000');

/** The bench database of `n` dossiers, on the server of --database-url. */
function databaseOf(n: number): string {
  const url = new URL(n === 1_000_000 ? FULL_DATABASE_URL : QUICK_DATABASE_URL);
  if (n !== 100_000 && n !== 1_000_000)
    url.pathname = `/cqs_bench_${n % 1_000_000 === 0 ? `${n / 1_000_000}m` : `${n / 1000}k`}`;
  const given = o.values['database-url'] as string | undefined;
  if (given) {
    const server = new URL(given);
    url.host = server.host;
    url.username = server.username;
    url.password = server.password;
    url.search = server.search;
  }
  return url.href;
}

type Row = { dossiers: number; online: number; onlineP99: number; counter: number; counterP99: number };
const rows: Row[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'cqs-growth-'));
try {
  for (const n of sizes) {
    const url = databaseOf(n);
    const counted = await ensureBenchDatabase(url, n);
    console.log(`\n=== ${counted.toLocaleString('en-US')} dossiers (${url}) ===`);
    const file = path.join(dir, `${n}.jsonl`);
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repoRoot, 'bench/submit.ts'),
        '--engine',
        'postgres',
        '--web-processes',
        '1',
        '--database-url',
        url,
        '--duration',
        String(o.duration),
        '--report',
        file,
      ],
      { cwd: repoRoot, stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error(`bench/submit.ts failed on ${url}`);
    const figures = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Figure);
    const value = (prefix: string) => figures.find((f) => f.figure.startsWith(prefix))?.value ?? Number.NaN;
    rows.push({
      dossiers: counted,
      online: value('app online: submissions/s'),
      onlineP99: value('app online: p99'),
      counter: value('app counter intake: receipts/s'),
      counterP99: value('app counter intake: p99'),
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n| dossiers in the database | online /s | online p99 | counter /s | counter p99 |');
console.log('|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.dossiers.toLocaleString('en-US')} | ${r.online.toFixed(0)} | ${r.onlineP99} ms | ${r.counter.toFixed(0)} | ${r.counterP99} ms |`,
  );

const first = rows[0]!;
const figures: Figure[] = rows.flatMap((r) => {
  const size = r.dossiers.toLocaleString('en-US');
  const same = r === first;
  return [
    { bench: 'growth', figure: `online at ${size} dossiers: submissions/s`, value: r.online, unit: '/s' },
    { bench: 'growth', figure: `online at ${size} dossiers: p99`, value: r.onlineP99, unit: 'ms' },
    { bench: 'growth', figure: `counter at ${size} dossiers: receipts/s`, value: r.counter, unit: '/s' },
    ...(same
      ? []
      : [
          {
            bench: 'growth',
            figure: `online at ${size} ÷ at ${first.dossiers.toLocaleString('en-US')}`,
            value: r.online / first.online,
            unit: '×',
            goal: { kind: 'min' as const, value: 0.8 },
          },
          {
            bench: 'growth',
            figure: `counter at ${size} ÷ at ${first.dossiers.toLocaleString('en-US')}`,
            value: r.counter / first.counter,
            unit: '×',
            goal: { kind: 'min' as const, value: 0.8 },
          },
        ]),
  ];
});
report(figures, o.report);
