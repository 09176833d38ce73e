/**
 * Instants (Date, always UTC inside) versus Vietnamese business dates and clock times. Vietnam
 * (Asia/Ho_Chi_Minh) has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact
 * and independent of the server's own time zone and tz database.
 */
import { dateOfEpochDay, epochDayOf } from './dates.ts';
import { CalendarErrors } from './errors.ts';

export const VIETNAM_UTC_OFFSET_HOURS = 7;
const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3_600_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function assertInstant(instant: Date, what = 'instant'): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw CalendarErrors.create('INVALID_INSTANT', {
      vi: `Thời điểm "${what}" không hợp lệ.`,
      en: `The ${what} is not a valid point in time.`,
    });
  }
}

/** Minutes after midnight of a 'HH:MM' clock time (24-hour). */
export function parseClock(text: string): number {
  const m = CLOCK.exec(text);
  if (!m) {
    throw CalendarErrors.create('INVALID_OFFICE_HOURS', {
      vi: `Giờ "${text}" không hợp lệ; cần dạng HH:MM (00:00–23:59).`,
      en: `"${text}" is not a valid time; expected HH:MM (00:00–23:59).`,
    });
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The Vietnamese calendar date on which an instant falls. */
export function vietnamDateOf(instant: Date): string {
  assertInstant(instant);
  return dateOfEpochDay(Math.floor((instant.getTime() + OFFSET_MS) / MS_PER_DAY));
}

/** Milliseconds since local midnight in Vietnam. */
export function vietnamMsOfDay(instant: Date): number {
  assertInstant(instant);
  const local = instant.getTime() + OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** The instant of a Vietnamese local date and minutes after midnight. */
export function vietnamInstant(date: string, minutesOfDay: number): Date {
  return new Date(epochDayOf(date) * MS_PER_DAY + minutesOfDay * MS_PER_MINUTE - OFFSET_MS);
}
