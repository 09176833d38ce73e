/**
 * The deadline suite. Default office hours 07:30–11:30, 13:30–16:00 (UTC+7): closing time 16:00 is
 * 09:00Z, opening 07:30 is 00:30Z.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import { addDays } from './dates.ts';
import { dueAt, elapsedWorkingTime, type LegalDuration, transferDeadline } from './due.ts';
import { tetDate } from './lunar.ts';
import { OFFICE_HOURS_0800_1700 } from './office-hours.ts';
import type { OfficialSchedule } from './schedule.ts';
import { MS_PER_HOUR } from './vietnam-time.ts';
import { isWorkingDay } from './working-days.ts';

/** An instant given as Vietnamese local time 'YYYY-MM-DDTHH:MM'. */
const vn = (local: string) => new Date(`${local}:00+07:00`);
const days = (value: number): LegalDuration => ({ value, unit: 'working_days' });
const hours = (value: number): LegalDuration => ({ value, unit: 'working_hours' });

const TET_2026: OfficialSchedule = {
  year: 2026,
  entries: ['16', '17', '18', '19', '20'].map((d) => ({
    date: `2026-02-${d}`,
    kind: 'day_off' as const,
    name: { vi: 'Nghỉ Tết Nguyên đán' },
  })),
};
const calendar = createCalendar({ schedules: [TET_2026] });
const due = (receivedAt: string, duration: LegalDuration, cal = calendar) =>
  dueAt(vn(receivedAt), duration, cal).toISOString();

describe('Tết 2020–2035', () => {
  it.each(Array.from({ length: 16 }, (_, i) => 2020 + i))(
    'Tết %i: the last day of the year and mùng 1–4 are off',
    (year) => {
      const tet = tetDate(year);
      for (let offset = -1; offset <= 3; offset++)
        expect(isWorkingDay(addDays(tet, offset), calendar)).toBe(false);
      // A dossier received the day before the break with 1 working day is due after the whole break.
      const dueDate = due(`${addDays(tet, -2)}T09:00`, days(1)).slice(0, 10);
      expect(dueDate > addDays(tet, 3)).toBe(true);
    },
  );
});

describe('working days', () => {
  it('Monday + 1 working day → Tuesday closing time (DOMAIN.md)', () => {
    expect(due('2026-10-05T09:00', days(1))).toBe('2026-10-06T09:00:00.000Z');
  });

  it('Friday before a Monday holiday + 1 → Tuesday (Fri 24 Apr 2026; Mon 27 Apr in lieu of Hùng Kings)', () => {
    expect(due('2026-04-24T10:00', days(1))).toBe('2026-04-28T09:00:00.000Z');
  });

  it('spans Tết 2026 with the official 16–20 Feb schedule (weekends 14–15 and 21–22 too)', () => {
    // Thu 12 Feb: Fri 13 = 1, Mon 23 = 2, Tue 24 = 3, Wed 25 = 4, Thu 26 = 5.
    expect(due('2026-02-12T09:00', days(3))).toBe('2026-02-24T09:00:00.000Z');
    expect(due('2026-02-12T09:00', days(5))).toBe('2026-02-26T09:00:00.000Z');
    expect(due('2026-02-12T09:00', days(5), createCalendar())).toBe('2026-02-26T09:00:00.000Z');
  });

  it('spans 2 Sep 2026: the computed adjacent day is Tue 1 Sep; a schedule may move it to Thu 3 Sep', () => {
    // Fri 28 Aug: Mon 31 = 1, (1–2 Sep off), Thu 3 = 2, Fri 4 = 3.
    expect(due('2026-08-28T10:00', days(2))).toBe('2026-09-03T09:00:00.000Z');
    expect(due('2026-08-28T10:00', days(3))).toBe('2026-09-04T09:00:00.000Z');
    const moved = createCalendar({
      schedules: [
        {
          year: 2026,
          entries: [
            { date: '2026-09-01', kind: 'working_day', name: { vi: 'Đi làm' } },
            { date: '2026-09-03', kind: 'day_off', name: { vi: 'Nghỉ Quốc khánh' } },
          ],
        },
      ],
    });
    expect(due('2026-08-28T10:00', days(2), moved)).toBe('2026-09-01T09:00:00.000Z');
  });

  it('counts from the next working day when received on a Sunday (online submission)', () => {
    expect(due('2026-10-04T10:00', days(1))).toBe('2026-10-05T09:00:00.000Z');
    expect(due('2026-10-04T10:00', days(2))).toBe('2026-10-06T09:00:00.000Z');
  });

  it('counts a make-up Saturday as a working day', () => {
    const makeUp = createCalendar({
      schedules: [
        { year: 2026, entries: [{ date: '2026-10-10', kind: 'working_day', name: { vi: 'Làm bù' } }] },
      ],
    });
    expect(due('2026-10-09T09:00', days(1), makeUp)).toBe('2026-10-10T09:00:00.000Z');
    expect(due('2026-10-09T09:00', days(1))).toBe('2026-10-12T09:00:00.000Z');
  });

  it('uses the Vietnamese date, not the UTC one (06:00 Tuesday local is still Monday in UTC)', () => {
    expect(dueAt(new Date('2026-10-05T23:00:00Z'), days(1), calendar).toISOString()).toBe(
      '2026-10-07T09:00:00.000Z',
    );
  });

  it('ends at the configured closing time', () => {
    const other = createCalendar({ officeHours: OFFICE_HOURS_0800_1700 });
    expect(due('2026-10-05T09:00', days(1), other)).toBe('2026-10-06T10:00:00.000Z');
  });
});

describe('half a day and same day', () => {
  it.each([
    ['2026-10-05T09:00', '2026-10-05T09:00:00.000Z'], // morning → same day
    ['2026-10-05T07:00', '2026-10-05T09:00:00.000Z'], // before opening counts as morning
    ['2026-10-05T11:30', '2026-10-06T09:00:00.000Z'], // the morning session has ended
    ['2026-10-05T14:00', '2026-10-06T09:00:00.000Z'], // afternoon → next working day
    ['2026-10-09T14:00', '2026-10-12T09:00:00.000Z'], // Friday afternoon → Monday
    ['2026-10-04T10:00', '2026-10-05T09:00:00.000Z'], // Sunday → as Monday morning
  ])('0.5 day received %s → %s', (received, expected) => {
    expect(due(received, days(0.5))).toBe(expected);
  });

  it.each([
    ['2026-10-05T14:59', '2026-10-05T09:00:00.000Z'],
    ['2026-10-05T15:00', '2026-10-05T09:00:00.000Z'], // at 15:00 is not after 15:00
    ['2026-10-05T15:01', '2026-10-06T09:00:00.000Z'],
    ['2026-10-10T09:00', '2026-10-12T09:00:00.000Z'], // Saturday → Monday
  ])('same day (value 0) received %s → %s', (received, expected) => {
    expect(due(received, days(0))).toBe(expected);
  });
});

describe('months and calendar days', () => {
  it.each([
    ['2026-01-31T09:00', 1, '2026-03-02T09:00:00.000Z'], // 28 Feb is a Saturday → Monday 2 Mar
    ['2026-03-31T09:00', 1, '2026-05-04T09:00:00.000Z'], // 30 Apr, 1 May holidays, weekend → 4 May
    ['2028-01-31T09:00', 1, '2028-02-29T09:00:00.000Z'], // leap year clamp
    ['2026-08-31T09:00', 6, '2027-03-01T09:00:00.000Z'], // clamped to Sunday 28 Feb 2027 → Monday 1 Mar
  ])('received %s + %i month(s) → %s', (received, months, expected) => {
    expect(due(received, { value: months, unit: 'months' })).toBe(expected);
  });

  it('rolls a calendar-day period ending on a day off to the next working day', () => {
    expect(due('2026-04-24T10:00', { value: 3, unit: 'calendar_days' })).toBe('2026-04-28T09:00:00.000Z');
    expect(due('2026-10-05T10:00', { value: 3, unit: 'calendar_days' })).toBe('2026-10-08T09:00:00.000Z');
  });
});

describe('working hours', () => {
  it.each([
    ['2026-10-05T11:00', 1, '2026-10-05T07:00:00.000Z'], // across lunch: 11:00–11:30 + 13:30–14:00
    ['2026-10-05T13:30', 2.5, '2026-10-05T09:00:00.000Z'], // exactly to closing, not the next opening
    ['2026-10-05T10:30', 4, '2026-10-06T01:00:00.000Z'], // overnight: 3.5 h Monday + 0.5 h → Tue 08:00
    ['2026-10-05T20:00', 1, '2026-10-06T01:30:00.000Z'], // evening receipt starts at the next opening
    ['2026-10-09T15:00', 2, '2026-10-12T01:30:00.000Z'], // Friday 15:00 + 2 h → Monday 08:30
    ['2026-02-13T15:30', 1, '2026-02-23T01:00:00.000Z'], // across Tết 2026 → Monday 23 Feb 08:00
  ])('received %s + %s h → %s', (received, value, expected) => {
    expect(due(received, hours(value))).toBe(expected);
  });
});

describe('invalid periods', () => {
  it.each([
    [{ value: 1.5, unit: 'working_days' }, 'only whole days or 0.5'],
    [{ value: -1, unit: 'working_days' }, 'non-negative'],
    [{ value: 0, unit: 'months' }, 'positive whole number'],
    [{ value: 0, unit: 'working_hours' }, 'more than 0'],
    [{ value: 1, unit: 'weeks' }, 'not supported'],
  ])('rejects %o', (duration, message) => {
    expect(() => dueAt(vn('2026-10-05T09:00'), duration as LegalDuration, calendar)).toThrow(message);
  });

  it('rejects an invalid receipt instant', () => {
    expect(() => dueAt(new Date('nope'), days(1), calendar)).toThrow('not a valid point in time');
  });
});

describe('transfer to the competent unit (counter dossiers)', () => {
  it.each([
    ['2026-10-05T14:00', '2026-10-05T09:00:00.000Z'], // same working day, by closing
    ['2026-10-05T15:00', '2026-10-05T09:00:00.000Z'],
    ['2026-10-05T15:30', '2026-10-06T00:30:00.000Z'], // after 15:00 → next working day's opening
    ['2026-04-24T15:30', '2026-04-28T00:30:00.000Z'], // Friday after 15:00 before a Monday off → Tuesday
    ['2026-10-10T09:00', '2026-10-12T00:30:00.000Z'], // Saturday → Monday opening
  ])('received %s → %s', (received, expected) => {
    expect(transferDeadline(vn(received), calendar).toISOString()).toBe(expected);
  });
});

describe('elapsed working time', () => {
  const elapsedHours = (start: string, end: string, pauses: { start: string; end: string | null }[] = []) =>
    elapsedWorkingTime(
      vn(start),
      vn(end),
      pauses.map((p) => ({ start: vn(p.start), end: p.end === null ? null : vn(p.end) })),
      calendar,
    ) / MS_PER_HOUR;

  it('counts office hours only: lunch, nights, weekends and Tết do not count', () => {
    expect(elapsedHours('2026-10-05T09:00', '2026-10-06T09:00')).toBe(6.5); // 2.5 + 2.5 + 1.5
    expect(elapsedHours('2026-10-05T11:00', '2026-10-05T14:00')).toBe(1);
    expect(elapsedHours('2026-10-09T15:00', '2026-10-12T08:30')).toBe(2);
    expect(elapsedHours('2026-02-13T15:00', '2026-02-23T08:30')).toBe(2);
    expect(elapsedHours('2026-10-05T09:00', '2026-10-05T09:00')).toBe(0);
  });

  it('excludes pauses (waiting for the supplement), open pauses and overlaps counted once', () => {
    const supplement = { start: '2026-10-05T14:00', end: '2026-10-06T08:00' }; // 2 h + 0.5 h of office time
    expect(elapsedHours('2026-10-05T09:00', '2026-10-06T09:00', [supplement])).toBe(4);
    expect(
      elapsedHours('2026-10-05T09:00', '2026-10-06T09:00', [
        supplement,
        { start: '2026-10-06T08:30', end: null },
      ]),
    ).toBe(3.5);
    const overlapping = { start: '2026-10-05T15:00', end: '2026-10-06T07:45' };
    expect(elapsedHours('2026-10-05T09:00', '2026-10-06T09:00', [supplement, overlapping])).toBe(4);
    // Pauses outside [start, end] change nothing.
    expect(
      elapsedHours('2026-10-05T09:00', '2026-10-06T09:00', [
        { start: '2026-10-01T09:00', end: '2026-10-02T09:00' },
      ]),
    ).toBe(6.5);
  });

  it('rejects an end before the start and a pause that ends before it starts', () => {
    expect(() => elapsedHours('2026-10-06T09:00', '2026-10-05T09:00')).toThrow('before the start');
    expect(() =>
      elapsedHours('2026-10-05T09:00', '2026-10-06T09:00', [
        { start: '2026-10-05T12:00', end: '2026-10-05T10:00' },
      ]),
    ).toThrow('Pause 1 ends before it starts');
  });
});
