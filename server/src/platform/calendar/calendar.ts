/**
 * A Calendar bundles what deadline arithmetic needs: the holiday rules, the official schedules by
 * year, office hours and the cut-off time. A year's days are computed on first use and cached, so
 * a Calendar is cheap to keep for the process; when an admin edits a schedule, build a new one.
 */
import { CalendarErrors } from './errors.ts';
import { HOLIDAY_RULES, type HolidayRule } from './holiday-rules.ts';
import { type HolidayEntry, holidaysOf } from './holidays.ts';
import {
  DEFAULT_CUTOFF,
  DEFAULT_OFFICE_HOURS,
  type OfficeHours,
  type OfficeMinutes,
  parseOfficeHours,
} from './office-hours.ts';
import { type OfficialSchedule, validateSchedule } from './schedule.ts';
import { parseClock } from './vietnam-time.ts';

export type CalendarOptions = {
  schedules?: readonly OfficialSchedule[];
  officeHours?: OfficeHours;
  /** 'HH:MM', default 15:00. */
  cutoff?: string;
  rules?: readonly HolidayRule[];
};

export type Calendar = {
  readonly officeHours: OfficeHours;
  readonly officeMinutes: OfficeMinutes;
  readonly cutoff: string;
  readonly cutoffMinutes: number;
  /** The year's days off and make-up working days, sorted (computed, then overridden by the schedule). */
  holidaysOf(year: number): readonly HolidayEntry[];
  /** The entry for a date, if it departs from the Monday–Friday rhythm. */
  entryOn(date: string): HolidayEntry | undefined;
};

export function createCalendar(options: CalendarOptions = {}): Calendar {
  const officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  const officeMinutes = parseOfficeHours(officeHours);
  const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
  const cutoffMinutes = parseClock(cutoff);
  const rules = options.rules ?? HOLIDAY_RULES;
  const schedules = new Map<number, OfficialSchedule>();
  for (const schedule of options.schedules ?? []) {
    if (schedules.has(schedule.year)) {
      throw CalendarErrors.create('INVALID_SCHEDULE', {
        vi: `Có hai lịch nghỉ cho năm ${schedule.year}.`,
        en: `Two schedules were given for ${schedule.year}.`,
      });
    }
    validateSchedule(schedule); // fail at configuration time, not on the first deadline of that year
    schedules.set(schedule.year, schedule);
  }
  const years = new Map<number, { list: readonly HolidayEntry[]; byDate: Map<string, HolidayEntry> }>();
  const yearOf = (year: number) => {
    let cached = years.get(year);
    if (!cached) {
      const list = Object.freeze(holidaysOf(year, schedules.get(year), rules));
      cached = { list, byDate: new Map(list.map((e) => [e.date, e])) };
      years.set(year, cached);
    }
    return cached;
  };
  return {
    officeHours,
    officeMinutes,
    cutoff,
    cutoffMinutes,
    holidaysOf: (year) => yearOf(year).list,
    entryOn: (date) => yearOf(Number(date.slice(0, 4))).byDate.get(date),
  };
}
