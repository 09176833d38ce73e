/**
 * Office hours: a morning and an afternoon session, the same on every working day. Agencies set
 * their own (07:30–11:30 + 13:30–16:00 and 08:00–12:00 + 13:00–17:00 are both common), so they are
 * configuration; times are Vietnamese local clock times.
 */
import { CalendarErrors } from './errors.ts';
import { parseClock } from './vietnam-time.ts';

export type OfficeHours = {
  morning: readonly [start: string, end: string];
  afternoon: readonly [start: string, end: string];
};

export const OFFICE_HOURS_0730_1600: OfficeHours = {
  morning: ['07:30', '11:30'],
  afternoon: ['13:30', '16:00'],
};
export const OFFICE_HOURS_0800_1700: OfficeHours = {
  morning: ['08:00', '12:00'],
  afternoon: ['13:00', '17:00'],
};
export const DEFAULT_OFFICE_HOURS = OFFICE_HOURS_0730_1600;

/** Same-day procedures and counter transfers switch to the next working day after this time. */
export const DEFAULT_CUTOFF = '15:00';

/** Office hours in minutes after local midnight. */
export type OfficeMinutes = { morning: [number, number]; afternoon: [number, number] };

export function parseOfficeHours(hours: OfficeHours): OfficeMinutes {
  const [m0, m1, a0, a1] = [...hours.morning, ...hours.afternoon].map(parseClock) as [
    number,
    number,
    number,
    number,
  ];
  if (!(m0 < m1 && m1 <= a0 && a0 < a1)) {
    const text = `${hours.morning.join('–')}, ${hours.afternoon.join('–')}`;
    throw CalendarErrors.create('INVALID_OFFICE_HOURS', {
      vi: `Giờ làm việc ${text} không hợp lệ: buổi sáng phải kết thúc trước khi buổi chiều bắt đầu.`,
      en: `Office hours ${text} are invalid: each session must start before it ends, morning before afternoon.`,
    });
  }
  return { morning: [m0, m1], afternoon: [a0, a1] };
}
