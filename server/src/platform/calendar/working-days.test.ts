import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import { addDays } from './dates.ts';
import { OFFICE_HOURS_0800_1700 } from './office-hours.ts';
import type { OfficialSchedule } from './schedule.ts';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  officeClosesAt,
  officeOpensAt,
  previousWorkingDay,
  workingDaysBetween,
} from './working-days.ts';

const MAKE_UP_SATURDAY: OfficialSchedule = {
  year: 2026,
  entries: [{ date: '2026-10-10', kind: 'working_day', name: { vi: 'Làm bù', en: 'Make-up Saturday' } }],
};
const calendar = createCalendar({ schedules: [MAKE_UP_SATURDAY] });

describe('working days', () => {
  it.each([
    ['2026-10-05', true], // Monday
    ['2026-10-09', true], // Friday
    ['2026-10-10', true], // make-up Saturday
    ['2026-10-11', false], // Sunday
    ['2026-10-17', false], // ordinary Saturday
    ['2026-02-17', false], // Tết
    ['2026-04-27', false], // Monday in lieu of Hùng Kings Day (Sunday)
  ])('%s working: %s', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it('steps over Tết 2026 and weekends', () => {
    expect(nextWorkingDay('2026-02-13', calendar)).toBe('2026-02-23');
    expect(previousWorkingDay('2026-02-23', calendar)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-12', 3, calendar)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-24', -3, calendar)).toBe('2026-02-12');
    expect(addWorkingDays('2026-02-14', 0, calendar)).toBe('2026-02-14');
    expect(() => addWorkingDays('2026-02-14', 1.5, calendar)).toThrow('whole number');
  });

  it('counts working days in (from, to], the inverse of addWorkingDays', () => {
    expect(workingDaysBetween('2026-02-12', '2026-02-24', calendar)).toBe(3);
    expect(workingDaysBetween('2026-02-24', '2026-02-12', calendar)).toBe(-3);
    expect(workingDaysBetween('2026-10-09', '2026-10-12', calendar)).toBe(2); // Sat 10 and Mon 12
    for (let date = '2026-01-01'; date <= '2026-12-31'; date = addDays(date, 7)) {
      for (const n of [1, 5, 15, 30]) {
        expect(workingDaysBetween(date, addWorkingDays(date, n, calendar), calendar)).toBe(n);
      }
    }
  });

  it('has 07:30–16:00 office hours by default and takes others, in Vietnamese time', () => {
    expect(officeOpensAt('2026-10-05', calendar).toISOString()).toBe('2026-10-05T00:30:00.000Z');
    expect(officeClosesAt('2026-10-05', calendar).toISOString()).toBe('2026-10-05T09:00:00.000Z');
    const other = createCalendar({ officeHours: OFFICE_HOURS_0800_1700 });
    expect(officeClosesAt('2026-10-05', other).toISOString()).toBe('2026-10-05T10:00:00.000Z');
  });
});

describe('createCalendar', () => {
  it('computes a year once and caches it', () => {
    const c = createCalendar();
    expect(c.holidaysOf(2026)).toBe(c.holidaysOf(2026));
    expect(c.entryOn('2026-09-02')?.name.en).toBe('National Day');
  });

  it('rejects bad configuration at once', () => {
    expect(() => createCalendar({ schedules: [MAKE_UP_SATURDAY, MAKE_UP_SATURDAY] })).toThrow(
      'Two schedules',
    );
    expect(() =>
      createCalendar({ officeHours: { morning: ['08:00', '12:00'], afternoon: ['11:00', '17:00'] } }),
    ).toThrow('Office hours');
    expect(() => createCalendar({ cutoff: '3pm' })).toThrow('HH:MM');
    expect(() =>
      createCalendar({
        schedules: [{ year: 2026, entries: [{ date: '2026-13-01', kind: 'day_off', name: { vi: 'x' } }] }],
      }),
    ).toThrow('invalid');
  });
});
