/** The periods statistics may be asked for, from the data (period.ts has the rule). */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import { vietnamDateOf } from '../../../platform/calendar/vietnam-time.ts';
import { type PeriodBounds, periodBounds } from './period.ts';

/** From 1 January of the platform's first year of data to today (one index probe). */
export async function statisticsBounds(database: Database, now = new Date()): Promise<PeriodBounds> {
  const [row] = await database.rows<{ first: Date | string | null }>(
    sql`SELECT min(received_at) AS first FROM dossier`,
  );
  const first = row?.first ? vietnamDateOf(new Date(row.first)) : null;
  return periodBounds(first, vietnamDateOf(now));
}
