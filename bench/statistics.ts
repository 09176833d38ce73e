/**
 * Yearly one-stop statistics and the Decision 766 index for the whole province, on the database
 * `npm run bench:generate` wrote (issue 6: under 1 s at 1 million dossiers). Runs each query a
 * few times and prints the median and the ratio to the goal, twice: for the closed year (twelve
 * kept months) and for the year to date on 15 December (eleven kept months and a live one). First
 * it counts the kept months from scratch and prints how long that took (what the first reader
 * after a restore, or the nightly count, pays). `EXPLAIN ANALYZE` of a live month with --explain.
 *
 *   npm run bench:statistics [-- --year 2025 --runs 5 --explain]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/engine.ts';
import { windowOf } from '../server/src/modules/reporting/statistics/dossier-sets.ts';
import { indexOfUnit, indexRanking } from '../server/src/modules/reporting/statistics/index-service.ts';
import { oneStopStatistics } from '../server/src/modules/reporting/statistics/one-stop.ts';
import { parsePeriod } from '../server/src/modules/reporting/statistics/period.ts';
import {
  countMonths,
  keptMonths,
  partsOf,
  tallyColumns,
  touchesWindow,
} from '../server/src/modules/reporting/statistics/rollup.ts';
import { vietnamInstant } from '../server/src/platform/calendar/vietnam-time.ts';

const { values: args } = parseArgs({
  options: {
    year: { type: 'string', default: '2025' },
    runs: { type: 'string', default: '5' },
    explain: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
  },
});
const url =
  args['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cqs_bench';
const database = await openDatabase({ databaseUrl: url, poolMax: 4 });
const [{ n }] = (await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM dossier`)) as [
  { n: number },
];
const period = parsePeriod(args.year)!;
const w = windowOf(period, new Date());
// The year to date on 15 December: what a leader sees in the last weeks of the year.
const toDate = windowOf(period, vietnamInstant(`${args.year}-12-15`, 10 * 60));
const GOAL_MS = 1000;

async function measure(name: string, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < Number(args.runs); i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${name.padEnd(44)} median ${median.toFixed(0).padStart(6)} ms  (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)})  goal < ${GOAL_MS} ms → ${(median / GOAL_MS).toFixed(2)}× the goal`,
  );
  return median;
}

console.log(`${n.toLocaleString('vi-VN')} hồ sơ / dossiers, kỳ / period ${period.key}, ${database.describe}`);
await database.rows(sql`DELETE FROM reporting_rollup_month`);
const counting = performance.now();
const months = keptMonths(partsOf(w));
await countMonths(database, months);
const counted = performance.now() - counting;
// What autovacuum does soon after on a live server: the rows just replaced freed, the counts known.
await database.rows(
  sql`VACUUM ANALYZE reporting_rollup, reporting_rollup_supplement, reporting_rollup_month`,
);
console.log(
  `counting ${months.length} closed months from scratch: ${counted.toFixed(0)} ms (once; then only months a change marks stale)`,
);
for (const [name, window] of [
  ['year', w],
  ['year to 15 Dec', toDate],
] as const) {
  await measure(`one-stop, province, ${name}`, () => oneStopStatistics(database, window, {}, 'none'));
  await measure(`one-stop by agency, ${name}`, () => oneStopStatistics(database, window, {}, 'agency'));
  await measure(`766 index, province, ${name}`, () =>
    indexOfUnit(database, period, window, { kind: 'province' }),
  );
  await measure(`766 ranking of communes, ${name}`, () => indexRanking(database, period, window, 'commune'));
}
if (args.explain) {
  const { dossierFacets } = await import('../server/src/modules/reporting/statistics/scope.ts');
  const december = partsOf(toDate).at(-1)!;
  const live = 'live' in december ? december.live : toDate;
  const plan = await database.rows<{ 'QUERY PLAN': string }>(
    sql`EXPLAIN (ANALYZE, BUFFERS) SELECT ${tallyColumns()} FROM ${dossierFacets(live, {}, 'none', touchesWindow(live))}`,
  );
  for (const row of plan) console.log(row['QUERY PLAN']);
}
await database.close();
