import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { addDays } from './dates.ts';
import { leapMonthOf, lunarMonthsOf, lunarToSolar, solarToLunar, tetDate } from './lunar.ts';

describe('Tết (1/1 lunar) in Vietnam, UTC+7', () => {
  it('differs from China (UTC+8) in 1985 and 2007', () => {
    expect(tetDate(1985)).toBe('1985-01-21');
    expect(tetDate(1985, 8)).toBe('1985-02-20');
    expect(tetDate(2007)).toBe('2007-02-17');
    expect(tetDate(2007, 8)).toBe('2007-02-18');
  });

  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2031, '2031-01-23'],
    [2032, '2032-02-11'],
    [2033, '2033-01-31'],
    [2034, '2034-02-19'],
    [2035, '2035-02-08'],
  ])('Tết %i is %s', (year, date) => {
    expect(tetDate(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('Tết 2030 is 2 Feb in Vietnam: the new moon is at 16:07 UT, 23:07 in Hà Nội but 00:07 on 3 Feb in Beijing', () => {
    // Lists giving 2030-02-03 follow China's calendar, as 1985-02-20 and 2007-02-18 do.
    expect(tetDate(2030)).toBe('2030-02-02');
    expect(tetDate(2030, 8)).toBe('2030-02-03');
  });
});

describe('leap months', () => {
  it.each([
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2033, 11], // the "2033 problem": a leap 11th month, in Vietnam as in China
    [2024, null],
    [2026, null],
  ])('lunar year %i repeats month %s', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
    expect(lunarMonthsOf(year)).toHaveLength(month === null ? 12 : 13);
  });

  it.each([
    ['2020-05-23', { day: 1, month: 4, year: 2020, leap: true }],
    ['2020-04-23', { day: 1, month: 4, year: 2020, leap: false }],
    ['2023-02-20', { day: 1, month: 2, year: 2023, leap: false }],
    ['2023-03-22', { day: 1, month: 2, year: 2023, leap: true }],
    ['2023-04-20', { day: 1, month: 3, year: 2023, leap: false }],
    ['2025-06-25', { day: 1, month: 6, year: 2025, leap: false }],
    ['2025-07-25', { day: 1, month: 6, year: 2025, leap: true }],
    ['2025-08-22', { day: 29, month: 6, year: 2025, leap: true }],
    ['2025-08-23', { day: 1, month: 7, year: 2025, leap: false }],
  ])('%s is %o', (solar, lunar) => {
    expect(solarToLunar(solar)).toEqual(lunar);
    expect(lunarToSolar(lunar)).toBe(solar);
  });
});

describe('conversions', () => {
  it('puts January dates before Tết in the previous lunar year', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('1900-01-01')).toEqual({ day: 1, month: 12, year: 1899, leap: false });
  });

  it('finds Hùng Kings Day (10/3 lunar) 2026 on Sunday 26 April', () => {
    expect(lunarToSolar({ day: 10, month: 3, year: 2026, leap: false })).toBe('2026-04-26');
  });

  it.each([
    [{ day: 1, month: 3, year: 2023, leap: true }, 'the leap month of 2023 is month 2'],
    [{ day: 1, month: 5, year: 2026, leap: true }, '2026 has no leap month'],
    [{ day: 30, month: 12, year: 2025, leap: false }, 'that month has 29 days'],
    [{ day: 0, month: 1, year: 2026, leap: false }, 'that month has 30 days'],
    [{ day: 1, month: 13, year: 2026, leap: false }, 'the month must be 1 to 12'],
  ])('rejects the non-existent lunar date %o', (date, reason) => {
    expect(() => lunarToSolar(date)).toThrow(reason);
    try {
      lunarToSolar(date);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('CALENDAR.INVALID_LUNAR_DATE');
      expect((e as DomainError).detail?.vi).toMatch(/^Ngày âm lịch .* không tồn tại/);
    }
  });

  it('rejects malformed solar dates, years out of range and bad time zones', () => {
    expect(() => solarToLunar('2026-02-30')).toThrow('not a valid date');
    expect(() => solarToLunar('26-02-01')).toThrow('not a valid date');
    expect(() => solarToLunar('1700-01-01')).toThrow('outside');
    expect(() => tetDate(2026, 15)).toThrow('UTC offset');
  });

  it('round-trips every day from 1900 to 2100, with months of 29 or 30 days in order', () => {
    const mismatches: string[] = [];
    let previous = solarToLunar('1899-12-31');
    for (let date = '1900-01-01'; date <= '2100-12-31'; date = addDays(date, 1)) {
      const lunar = solarToLunar(date);
      if (lunarToSolar(lunar) !== date) mismatches.push(`${date} → ${JSON.stringify(lunar)}`);
      const continues = lunar.day === previous.day + 1 && lunar.month === previous.month;
      const newMonth = lunar.day === 1 && (previous.day === 29 || previous.day === 30);
      if (!continues && !newMonth)
        mismatches.push(`${date}: ${JSON.stringify(previous)} → ${JSON.stringify(lunar)}`);
      previous = lunar;
    }
    expect(mismatches).toEqual([]);
  });

  it('gives every lunar year 1900–2100 12 or 13 months covering Tết to the next Tết', () => {
    for (let year = 1900; year <= 2100; year++) {
      const months = lunarMonthsOf(year);
      expect(months[0]!.start).toBe(tetDate(year));
      const last = months.at(-1)!;
      expect(addDays(last.start, last.days)).toBe(tetDate(year + 1));
      expect(months.filter((m) => m.leap).length).toBe(months.length - 12);
    }
  });
});
