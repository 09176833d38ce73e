import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/db/engine.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { parseScheduleCsv } from '../src/platform/calendar/schedule.ts';
import { replaceSchedule, scheduleOf } from '../src/platform/calendar/store.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/**
 * Official schedules we ship (data/official-schedule-YYYY.csv), loaded for years that have none
 * yet; an admin's own edits are never overwritten.
 */
export async function seedOfficialSchedules(database: Database): Promise<number[]> {
  const loaded: number[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /^official-schedule-\d{4}\.csv$/.test(f))) {
    const year = Number(file.slice(18, 22));
    if ((await scheduleOf(database.db, year)).length > 0) continue;
    const entries = parseScheduleCsv(fs.readFileSync(path.join(dir, file), 'utf8'));
    await inTransaction(database, (tx) => replaceSchedule(tx, { year, entries }, null));
    loaded.push(year);
  }
  return loaded;
}
