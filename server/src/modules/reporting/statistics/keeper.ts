/**
 * Keeps the closed months counted in the background (rollup.ts), so that the first leader to open
 * the year's figures after a month ends, or after a change reached back into a closed month, does
 * not wait for the recount. The statistics would count a missing month themselves; this only
 * moves the wait off the reader. Every month a period may be asked for (period.ts: from 1 January
 * of the first year of data), every ten minutes: a request never counts old months on its path.
 */
import type { Database } from '../../../db/engine.ts';
import { vietnamInstant } from '../../../platform/calendar/vietnam-time.ts';
import { startPeriodic } from '../../../platform/periodic.ts';
import { statisticsBounds } from './bounds.ts';
import { countMonths, keptMonths, partsOf } from './rollup.ts';

/** Counts the closed months a period may ask for that are missing or stale; returns how many. */
export async function countClosedMonths(database: Database, now = new Date()): Promise<number> {
  const { earliest } = await statisticsBounds(database, now);
  const w = { from: vietnamInstant(earliest, 0), to: now, asOf: now };
  return countMonths(database, keptMonths(partsOf(w)));
}

export function startMonthKeeper(
  database: Database,
  log: { error(obj: unknown, msg: string): void },
  everyMs = 600_000,
): { close(): Promise<void> } {
  return startPeriodic('counting the closed months', () => countClosedMonths(database), everyMs, log);
}
