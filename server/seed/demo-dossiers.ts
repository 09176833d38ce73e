/**
 * A few thousand dossiers of the last nine months for the demo (`DEMO_DOSSIERS`), so a new
 * `npm start` has queues to work and figures to read: the statistics pages, the 766 index and the
 * DX dashboard show what a province would see. Each dossier is played through the real lifecycle
 * (synthetic/simulate.ts), so its events, codes and statistics are ones the API could have written.
 */
import { sql } from 'drizzle-orm';
import type { Config } from '../src/config.ts';
import type { Database } from '../src/db/engine.ts';
import { dossierCodeCounters, dossierEvents, dossierFiles, dossiers, persons } from '../src/db/schema.ts';
import { renderReportPdf } from '../src/modules/reporting/export/pdf.ts';
import { addDays, vietnamDateOf } from '../src/platform/calendar/index.ts';
import { loadCalendar } from '../src/platform/calendar/store.ts';
import { openStorage } from '../src/platform/storage/index.ts';
import { type Applicant, dossierSynthesizer } from './synthetic/dossiers.ts';
import { loadNames, makeCitizen } from './synthetic/people.ts';
import { loadProvince } from './synthetic/province.ts';
import { seeded, uuidAt } from './synthetic/random.ts';
import { DEFAULT_MIX, workingDaysOf } from './synthetic/simulate.ts';

// Generated citizens' CCCD serials and phones start here, clear of the demo accounts' own.
const FIRST_INDEX = 500_000;

export async function seedDemoDossiers(
  database: Database,
  config: Pick<Config, 'PROVINCE_CODE' | 'DEMO_DOSSIERS' | 'OFFICE_HOURS' | 'CUTOFF_TIME' | 'filesDir'>,
  now = new Date(),
): Promise<number> {
  const count = config.DEMO_DOSSIERS;
  if (count === 0) return 0;
  const [existing] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM dossier`);
  if ((existing?.n ?? 0) > 0) return 0; // only into a new demo database
  const db = database.db;
  const calendar = await loadCalendar(db, config);
  const province = await loadProvince(database);
  const rnd = seeded(2026);

  const names = loadNames();
  const people = Array.from({ length: Math.max(50, Math.ceil(count / 4)) }, (_, i) =>
    makeCitizen(
      uuidAt(now.getTime() - 400 * 86_400_000 + i, rnd),
      FIRST_INDEX + i,
      names,
      rnd,
      config.PROVINCE_CODE,
      province.communeCodes,
    ),
  );
  for (let i = 0; i < people.length; i += 500) {
    await db.insert(persons).values(
      people.slice(i, i + 500).map((c) => ({
        id: c.id,
        fullName: c.fullName,
        cccd: c.cccd,
        dateOfBirth: c.dateOfBirth,
        phone: c.phone,
        addressCommuneCode: c.communeCode,
        addressDetail: c.addressDetail,
        assuranceLevel: 'level2',
        status: 'active',
      })),
    );
  }
  // The demo citizens (nguyenvanan, tranthibinh) file some too, so "Hồ sơ của tôi" has a history.
  const demoCitizens = await database.rows<Applicant>(sql`
    SELECT id, full_name AS "fullName", cccd, phone, coalesce(address_commune_code, '') AS "communeCode"
    FROM identity_person WHERE email LIKE '%@demo.cqs.example' AND cccd IS NOT NULL`);
  const applicants: Applicant[] = people.map((c) => ({
    id: c.id,
    fullName: c.fullName,
    cccd: c.cccd,
    phone: c.phone,
    communeCode: c.communeCode,
  }));

  const today = vietnamDateOf(now);
  const start = addDays(today, -270);
  const days = [
    ...workingDaysOf(Number(start.slice(0, 4)), today, calendar).filter((d) => d >= start),
    ...(start.slice(0, 4) === today.slice(0, 4)
      ? []
      : workingDaysOf(Number(today.slice(0, 4)), today, calendar)),
  ];
  const synthesizer = dossierSynthesizer(province, DEFAULT_MIX, calendar, rnd, now);
  for (let i = 0; i < count; i += 250) {
    const batch = Array.from({ length: Math.min(250, count - i) }, (_, k) => {
      const date = days[Math.floor(((i + k) / count) * days.length)]!;
      const who = demoCitizens.length && rnd.chance(0.01) ? rnd.pick(demoCitizens) : rnd.pick(applicants);
      return synthesizer.next(date, who);
    });
    await db.insert(dossiers).values(batch.map((b) => b.dossier));
    await db.insert(dossierEvents).values(batch.flatMap((b) => b.events));
  }
  await attachDemoResults(database, config, rnd);
  const counters = synthesizer.counters();
  for (let i = 0; i < counters.length; i += 500)
    await db.insert(dossierCodeCounters).values(counters.slice(i, i + 500));
  return count;
}

/**
 * Electronic results (Decree 45/2020) for the approved online dossiers and some counter ones: one
 * shared demo PDF in file storage (content-addressed, so stored once), a result row per dossier,
 * so the document wallet and the 766 "electronic result" component have something real to show.
 */
async function attachDemoResults(
  database: Database,
  config: Pick<Config, 'filesDir'>,
  rnd: ReturnType<typeof seeded>,
) {
  const bytes = Buffer.from(
    await renderReportPdf({
      issuer: { name: 'CƠ QUAN GIẢI QUYẾT (BẢN DEMO)' },
      title: 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
      subtitle: 'Bản điện tử minh họa của dữ liệu demo — không có giá trị pháp lý',
      sections: [],
    }),
  );
  const { sha256 } = await openStorage(config).put(bytes);
  const approved = await database.rows<{
    id: string;
    channel: string;
    finished_at: string;
    handler_id: string | null;
  }>(sql`
    SELECT id, channel, finished_at, handler_id FROM dossier WHERE result = 'approved' ORDER BY id`);
  const rows = approved
    .filter((d) => d.channel === 'online' || rnd.chance(0.3))
    .map((d) => ({
      id: uuidAt(new Date(d.finished_at).getTime(), rnd),
      dossierId: d.id,
      purpose: 'result',
      componentIndex: null,
      label: 'Kết quả giải quyết thủ tục hành chính',
      fileName: 'ket-qua.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256,
      uploadedBy: d.handler_id,
      uploadedAt: new Date(new Date(d.finished_at).getTime() - 60_000),
    }));
  for (let i = 0; i < rows.length; i += 500)
    await database.db.insert(dossierFiles).values(rows.slice(i, i + 500));
}
