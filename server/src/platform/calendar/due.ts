/**
 * Due dates of administrative procedures (DOMAIN.md §2 "Counting a period", "Due date") and the
 * transfer deadline of §1 step 2. Inputs and outputs are instants; every rule is applied to the
 * Vietnamese local date and clock time of the instant.
 *
 * Rules, and the choices where the sources are silent:
 * - Working days: the receipt day is not counted; due at closing time of the N-th working day
 *   after it. A receipt on a non-working day (an online submission on Sunday) therefore counts
 *   from the next working day, which is day 1.
 * - `{ value: 0.5, unit: 'working_days' }`: received before the end of the morning session → due at
 *   closing time the same day; later (lunch break, afternoon, evening) → closing time of the next
 *   working day. A non-working-day receipt counts as a morning receipt on the next working day.
 * - `{ value: 0, unit: 'working_days' }` is a same-day procedure: due at closing time the same
 *   working day if received at or before the cut-off (15:00), else the next working day's closing.
 * - Other fractions of a day are rejected: the law uses 0.5 only; express shorter periods in hours.
 * - Working hours: only office-session time counts, from the receipt instant (or the next opening).
 * - Calendar days and months count from the receipt date itself (Civil Code: period starts the next
 *   day); months keep the day of the month, clamped to the month's end; a last day that is not a
 *   working day moves to the next working day; due at its closing time.
 */
import type { Calendar } from './calendar.ts';
import { addDays, addMonthsClamped } from './dates.ts';
import { CalendarErrors } from './errors.ts';
import { assertInstant, MS_PER_HOUR, MS_PER_MINUTE, vietnamDateOf, vietnamMsOfDay } from './vietnam-time.ts';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  officeClosesAt,
  officeOpensAt,
  officeSessionsOn,
  workingDayOnOrAfter,
} from './working-days.ts';

export type DurationUnit = 'working_days' | 'working_hours' | 'months' | 'calendar_days';
export type LegalDuration = { value: number; unit: DurationUnit };

/** A stop of the clock, e.g. waiting for the citizen's supplement; `end: null` = still paused. */
export type Pause = { start: Date; end: Date | null };

/** A loop over days this long without finding office time means the schedule has no working days. */
const MAX_SCAN_DAYS = 3660;

function invalidDuration(duration: LegalDuration, vi: string, en: string): Error {
  return CalendarErrors.create('INVALID_DURATION', {
    vi: `Thời hạn ${duration.value} ${duration.unit} không hợp lệ: ${vi}`,
    en: `Period ${duration.value} ${duration.unit} is invalid: ${en}`,
  });
}

function checkDuration(duration: LegalDuration): void {
  const { value, unit } = duration;
  if (!Number.isFinite(value) || value < 0) {
    throw invalidDuration(duration, 'phải là số không âm.', 'it must be a non-negative number.');
  }
  switch (unit) {
    case 'working_days':
      if (!Number.isInteger(value) && value !== 0.5) {
        throw invalidDuration(
          duration,
          'chỉ nhận số nguyên hoặc 0,5 ngày.',
          'only whole days or 0.5 are allowed.',
        );
      }
      return;
    case 'working_hours':
      if (value === 0)
        throw invalidDuration(duration, 'số giờ phải lớn hơn 0.', 'hours must be more than 0.');
      return;
    case 'months':
    case 'calendar_days':
      if (!Number.isInteger(value) || value < 1) {
        throw invalidDuration(duration, 'phải là số nguyên dương.', 'it must be a positive whole number.');
      }
      return;
    default:
      throw invalidDuration(duration, 'đơn vị không được hỗ trợ.', 'the unit is not supported.');
  }
}

/** The instant `amountMs` of office time after `from` (time outside office sessions does not count). */
function addOfficeTime(from: Date, amountMs: number, calendar: Calendar): Date {
  let remaining = amountMs;
  let date = vietnamDateOf(from);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, date = addDays(date, 1)) {
    for (const session of officeSessionsOn(date, calendar)) {
      const start = Math.max(session.start.getTime(), from.getTime());
      const available = session.end.getTime() - start;
      if (available <= 0) continue;
      // Ending exactly at a session's end returns that end, not the next opening.
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
  }
  throw CalendarErrors.create('INVALID_SCHEDULE', {
    vi: 'Không tìm thấy đủ giờ làm việc; kiểm tra lịch nghỉ.',
    en: 'Not enough office time found; check the holiday schedule.',
  });
}

export function dueAt(receivedAt: Date, duration: LegalDuration, calendar: Calendar): Date {
  assertInstant(receivedAt, 'receivedAt');
  checkDuration(duration);
  const date = vietnamDateOf(receivedAt);
  const clock = vietnamMsOfDay(receivedAt);
  const workingDay = isWorkingDay(date, calendar);
  const { value, unit } = duration;
  switch (unit) {
    case 'working_hours':
      return addOfficeTime(receivedAt, value * MS_PER_HOUR, calendar);
    case 'calendar_days':
      return officeClosesAt(workingDayOnOrAfter(addDays(date, value), calendar), calendar);
    case 'months':
      return officeClosesAt(workingDayOnOrAfter(addMonthsClamped(date, value), calendar), calendar);
    case 'working_days': {
      if (value === 0 || value === 0.5) {
        const threshold = value === 0 ? calendar.cutoffMinutes : calendar.officeMinutes.morning[1];
        // Same day: "after 15:00" means strictly after; half day: the morning ends at its session end.
        const inTime = value === 0 ? clock <= threshold * MS_PER_MINUTE : clock < threshold * MS_PER_MINUTE;
        const dueDate = workingDay && inTime ? date : nextWorkingDay(date, calendar);
        return officeClosesAt(dueDate, calendar);
      }
      return officeClosesAt(addWorkingDays(date, value, calendar), calendar);
    }
  }
}

/**
 * When a counter (or postal) dossier must reach the competent unit (DOMAIN.md §1 step 2): by closing
 * time the same working day, or by the next working day's opening if received after the cut-off
 * (15:00) or on a non-working day. (Online dossiers go at once; no deadline arithmetic needed.)
 */
export function transferDeadline(receivedAt: Date, calendar: Calendar): Date {
  assertInstant(receivedAt, 'receivedAt');
  const date = vietnamDateOf(receivedAt);
  const beforeCutoff = vietnamMsOfDay(receivedAt) <= calendar.cutoffMinutes * MS_PER_MINUTE;
  if (isWorkingDay(date, calendar) && beforeCutoff) return officeClosesAt(date, calendar);
  return officeOpensAt(nextWorkingDay(date, calendar), calendar);
}

/** Clock-stopped intervals within [start, end], merged so overlapping pauses are not removed twice. */
function mergedPauses(start: number, end: number, pauses: readonly Pause[]): [number, number][] {
  const clipped = pauses
    .map((p, i): [number, number] => {
      assertInstant(p.start, `pauses[${i}].start`);
      if (p.end !== null) assertInstant(p.end, `pauses[${i}].end`);
      const pauseEnd = p.end?.getTime() ?? end;
      if (pauseEnd < p.start.getTime()) {
        throw CalendarErrors.create('INVALID_INSTANT', {
          vi: `Khoảng tạm dừng thứ ${i + 1} kết thúc trước khi bắt đầu.`,
          en: `Pause ${i + 1} ends before it starts.`,
        });
      }
      return [Math.max(p.start.getTime(), start), Math.min(pauseEnd, end)];
    })
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of clipped) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/**
 * Office time (milliseconds) between `start` and `end` minus the pauses: the processing time that
 * counts against the deadline. Time waiting for the citizen's supplement is a pause; an open pause
 * (end null) runs until `end`.
 */
export function elapsedWorkingTime(
  start: Date,
  end: Date,
  pauses: readonly Pause[],
  calendar: Calendar,
): number {
  assertInstant(start, 'start');
  assertInstant(end, 'end');
  const from = start.getTime();
  const to = end.getTime();
  if (to < from) {
    throw CalendarErrors.create('INVALID_INSTANT', {
      vi: 'Thời điểm kết thúc đứng trước thời điểm bắt đầu.',
      en: 'The end is before the start.',
    });
  }
  // The running intervals: [start, end] with the pauses cut out.
  const running: [number, number][] = [];
  let cursor = from;
  for (const [a, b] of mergedPauses(from, to, pauses)) {
    if (a > cursor) running.push([cursor, a]);
    cursor = Math.max(cursor, b);
  }
  if (cursor < to) running.push([cursor, to]);

  let total = 0;
  for (const [a, b] of running) {
    const last = vietnamDateOf(new Date(b));
    for (let date = vietnamDateOf(new Date(a)); date <= last; date = addDays(date, 1)) {
      for (const session of officeSessionsOn(date, calendar)) {
        total += Math.max(0, Math.min(b, session.end.getTime()) - Math.max(a, session.start.getTime()));
      }
    }
  }
  return total;
}
