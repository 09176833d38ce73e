/**
 * A year's days off: the computed defaults of HOLIDAY_RULES, the compensatory days the Labor Code
 * grants when a holiday falls on a weekend, and on top of both the official schedule, which wins.
 */
import { addDays, epochDayOf, isWeekend } from './dates.ts';
import { CalendarErrors } from './errors.ts';
import { HOLIDAY_RULES, type HolidayName, type HolidayRule } from './holiday-rules.ts';
import { lunarToSolar, solarToLunar, tetDate } from './lunar.ts';
import { type OfficialSchedule, type ScheduleEntryKind, validateSchedule } from './schedule.ts';

export type HolidaySource = 'computed' | 'official';

/** A day that departs from the Monday–Friday rhythm: a day off, or a make-up working day. */
export type HolidayEntry = {
  date: string;
  name: HolidayName;
  source: HolidaySource;
  kind: ScheduleEntryKind;
};

const pad2 = (n: number) => String(n).padStart(2, '0');
const solarDate = (year: number, month: number, day: number) => `${year}-${pad2(month)}-${pad2(day)}`;

/**
 * Length in days of the break around `anchor` if `other` is also off, counting weekends and the
 * compensatory days a weekend holiday brings.
 */
function breakLength(anchor: string, other: string): number {
  const off = new Set([anchor, other]);
  for (const date of [anchor, other].sort()) {
    if (isWeekend(date)) off.add(nextFreeWeekday(date, off));
  }
  const isOff = (date: string) => off.has(date) || isWeekend(date);
  let length = 1;
  for (let d = addDays(anchor, -1); isOff(d); d = addDays(d, -1)) length++;
  for (let d = addDays(anchor, 1); isOff(d); d = addDays(d, 1)) length++;
  return length;
}

/**
 * The day next to `anchor` (2 Sep) that the law adds, when no official schedule says which: the day
 * before or after that makes the longer break with the weekend; on a tie, the one that is a weekday
 * (a weekend holiday only moves to a compensatory day); on a further tie, the day before. This
 * reproduces the Prime Minister's choices of 2021 (Thu → Fri 3), 2022 (Fri → Thu 1), 2023 (Sat →
 * Fri 1), 2024 (Mon → Tue 3) and 2025 (Tue → Mon 1); a Wednesday (2026) gets Tuesday 1 Sep.
 */
export function adjacentDayChoice(anchor: string): string {
  const before = addDays(anchor, -1);
  const after = addDays(anchor, 1);
  const lengthBefore = breakLength(anchor, before);
  const lengthAfter = breakLength(anchor, after);
  if (lengthBefore !== lengthAfter) return lengthBefore > lengthAfter ? before : after;
  if (isWeekend(before) !== isWeekend(after)) return isWeekend(before) ? after : before;
  return before;
}

/** The first Monday–Friday after `date` that is not already off. */
function nextFreeWeekday(date: string, off: ReadonlySet<string>): string {
  let d = addDays(date, 1);
  while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
  return d;
}

function inForce(rule: HolidayRule, date: string): boolean {
  return date >= rule.validFrom && (rule.validTo === null || date <= rule.validTo);
}

/** The days a rule gives in Gregorian `year`, before validity and compensation. */
function ruleDays(rule: HolidayRule, year: number): { date: string; name: HolidayName }[] {
  const { anchor, name } = rule;
  switch (anchor.type) {
    case 'solar':
      return [{ date: solarDate(year, anchor.month, anchor.day), name }];
    case 'lunar':
      // Lunar month 3 etc. of lunar year N always falls in Gregorian year N for the months we use.
      return [{ date: lunarToSolar({ day: anchor.day, month: anchor.month, year, leap: false }), name }];
    case 'adjacent_to_solar':
      return [{ date: adjacentDayChoice(solarDate(year, anchor.month, anchor.day)), name }];
    case 'lunar_new_year': {
      const days: { date: string; name: HolidayName }[] = [];
      // Offsets may reach across 1 January, so look at the Tết before and after too.
      for (const lunarYear of [year - 1, year, year + 1]) {
        const tet = tetDate(lunarYear);
        for (let offset = anchor.from; offset <= anchor.to; offset++) {
          const date = addDays(tet, offset);
          if (!date.startsWith(`${year}-`)) continue;
          const lunar = solarToLunar(date);
          days.push({
            date,
            name: {
              vi: `${name.vi} (${lunar.day}/${lunar.month} âm lịch)`,
              en: `${name.en} (lunar ${lunar.day}/${lunar.month})`,
            },
          });
        }
      }
      return days;
    }
  }
}

/** Computed holidays of Gregorian `year` (no compensation yet), one entry per date. */
function ruleHolidays(year: number, rules: readonly HolidayRule[]): Map<string, HolidayName> {
  const days = new Map<string, HolidayName>();
  for (const rule of rules) {
    if (rule.validFrom > `${year}-12-31` || (rule.validTo !== null && rule.validTo < `${year}-01-01`))
      continue;
    for (const { date, name } of ruleDays(rule, year)) {
      if (!inForce(rule, date)) continue;
      // Two holidays on one date stay one day off: the Labor Code compensates only the weekly rest.
      const existing = days.get(date);
      days.set(
        date,
        existing ? { vi: `${existing.vi}; ${name.vi}`, en: `${existing.en}; ${name.en}` } : name,
      );
    }
  }
  return days;
}

/**
 * Computed defaults with compensatory days: a holiday on Saturday or Sunday gives the next working
 * day off (Labor Code 2019 art. 111(3)); several weekend holidays give consecutive days.
 */
function computedHolidays(year: number, rules: readonly HolidayRule[]): HolidayEntry[] {
  // The previous year is included so that a late-December weekend holiday can compensate in January.
  const holidays = new Map([...ruleHolidays(year - 1, rules), ...ruleHolidays(year, rules)]);
  const entries: HolidayEntry[] = [];
  const off = new Set(holidays.keys());
  for (const date of [...holidays.keys()].sort()) {
    const name = holidays.get(date)!;
    entries.push({ date, name, source: 'computed', kind: 'day_off' });
    if (isWeekend(date)) {
      const inLieu = nextFreeWeekday(date, off);
      off.add(inLieu);
      entries.push({
        date: inLieu,
        name: { vi: `Nghỉ bù ${name.vi}`, en: `Day off in lieu of ${name.en}` },
        source: 'computed',
        kind: 'day_off',
      });
    }
  }
  return entries.filter((e) => e.date.startsWith(`${year}-`));
}

/**
 * The year's days off and make-up working days, sorted by date. Without a schedule, the computed
 * defaults; with one, its `day_off` entries replace or add days and its `working_day` entries make a
 * day a working day (a make-up Saturday, or cancelling a computed day the Prime Minister moved).
 */
export function holidaysOf(
  year: number,
  schedule?: OfficialSchedule,
  rules: readonly HolidayRule[] = HOLIDAY_RULES,
): HolidayEntry[] {
  if (!Number.isInteger(year)) {
    throw CalendarErrors.create('YEAR_OUT_OF_RANGE', {
      vi: `Năm "${year}" không hợp lệ.`,
      en: `"${year}" is not a valid year.`,
    });
  }
  const byDate = new Map(computedHolidays(year, rules).map((e) => [e.date, e]));
  if (schedule) {
    if (schedule.year !== year) {
      throw CalendarErrors.create('INVALID_SCHEDULE', {
        vi: `Lịch nghỉ năm ${schedule.year} được dùng cho năm ${year}.`,
        en: `The ${schedule.year} schedule was given for ${year}.`,
      });
    }
    validateSchedule(schedule);
    for (const entry of schedule.entries) {
      const en =
        entry.name.en ?? (entry.kind === 'day_off' ? 'Day off (official schedule)' : 'Make-up working day');
      byDate.set(entry.date, {
        date: entry.date,
        name: { vi: entry.name.vi, en },
        source: 'official',
        kind: entry.kind,
      });
    }
  }
  return [...byDate.values()].sort((a, b) => epochDayOf(a.date) - epochDayOf(b.date));
}
