/**
 * Public holidays as data with effective dates. The law changed in 2013 (Labor Code 2012), 2021
 * (Labor Code 2019 adds the day next to National Day) and 2026 (Vietnamese Culture Day), and will
 * change again: a new law is a new row with `validFrom`, the old row gets `validTo`, and the code
 * that applies them stays as it is. A rule yields a day only when that day lies in [validFrom, validTo].
 */

export type HolidayName = { vi: string; en: string };

/** Where a rule's days fall. */
export type HolidayAnchor =
  /** A fixed Gregorian day. */
  | { type: 'solar'; month: number; day: number }
  /** A fixed lunar day of the lunar year that shares the Gregorian year's number. */
  | { type: 'lunar'; month: number; day: number }
  /**
   * Days around Tết counted from 1/1 lunar (0): -1 is the last day of the old lunar year, whether
   * the 29th or the 30th of month 12. `from`…`to` inclusive.
   */
  | { type: 'lunar_new_year'; from: number; to: number }
  /**
   * One day next to a fixed Gregorian day, chosen by `adjacentDayChoice` (holidays.ts): the day
   * before or after that makes the longer break together with the weekend.
   */
  | { type: 'adjacent_to_solar'; month: number; day: number };

export type HolidayRule = {
  id: string;
  name: HolidayName;
  anchor: HolidayAnchor;
  /** First day (YYYY-MM-DD) the rule applies to, inclusive. */
  validFrom: string;
  /** Last day it applies to, inclusive; null while in force. */
  validTo: string | null;
  legalBasis: string;
};

const LABOR_CODE_2012 = 'Bộ luật Lao động 2012 (art. 115), from 1 May 2013';
const LABOR_CODE_2019 = 'Bộ luật Lao động 2019 (art. 112), from 1 Jan 2021';

/**
 * Rows from the Labor Code 2012 onwards; years before 1 May 2013 are not covered. Tết defaults to
 * the last day of the lunar year plus the first four days of the new one, but the Prime Minister
 * fixes each year's exact Tết days (and the day next to 2 Sep): the official schedule overrides these.
 */
export const HOLIDAY_RULES: readonly HolidayRule[] = [
  {
    id: 'new_year',
    name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
    anchor: { type: 'solar', month: 1, day: 1 },
    validFrom: '2013-05-01',
    validTo: null,
    legalBasis: `${LABOR_CODE_2012}; ${LABOR_CODE_2019}`,
  },
  {
    id: 'lunar_new_year',
    name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
    anchor: { type: 'lunar_new_year', from: -1, to: 3 },
    validFrom: '2013-05-01',
    validTo: null,
    legalBasis: `${LABOR_CODE_2012}; ${LABOR_CODE_2019}: 5 days, exact days fixed by the Prime Minister`,
  },
  {
    id: 'hung_kings',
    name: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hùng Kings Commemoration Day' },
    anchor: { type: 'lunar', month: 3, day: 10 },
    validFrom: '2013-05-01',
    validTo: null,
    legalBasis: `${LABOR_CODE_2012}; ${LABOR_CODE_2019}`,
  },
  {
    id: 'reunification_day',
    name: { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day' },
    anchor: { type: 'solar', month: 4, day: 30 },
    validFrom: '2013-05-01',
    validTo: null,
    legalBasis: `${LABOR_CODE_2012}; ${LABOR_CODE_2019}`,
  },
  {
    id: 'labour_day',
    name: { vi: 'Ngày Quốc tế Lao động (1/5)', en: "International Workers' Day" },
    anchor: { type: 'solar', month: 5, day: 1 },
    validFrom: '2013-05-01',
    validTo: null,
    legalBasis: `${LABOR_CODE_2012}; ${LABOR_CODE_2019}`,
  },
  {
    id: 'national_day',
    name: { vi: 'Quốc khánh (2/9)', en: 'National Day' },
    anchor: { type: 'solar', month: 9, day: 2 },
    validFrom: '2013-05-01',
    validTo: null,
    legalBasis: `${LABOR_CODE_2012}; ${LABOR_CODE_2019}`,
  },
  {
    id: 'national_day_adjacent',
    name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
    anchor: { type: 'adjacent_to_solar', month: 9, day: 2 },
    validFrom: '2021-01-01',
    validTo: null,
    legalBasis: `${LABOR_CODE_2019}: 2 Sep and the day before or after, fixed by the Prime Minister`,
  },
  {
    id: 'culture_day',
    name: { vi: 'Ngày Văn hóa Việt Nam (24/11)', en: 'Vietnamese Culture Day' },
    anchor: { type: 'solar', month: 11, day: 24 },
    validFrom: '2026-07-01',
    validTo: null,
    legalBasis: 'Paid holiday from 1 Jul 2026 (DOMAIN.md §2, secondary source: confirm the legal text)',
  },
];
