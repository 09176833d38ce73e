/** Vietnamese calendar and deadline arithmetic: lunar dates, public holidays, working days, due dates. */
export { type Calendar, type CalendarOptions, createCalendar } from './calendar.ts';
export { addDays, addMonthsClamped, isIsoDate, isoWeekdayOf, isWeekend } from './dates.ts';
export {
  type DurationUnit,
  dueAt,
  elapsedWorkingTime,
  type LegalDuration,
  type Pause,
  transferDeadline,
} from './due.ts';
export { CalendarErrors } from './errors.ts';
export { HOLIDAY_RULES, type HolidayAnchor, type HolidayName, type HolidayRule } from './holiday-rules.ts';
export { adjacentDayChoice, type HolidayEntry, type HolidaySource, holidaysOf } from './holidays.ts';
export {
  LUNAR_YEAR_RANGE,
  type LunarDate,
  type LunarMonth,
  leapMonthOf,
  lunarMonthsOf,
  lunarToSolar,
  solarToLunar,
  tetDate,
  VIETNAM_TIME_ZONE,
} from './lunar.ts';
export {
  DEFAULT_CUTOFF,
  DEFAULT_OFFICE_HOURS,
  OFFICE_HOURS_0730_1600,
  OFFICE_HOURS_0800_1700,
  type OfficeHours,
} from './office-hours.ts';
export {
  type OfficialSchedule,
  parseScheduleCsv,
  type ScheduleEntry,
  type ScheduleEntryKind,
  validateSchedule,
} from './schedule.ts';
export { MS_PER_HOUR, vietnamDateOf, vietnamInstant } from './vietnam-time.ts';
export {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  officeClosesAt,
  officeOpensAt,
  previousWorkingDay,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './working-days.ts';
