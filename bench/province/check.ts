/**
 * The statistics oracle's consistency checks on a generated province: for the year, the one-stop
 * totals by channel and by outcome add up to the dossiers actually written, counted directly.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/src/db/engine.ts';
import { windowOf } from '../../server/src/modules/reporting/statistics/dossier-sets.ts';
import { oneStopStatistics } from '../../server/src/modules/reporting/statistics/one-stop.ts';
import { parsePeriod } from '../../server/src/modules/reporting/statistics/period.ts';

export async function checkTotals(database: Database, year: number, written: number): Promise<boolean> {
  const period = parsePeriod(String(year))!;
  const w = windowOf(period, new Date(8.64e15));
  const { total } = await oneStopStatistics(database, w, {}, 'none');
  const [direct] = await database.rows<{ all: number; received: number; refused: number }>(sql`
    SELECT count(*)::int AS all, count(received_at)::int AS received,
      count(*) FILTER (WHERE status = 'refused_at_intake')::int AS refused FROM dossier`);
  const c = total.counts;
  const checks: [string, number, number][] = [
    ['dossiers written = received + refused at intake', written, direct!.received + direct!.refused],
    [
      'received = direct + online + postal',
      c.received,
      c.received_direct + c.received_online + c.received_postal,
    ],
    ['received (statistics) = received (rows)', c.received, direct!.received],
    ['received = resolved + still open at year end', c.received, c.resolved + c.pending],
    [
      'resolved = early + on time + late',
      c.resolved,
      c.resolved_early + c.resolved_on_time + c.resolved_late,
    ],
    ['open = within deadline + overdue', c.pending, c.pending_on_time + c.pending_overdue],
  ];
  let ok = true;
  for (const [name, a, b] of checks) {
    const pass = a === b;
    ok &&= pass;
    console.log(`${pass ? '✓' : '✗'} ${name}: ${a.toLocaleString('vi-VN')} = ${b.toLocaleString('vi-VN')}`);
  }
  const pct = (x: number) => `${((x / c.resolved) * 100).toFixed(2)}%`;
  console.log(
    `  kênh / channels: ${c.received_direct} trực tiếp, ${c.received_online} trực tuyến, ${c.received_postal} bưu chính; ` +
      `kết quả / outcomes: ${pct(c.resolved_early)} trước hạn, ${pct(c.resolved_on_time)} đúng hạn, ${pct(c.resolved_late)} quá hạn; ` +
      `số hóa / digitized ${((c.digitized / Math.max(1, c.digitizable)) * 100).toFixed(1)}%`,
  );
  if (!ok) process.exitCode = 1;
  return ok;
}
