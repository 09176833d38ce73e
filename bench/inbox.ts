/**
 * The officers' inbox (issue 7 §2) on the generated province: GET /api/dossiers?queue=… against
 * the real server, one request at a time, for the provincial public-service centre's counter
 * officer (the desk that receives most dossiers: about 80 % of the province's) and a specialist of
 * the Department of Justice. p50/p95 over all queues, and per queue.
 *
 *   npm run bench:inbox [-- --database-url postgres://… --requests 400 --explain]
 */
import {
  csrfOf,
  ensureBenchDatabase,
  personByEmail,
  sessionCookies,
  withClient,
} from './support/database.ts';
import { sequential } from './support/load.ts';
import { benchOptions, FULL_DOSSIERS, QUICK_DOSSIERS } from './support/options.ts';
import { type Child, startPlatformServer } from './support/process.ts';
import { type Figure, report } from './support/report.ts';

const o = benchOptions({
  requests: { type: 'string', default: '400' },
  explain: { type: 'boolean', default: false },
});
const REQUESTS = Number(o.values.requests);
const QUEUES = ['all', 'in_progress', 'due_soon', 'overdue', 'to_return', 'to_receive'] as const;
const url = o.databaseUrl;
const n = await ensureBenchDatabase(url, o.full ? FULL_DOSSIERS : QUICK_DOSSIERS);
const officers = [
  { email: 'motcua@demo.cqs.example', as: 'desk (service centre)' },
  { email: 'chuyenvien@demo.cqs.example', as: 'specialist (Justice)' },
];
const people = await Promise.all(officers.map((p) => personByEmail(url, p.email)));
const counts = await withClient(url, async (c) =>
  Promise.all(
    people.map(
      async (p) =>
        (
          await c.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM dossier WHERE receiving_agency_id = $1 OR competent_agency_id = $1',
            [p.agency],
          )
        ).rows[0]!.n,
    ),
  ),
);
const cookies = await sessionCookies(
  url,
  people.map((p) => p.id),
);
console.log(
  `${n.toLocaleString('en-US')} dossiers; ${officers.map((p, i) => `${p.as}: ${counts[i]!.toLocaleString('en-US')} in reach`).join(', ')}`,
);
const figures: Figure[] = [];
let app: Child | undefined;
try {
  app = await startPlatformServer({ databaseUrl: url });
  const base = app.url;
  const get = async (who: number, queue: string, offset = 0) => {
    const r = await fetch(`${base}/api/dossiers?queue=${queue}&limit=50&offset=${offset}`, {
      headers: { cookie: cookies[who]!, 'x-csrf-token': csrfOf(cookies[who]!) },
    });
    if (r.status !== 200) throw new Error(`${queue}: ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
  };
  // Every queue for both officers, first page mostly, sometimes the second.
  const all = await sequential(REQUESTS, async (i) => {
    const queue = QUEUES[i % QUEUES.length]!;
    await get(Math.floor(i / QUEUES.length) % 2, queue, i % 5 === 4 ? 50 : 0);
  });
  console.log(
    `inbox, all queues: p50 ${all.p50.toFixed(1)} ms, p95 ${all.p95.toFixed(1)} ms, max ${all.max.toFixed(0)} ms (${all.n} requests)`,
  );
  for (const queue of QUEUES) {
    for (const who of [0, 1]) {
      const q = await sequential(30, () => get(who, queue), 3);
      console.log(
        `  ${officers[who]!.as.padEnd(22)} ${queue.padEnd(12)} p50 ${q.p50.toFixed(1).padStart(6)} ms  p95 ${q.p95.toFixed(1).padStart(6)} ms`,
      );
    }
  }
  figures.push(
    {
      bench: 'inbox',
      figure: `p50, ${Math.round(counts[0]! / 1000)}k-dossier desk + specialist`,
      value: all.p50,
      unit: 'ms',
    },
    {
      bench: 'inbox',
      figure: 'p95, all queues',
      value: all.p95,
      unit: 'ms',
      goal: { kind: 'max', value: 20 },
    },
  );
} finally {
  await app?.stop();
}
report(figures, o.report);
