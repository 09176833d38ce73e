/**
 * Keeps the closed months counted in the background (rollup.ts), so that the first leader to open
 * the year's figures after a month ends, or after a change reached back into a closed month, does
 * not wait for the recount. The statistics would count a missing month themselves; this only
 * moves the wait off the reader. This year and last year, every ten minutes.
 */
import type { Database } from '../../../db/engine.ts';
import { vietnamDateOf, vietnamInstant } from '../../../platform/calendar/vietnam-time.ts';
import { startPeriodic } from '../../../platform/periodic.ts';
import { countMonths, keptMonths, partsOf } from './rollup.ts';

/** Counts the closed months since 1 January of last year that are missing or stale; returns how many. */
export async function countClosedMonths(database: Database, now = new Date()): Promise<number> {
  const lastYear = Number(vietnamDateOf(now).slice(0, 4)) - 1;
  const w = { from: vietnamInstant(`${lastYear}-01-01`, 0), to: now, asOf: now };
  return countMonths(database, keptMonths(partsOf(w)));
}

export function startMonthKeeper(
  database: Database,
  log: { error(obj: unknown, msg: string): void },
  everyMs = 600_000,
): { close(): Promise<void> } {
  return startPeriodic('counting the closed months', () => countClosedMonths(database), everyMs, log);
}
