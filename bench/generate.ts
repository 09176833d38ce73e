/**
 * A realistic province in PostgreSQL for the benchmarks (issue 7 §1): its real communes and
 * agencies (the platform's own seed), citizens with Vietnamese names and valid-format CCCD, and a
 * year of dossiers whose events follow the real lifecycle. Deterministic for a seed; written with
 * COPY, not through the API; prints rows/s and checks the statistics' totals at the end.
 *
 *   npm run bench:generate -- --dossiers 1000000 --seed 42
 *   options: --year 2025 --database-url postgres://… (default $BENCH_DATABASE_URL or
 *   postgres://postgres@127.0.0.1:5432/cqs_bench; the database is dropped and recreated)
 *   --online 0.339 --postal 0.025 --early 0.6052 --late 0.0003 --digitized 0.194
 */

import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedCatalog } from '../server/seed/catalog.ts';
import { seedDemoAccounts } from '../server/seed/demo.ts';
import { seedReferenceData } from '../server/seed/index.ts';
import {
  type Applicant,
  dossierSynthesizer,
  type SyntheticDossier,
} from '../server/seed/synthetic/dossiers.ts';
import { loadNames, makeCitizen } from '../server/seed/synthetic/people.ts';
import { loadProvince } from '../server/seed/synthetic/province.ts';
import { seeded, uuidAt } from '../server/seed/synthetic/random.ts';
import { DEFAULT_MIX, type Mix, workingDaysOf } from '../server/seed/synthetic/simulate.ts';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/engine.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { loadCalendar } from '../server/src/platform/calendar/store.ts';
import { vietnamInstant } from '../server/src/platform/calendar/vietnam-time.ts';
import { progress, silentProgress } from '../server/src/platform/progress.ts';
import { checkTotals } from './province/check.ts';
import { type Cell, copyRows } from './province/copy.ts';

const { values: args } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    year: { type: 'string', default: '2025' },
    'database-url': { type: 'string' },
    online: { type: 'string' },
    postal: { type: 'string' },
    early: { type: 'string' },
    late: { type: 'string' },
    digitized: { type: 'string' },
  },
});

const total = Number(args.dossiers);
const year = Number(args.year);
const url =
  args['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cqs_bench';
const mix: Mix = { ...DEFAULT_MIX };
for (const key of ['online', 'postal', 'early', 'late', 'digitized'] as const) {
  if (args[key] !== undefined) mix[key] = Number(args[key]);
}
if (!Number.isInteger(total) || total < 1) throw new Error('--dossiers must be a positive whole number');

await recreateDatabase(url);
const config = loadConfig({ ...process.env, DATABASE_URL: url, DEMO_ACCOUNTS: 'true' });
const database = await openDatabase({ databaseUrl: url, poolMax: 4 });
await migrate(database);
console.log(`Tỉnh mã ${config.PROVINCE_CODE}: nạp dữ liệu tham chiếu / loading reference data…`);
await seedReferenceData(database, config, silentProgress);
await seedCatalog(database, config, silentProgress);
await seedDemoAccounts(database, config);
const calendar = await loadCalendar(database.db, config);
const province = await loadProvince(database);
const rnd = seeded(Number(args.seed));
const started = Date.now();

// Citizens: about one for every three dossiers.
const names = loadNames();
const citizenCount = Math.max(1000, Math.ceil(total / 3));
const client = new pg.Client({ connectionString: url });
await client.connect();
const citizens: Applicant[] = [];
const yearStart = vietnamInstant(`${year}-01-01`, 0).getTime();
{
  const bar = progress('Công dân / citizens', citizenCount);
  let batch: Cell[][] = [];
  // Past a million citizens the CCCD serial repeats (people.ts): keep the numbers given.
  const issued = citizenCount > 1_000_000 ? new Set<string>() : undefined;
  for (let i = 0; i < citizenCount; i++) {
    const id = uuidAt(yearStart - 86_400_000 + i, rnd);
    const c = makeCitizen(
      id,
      i,
      names,
      rnd,
      config.PROVINCE_CODE.padStart(3, '0').slice(-2),
      province.communeCodes,
      issued,
    );
    citizens.push({ id, fullName: c.fullName, cccd: c.cccd, phone: c.phone, communeCode: c.communeCode });
    batch.push([
      id,
      c.fullName,
      c.cccd,
      c.dateOfBirth,
      c.phone,
      c.communeCode,
      c.addressDetail,
      'level2',
      'active',
      new Date(yearStart),
    ]);
    if (batch.length === 20_000 || i === citizenCount - 1) {
      await copyRows(
        client,
        'identity_person',
        [
          'id',
          'full_name',
          'cccd',
          'date_of_birth',
          'phone',
          'address_commune_code',
          'address_detail',
          'assurance_level',
          'status',
          'created_at',
        ],
        batch,
      );
      batch = [];
      bar.tick(i + 1);
    }
  }
  bar.finish();
}

// Dossiers over the year's working days, with their events.
const until = vietnamInstant(`${year + 1}-01-01`, 0);
const days = workingDaysOf(year, `${year}-12-31`, calendar);
const synthesizer = dossierSynthesizer(province, mix, calendar, rnd, until);
// COPY columns and the record fields they come from (the records are what the API would insert).
const DOSSIER_COLUMNS: [string, keyof SyntheticDossier['dossier']][] = [
  ['id', 'id'],
  ['code', 'code'],
  ['procedure_id', 'procedureId'],
  ['procedure_version', 'procedureVersion'],
  ['channel', 'channel'],
  ['status', 'status'],
  ['applicant_id', 'applicantId'],
  ['applicant', 'applicant'],
  ['receiving_agency_id', 'receivingAgencyId'],
  ['competent_agency_id', 'competentAgencyId'],
  ['handler_id', 'handlerId'],
  ['form_data', 'formData'],
  ['state', 'state'],
  ['received_at', 'receivedAt'],
  ['due_at', 'dueAt'],
  ['finished_at', 'finishedAt'],
  ['returned_at', 'returnedAt'],
  ['return_method', 'returnMethod'],
  ['result', 'result'],
  ['stopped_at', 'stoppedAt'],
  ['supplement_requests', 'supplementRequests'],
  ['outcome_at', 'outcomeAt'],
  ['outcome', 'outcome'],
  ['working_days_taken', 'workingDaysTaken'],
  ['digitized_at', 'digitizedAt'],
  ['rating', 'rating'],
  ['rated_at', 'ratedAt'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
];
const EVENT_COLUMNS: [string, keyof SyntheticDossier['events'][number]][] = [
  ['id', 'id'],
  ['dossier_id', 'dossierId'],
  ['seq', 'seq'],
  ['type', 'type'],
  ['from_status', 'fromStatus'],
  ['to_status', 'toStatus'],
  ['actor_id', 'actorId'],
  ['at', 'at'],
  ['note', 'note'],
  ['data', 'data'],
  ['due_at', 'dueAt'],
];
let events = 0;
{
  const bar = progress('Hồ sơ / dossiers', total);
  let dossierRows: Cell[][] = [];
  let eventRows: Cell[][] = [];
  for (let i = 0; i < total; i++) {
    const date = days[Math.floor((i / total) * days.length)]!;
    const applicant = citizens[rnd.int(0, citizens.length - 1)]!;
    const { dossier, events: evs } = synthesizer.next(date, applicant);
    dossierRows.push(DOSSIER_COLUMNS.map(([, key]) => (dossier[key] ?? null) as Cell));
    for (const e of evs) eventRows.push(EVENT_COLUMNS.map(([, key]) => (e[key] ?? null) as Cell));
    events += evs.length;
    if (dossierRows.length === 10_000 || i === total - 1) {
      await copyRows(
        client,
        'dossier',
        DOSSIER_COLUMNS.map(([c]) => c),
        dossierRows,
      );
      await copyRows(
        client,
        'dossier_event',
        EVENT_COLUMNS.map(([c]) => c),
        eventRows,
      );
      dossierRows = [];
      eventRows = [];
      bar.tick(i + 1);
    }
  }
  bar.finish();
}
const counters = synthesizer.counters();
await client.query(
  `INSERT INTO dossier_code_counter (agency_id, day, last)
   SELECT (c->>'agencyId')::uuid, (c->>'day')::date, (c->>'last')::int FROM jsonb_array_elements($1::jsonb) c`,
  [JSON.stringify(counters)],
);
// As autovacuum would by the time anyone reads: visibility maps set, so indexes answer alone.
await client.query('VACUUM ANALYZE');
const secs = (Date.now() - started) / 1000;
const rows = citizenCount + total + events;
console.log(
  `Đã sinh / generated: ${citizenCount.toLocaleString('vi-VN')} công dân, ${total.toLocaleString('vi-VN')} hồ sơ, ${events.toLocaleString('vi-VN')} sự kiện trong ${secs.toFixed(1)} s — ${Math.round(rows / secs).toLocaleString('vi-VN')} dòng/giây (rows/s)`,
);
await checkTotals(database, year, total);
await client.end();
await database.close();

async function recreateDatabase(target: string) {
  const u = new URL(target);
  const name = u.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing to recreate database "${name}"`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}
