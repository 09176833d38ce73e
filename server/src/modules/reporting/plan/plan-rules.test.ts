import { describe, expect, it } from 'vitest';
import { parseDate, parseDeadline, parseTargets, toDraft } from './import-format.ts';
import { targetFor } from './kpis.ts';
import { currentPeriod, parsePeriod } from './periods.ts';
import { reminderKind } from './reminders.ts';

describe('plan import: cells', () => {
  it('reads dates as Vietnamese offices write them, and refuses impossible ones', () => {
    expect(parseDate('12/04/2022')).toBe('2022-04-12');
    expect(parseDate('1/4/2022')).toBe('2022-04-01');
    expect(parseDate('2022-04-12')).toBe('2022-04-12');
    expect(parseDate('31/02/2025')).toBeNull();
    expect(parseDate('Hằng năm')).toBeNull();
  });

  it('reads a deadline as a date, a year, a span of years, or keeps the text', () => {
    expect(parseDeadline('30/06/2023')).toEqual({ deadline: '2023-06-30', deadlineText: null });
    expect(parseDeadline('2025')).toEqual({ deadline: '2025-12-31', deadlineText: '2025' });
    expect(parseDeadline('2022–2025')).toEqual({ deadline: '2025-12-31', deadlineText: '2022–2025' });
    expect(parseDeadline('Hằng năm')).toEqual({ deadline: null, deadlineText: 'Hằng năm' });
    expect(parseDeadline('')).toEqual({ deadline: null, deadlineText: null });
  });

  it('reads targets per year, in words or JSON', () => {
    expect(parseTargets('2025: 80; 2030: 100')).toEqual({ '2025': 80, '2030': 100 });
    expect(parseTargets('2025=47,5%')).toEqual({ '2025': 47.5 });
    expect(parseTargets('{"2025": 80}')).toEqual({ '2025': 80 });
    expect(parseTargets('tám mươi')).toBeNull();
    expect(parseTargets('{"năm": 80}')).toBeNull();
  });

  it('collects every bad row with its number, in both languages', () => {
    const rows = [
      { row: 1, cells: ['kind', 'code', 'title', 'group'] },
      { row: 2, cells: ['plan', '1/KH', 'Kế hoạch', ''] },
      { row: 3, cells: ['bảng', 'X', 'Y', ''] },
    ];
    try {
      toDraft(rows, []);
      expect.unreachable();
    } catch (e) {
      const errors = (e as { fieldErrors: { vi: string; en: string }[] }).fieldErrors;
      expect(errors.map((x) => x.vi)).toEqual([
        'Dòng 2: thiếu hoặc sai ngày ban hành (dd/mm/yyyy)',
        'Dòng 2: thiếu cơ quan ban hành',
        'Dòng 2: giai đoạn phải có dạng 2022-2030',
        'Dòng 2: kế hoạch chưa có nhiệm vụ nào',
        'Dòng 3: loại bản ghi “bảng” không hợp lệ (ke_hoach, nhom, nhiem_vu, chi_tieu)',
      ]);
      expect(errors[0]!.en).toBe('Row 2: the issue date is missing or wrong (dd/mm/yyyy)');
    }
  });
});

describe('plan periods, targets and reminders', () => {
  it('names periods and their due dates (15 Jun, 15 Dec)', () => {
    expect(parsePeriod('2026-H1')).toMatchObject({ from: '2026-01-01', to: '2026-06-30', due: '2026-06-15' });
    expect(parsePeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31', due: '2026-12-15' });
    expect(() => parsePeriod('2026-Q1')).toThrow();
    expect(currentPeriod({ fromYear: 2022, toYear: 2030 }, '2026-11-24').key).toBe('2026');
    expect(currentPeriod({ fromYear: 2022, toYear: 2030 }, '2026-12-16').key).toBe('2027-H1');
  });

  it("takes the target of the year, else the nearest later one's", () => {
    const targets = { '2025': 80, '2030': 100 };
    expect(targetFor(targets, 2025)).toEqual({ year: 2025, value: 80 });
    expect(targetFor(targets, 2023)).toEqual({ year: 2025, value: 80 });
    expect(targetFor(targets, 2026)).toEqual({ year: 2030, value: 100 });
    expect(targetFor(targets, 2031)).toBeNull();
  });

  it('reminds 7 days before a deadline and for 30 days after it', () => {
    const h1 = parsePeriod('2027-H1');
    expect(reminderKind(h1, '2027-06-07')).toBeNull();
    expect(reminderKind(h1, '2027-06-08')).toBe('due_soon');
    expect(reminderKind(h1, '2027-06-14')).toBe('due_soon');
    expect(reminderKind(h1, '2027-06-15')).toBeNull(); // the day itself: still on time
    expect(reminderKind(h1, '2027-06-16')).toBe('overdue');
    expect(reminderKind(h1, '2027-07-15')).toBe('overdue');
    expect(reminderKind(h1, '2027-07-16')).toBeNull();
  });
});
