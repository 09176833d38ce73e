/**
 * Working days: Monday–Friday, minus days off, plus make-up working days (DOMAIN.md §2). Counting
 * follows the Civil Code: the starting day itself is never counted.
 */
import type { Calendar } from './calendar.ts';
import { addDays, epochDayOf, isWeekend, parseIsoDate } from './dates.ts';
import { CalendarErrors } from './errors.ts';
import type { OfficeMinutes } from './office-hours.ts';
import { vietnamInstant } from './vietnam-time.ts';

/** No real schedule has a break this long; reaching it means the data marks everything as off. */
const MAX_NON_WORKING_RUN = 366;

export function isWorkingDay(date: string, calendar: Calendar): boolean {
  parseIsoDate(date);
  const entry = calendar.entryOn(date);
  return entry ? entry.kind === 'working_day' : !isWeekend(date);
}

function stepToWorkingDay(date: string, direction: 1 | -1, calendar: Calendar): string {
  let d = date;
  for (let i = 0; i < MAX_NON_WORKING_RUN; i++) {
    d = addDays(d, direction);
    if (isWorkingDay(d, calendar)) return d;
  }
  throw CalendarErrors.create('INVALID_SCHEDULE', {
    vi: `Không có ngày làm việc nào trong ${MAX_NON_WORKING_RUN} ngày kể từ ${date}; kiểm tra lịch nghỉ.`,
    en: `No working day within ${MAX_NON_WORKING_RUN} days of ${date}; check the holiday schedule.`,
  });
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar: Calendar): string {
  return stepToWorkingDay(date, 1, calendar);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: string, calendar: Calendar): string {
  return stepToWorkingDay(date, -1, calendar);
}

/** `date` itself if it is a working day, else the next one. */
export function workingDayOnOrAfter(date: string, calendar: Calendar): string {
  return isWorkingDay(date, calendar) ? date : nextWorkingDay(date, calendar);
}

/**
 * The `n`-th working day after `date` (`date` not counted); negative `n` counts back, so
 * "1 working day before the due date" is `addWorkingDays(due, -1)`. `n = 0` returns `date` unchanged.
 */
export function addWorkingDays(date: string, n: number, calendar: Calendar): string {
  if (!Number.isInteger(n)) {
    throw CalendarErrors.create('INVALID_DURATION', {
      vi: `Số ngày làm việc phải là số nguyên (nhận ${n}).`,
      en: `The number of working days must be a whole number (got ${n}).`,
    });
  }
  parseIsoDate(date);
  let d = date;
  for (let i = 0; i < Math.abs(n); i++) d = stepToWorkingDay(d, n > 0 ? 1 : -1, calendar);
  return d;
}

/**
 * Working days in (from, to]: the inverse of `addWorkingDays`, so
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`; negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: Calendar): number {
  const [start, end, sign] = epochDayOf(from) <= epochDayOf(to) ? [from, to, 1] : [to, from, -1];
  return sign * countBetween(start, end, calendar);
}

/**
 * Running counts of working days per calendar and year, so a work list of 50 dossiers due a year
 * ago costs 50 look-ups instead of 50 × 365 day-by-day checks. A calendar never changes once made.
 */
const runningCounts = new WeakMap<Calendar, Map<number, Int32Array>>();

/** Working days in (start, end], start ≤ end. */
function countBetween(start: string, end: string, calendar: Calendar): number {
  const startYear = Number(start.slice(0, 4));
  const endYear = Number(end.slice(0, 4));
  if (endYear - startYear > 50) {
    // Not a real deadline (a mistyped year): count day by day rather than fill the cache.
    let count = 0;
    for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
    return count;
  }
  let years = runningCounts.get(calendar);
  if (!years) {
    years = new Map();
    runningCounts.set(calendar, years);
  }
  // row[i] = working days from 1 January to the i-th day of the year, inclusive.
  const at = (date: string, row: Int32Array) =>
    row[epochDayOf(date) - epochDayOf(`${date.slice(0, 4)}-01-01`)]!;
  const first = countsOf(startYear, years, calendar);
  if (startYear === endYear) return at(end, first) - at(start, first);
  let count = first[first.length - 1]! - at(start, first);
  for (let y = startYear + 1; y < endYear; y++) {
    const row = countsOf(y, years, calendar);
    count += row[row.length - 1]!;
  }
  return count + at(end, countsOf(endYear, years, calendar));
}

function countsOf(year: number, years: Map<number, Int32Array>, calendar: Calendar): Int32Array {
  let row = years.get(year);
  if (!row) {
    const jan1 = `${String(year).padStart(4, '0')}-01-01`;
    const length = epochDayOf(`${String(year + 1).padStart(4, '0')}-01-01`) - epochDayOf(jan1);
    row = new Int32Array(length);
    let count = 0;
    let d = jan1;
    for (let i = 0; i < length; i++) {
      if (isWorkingDay(d, calendar)) count++;
      row[i] = count;
      d = addDays(d, 1);
    }
    years.set(year, row);
  }
  return row;
}

export type Session = { start: Date; end: Date };

/** The office sessions of a date as instants; none on a non-working day. */
export function officeSessionsOn(date: string, calendar: Calendar): Session[] {
  if (!isWorkingDay(date, calendar)) return [];
  const { morning, afternoon }: OfficeMinutes = calendar.officeMinutes;
  return [morning, afternoon].map(([start, end]) => ({
    start: vietnamInstant(date, start),
    end: vietnamInstant(date, end),
  }));
}

/** Opening time (start of the morning session) of a date. */
export function officeOpensAt(date: string, calendar: Calendar): Date {
  return vietnamInstant(date, calendar.officeMinutes.morning[0]);
}

/** Closing time (end of the afternoon session) of a date: when a period due that day ends. */
export function officeClosesAt(date: string, calendar: Calendar): Date {
  return vietnamInstant(date, calendar.officeMinutes.afternoon[1]);
}
