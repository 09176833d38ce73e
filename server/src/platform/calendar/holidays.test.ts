import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { HOLIDAY_RULES, type HolidayRule } from './holiday-rules.ts';
import { adjacentDayChoice, holidaysOf } from './holidays.ts';
import { type OfficialSchedule, parseScheduleCsv } from './schedule.ts';

const daysOff = (year: number, schedule?: OfficialSchedule) =>
  holidaysOf(year, schedule)
    .filter((h) => h.kind === 'day_off')
    .map((h) => h.date);

/** Civil servants' Tết 2026 as announced: Monday 16 to Friday 20 February (DOMAIN.md §2). */
const TET_2026: OfficialSchedule = {
  year: 2026,
  entries: [16, 17, 18, 19, 20].map((d) => ({
    date: `2026-02-${d}`,
    kind: 'day_off' as const,
    name: { vi: 'Nghỉ Tết Nguyên đán Bính Ngọ', en: 'Lunar New Year holiday' },
  })),
};

describe('computed public holidays', () => {
  it('gives 2026: Tết on 29 Chạp–mùng 4, Hùng Kings moved from Sunday to Monday, 1 Sep, Culture Day', () => {
    expect(daysOff(2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
      '2026-11-24',
    ]);
    const all = holidaysOf(2026);
    expect(all.every((h) => h.source === 'computed' && h.name.vi && h.name.en)).toBe(true);
    expect(all.find((h) => h.date === '2026-04-27')?.name).toEqual({
      vi: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      en: 'Day off in lieu of Hùng Kings Commemoration Day',
    });
    expect(all.find((h) => h.date === '2026-02-16')?.name.vi).toBe('Tết Nguyên đán (29/12 âm lịch)');
  });

  it('gives consecutive days in lieu when several holidays fall on a weekend (2023: 29 Apr–3 May)', () => {
    expect(daysOff(2023).filter((d) => d >= '2023-04-01' && d <= '2023-05-31')).toEqual([
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
    // Tết 2027 starts on a Saturday: mùng 1 and 2 are made up on Wednesday and Thursday.
    expect(daysOff(2027).filter((d) => d < '2027-03-01')).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
  });

  it.each([
    [2021, '2021-09-03'], // Thursday 2 Sep: Thu–Sun
    [2022, '2022-09-01'], // Friday: Thu–Sun
    [2023, '2023-09-01'], // Saturday: Fri–Mon with the day in lieu
    [2024, '2024-09-03'], // Monday: Sat–Tue
    [2025, '2025-09-01'], // Tuesday: Sat–Tue
    [2026, '2026-09-01'], // Wednesday: no longer break either way; the day before
  ])('picks the day next to 2 Sep %i as the Prime Minister did: %s', (year, date) => {
    expect(adjacentDayChoice(`${year}-09-02`)).toBe(date);
    expect(daysOff(year)).toContain(date);
  });

  it('applies rules only within their effective dates', () => {
    expect(daysOff(2020)).not.toContain('2020-09-01');
    expect(daysOff(2020)).not.toContain('2020-09-03'); // the adjacent day starts with the 2019 Labor Code
    expect(daysOff(2025)).not.toContain('2025-11-24'); // Culture Day from 1 Jul 2026
    const repealed: HolidayRule[] = HOLIDAY_RULES.map((r) =>
      r.id === 'culture_day' ? { ...r, validTo: '2027-12-31' } : r,
    );
    expect(holidaysOf(2027, undefined, repealed).map((h) => h.date)).toContain('2027-11-24');
    expect(holidaysOf(2028, undefined, repealed).map((h) => h.date)).not.toContain('2028-11-24');
  });
});

describe('official schedule', () => {
  it("gives exactly civil servants' Tết 2026 (16–20 Feb), which the computed default also gives", () => {
    const official = holidaysOf(2026, TET_2026).filter((h) => h.date.startsWith('2026-02'));
    expect(official.map((h) => [h.date, h.source])).toEqual([
      ['2026-02-16', 'official'],
      ['2026-02-17', 'official'],
      ['2026-02-18', 'official'],
      ['2026-02-19', 'official'],
      ['2026-02-20', 'official'],
    ]);
    const computed = holidaysOf(2026).filter((h) => h.date.startsWith('2026-02'));
    expect(computed.map((h) => [h.date, h.source])).toEqual([
      ['2026-02-16', 'computed'], // 29 Chạp, the last day of the year Ất Tỵ
      ['2026-02-17', 'computed'], // mùng 1 Tết Bính Ngọ
      ['2026-02-18', 'computed'],
      ['2026-02-19', 'computed'],
      ['2026-02-20', 'computed'],
    ]);
  });

  it('moves days: adds a day off, cancels a computed one, adds a make-up Saturday', () => {
    // Shaped like a year where the Prime Minister shifts Tết a day earlier and swaps a day.
    const schedule: OfficialSchedule = {
      year: 2025,
      entries: [
        { date: '2025-01-27', kind: 'day_off', name: { vi: 'Nghỉ Tết (28 tháng Chạp)' } },
        { date: '2025-02-03', kind: 'working_day', name: { vi: 'Đi làm (không nghỉ bù)' } },
        { date: '2025-02-08', kind: 'working_day', name: { vi: 'Làm bù', en: 'Make-up Saturday' } },
      ],
    };
    expect(daysOff(2025)).toContain('2025-02-03'); // computed: in lieu of Saturday 1 Feb
    const entries = holidaysOf(2025, schedule).filter((h) => h.date < '2025-03-01');
    expect(entries.map((h) => [h.date, h.kind, h.source])).toEqual([
      ['2025-01-01', 'day_off', 'computed'],
      ['2025-01-27', 'day_off', 'official'],
      ['2025-01-28', 'day_off', 'computed'],
      ['2025-01-29', 'day_off', 'computed'],
      ['2025-01-30', 'day_off', 'computed'],
      ['2025-01-31', 'day_off', 'computed'],
      ['2025-02-01', 'day_off', 'computed'],
      ['2025-02-03', 'working_day', 'official'],
      ['2025-02-08', 'working_day', 'official'],
    ]);
    expect(entries.find((h) => h.date === '2025-01-27')?.name).toEqual({
      vi: 'Nghỉ Tết (28 tháng Chạp)',
      en: 'Day off (official schedule)',
    });
  });

  it('rejects a schedule for another year or with dates outside its year', () => {
    expect(() => holidaysOf(2025, TET_2026)).toThrow('The 2026 schedule was given for 2025');
    const stray: OfficialSchedule = {
      year: 2026,
      entries: [{ date: '2027-01-01', kind: 'day_off', name: { vi: 'x' } }],
    };
    expect(() => holidaysOf(2026, stray)).toThrow('2027-01-01 is not in 2026');
  });
});

describe('parseScheduleCsv', () => {
  it('reads the header, quoted names with commas and quotes, CRLF, a BOM and an empty English name', () => {
    const csv =
      '\uFEFFdate,kind,name_vi,name_en\r\n' +
      '2026-02-16,day_off,"Nghỉ Tết, 29 tháng Chạp","Tết, last day of the year"\r\n' +
      '2026-02-28,working_day,"Làm bù ""thứ Bảy""",\r\n' +
      '\r\n';
    expect(parseScheduleCsv(csv)).toEqual([
      {
        date: '2026-02-16',
        kind: 'day_off',
        name: { vi: 'Nghỉ Tết, 29 tháng Chạp', en: 'Tết, last day of the year' },
      },
      { date: '2026-02-28', kind: 'working_day', name: { vi: 'Làm bù "thứ Bảy"' } },
    ]);
  });

  const parseError = (csv: string): DomainError => {
    try {
      parseScheduleCsv(csv);
    } catch (e) {
      if (e instanceof DomainError) return e;
      throw e;
    }
    throw new Error('expected an error');
  };

  it.each([
    [
      '2026-02-30,day_off,Tết,',
      'Dòng 2: ngày "2026-02-30" không hợp lệ',
      'Line 2: date "2026-02-30" is invalid',
    ],
    ['2026-02-16,holiday,Tết,', 'Dòng 2: loại "holiday" không hợp lệ', 'Line 2: unknown kind "holiday"'],
    ['2026-02-16,day_off,,Tet', 'Dòng 2: thiếu tên tiếng Việt', 'Line 2: the Vietnamese name'],
    ['2026-02-16,day_off,Tết', 'Dòng 2: cần 4 cột, có 3', 'Line 2: expected 4 columns, found 3'],
  ])('names the line and the problem in both languages: %s', (row, vi, en) => {
    const error = parseError(`date,kind,name_vi,name_en\n${row}\n`);
    expect(error.code).toBe('CALENDAR.INVALID_SCHEDULE_CSV');
    expect(error.detail?.vi).toContain(vi);
    expect(error.detail?.en).toContain(en);
  });

  it('reports duplicates with both lines, and every bad line as a field error', () => {
    const error = parseError(
      'date,kind,name_vi,name_en\n2026-02-16,day_off,Tết,\n2026-02-17,day_off,Tết,\n2026-02-16,day_off,Tết,\nx,y,z,\n',
    );
    expect(error.detail?.en).toBe('Line 4: date 2026-02-16 duplicates line 2. (and 2 more)');
    expect(error.detail?.vi).toBe('Dòng 4: ngày 2026-02-16 bị trùng với dòng 2. (và 2 lỗi khác)');
    expect(error.fieldErrors.map((f) => f.field)).toEqual(['line 4', 'line 5', 'line 5']);
  });

  it('requires the header', () => {
    expect(parseError('2026-02-16,day_off,Tết,\n').detail?.en).toBe(
      'Line 1: the header must be "date,kind,name_vi,name_en".',
    );
    expect(parseError('').detail?.en).toContain('Line 1: the header');
  });

  it('feeds holidaysOf', () => {
    const entries = parseScheduleCsv(
      `date,kind,name_vi,name_en\n${TET_2026.entries.map((e) => `${e.date},day_off,${e.name.vi},${e.name.en}`).join('\n')}`,
    );
    expect(holidaysOf(2026, { year: 2026, entries })).toEqual(holidaysOf(2026, TET_2026));
  });
});
