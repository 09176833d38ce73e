/**
 * The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's algorithm:
 * - a month starts on the local day of a new moon;
 * - month 11 is the month containing the winter solstice;
 * - a "solstice year" from one month 11 to the next has 12 or 13 months; with 13, the first month
 *   after month 11 that contains no major solar term (sun longitude crossing a multiple of 30°)
 *   is a leap month and repeats the number of the month before it.
 * Everything depends on which local day a new moon or solar term falls on, hence the time zone:
 * Vietnam uses UTC+7, China UTC+8, and the two calendars differ in some years (Tết 1985, 2007).
 */
import { JDN_OF_UNIX_EPOCH, newMoonJulianDay, SYNODIC_MONTH, sunLongitude } from './astronomy.ts';
import { dateOfEpochDay, epochDayOf, parseIsoDate } from './dates.ts';
import { CalendarErrors } from './errors.ts';

export type LunarDate = { day: number; month: number; year: number; leap: boolean };

/** One month of a lunar year: its number, whether it is the leap repeat, first solar day, length. */
export type LunarMonth = { month: number; leap: boolean; start: string; days: number };

export const VIETNAM_TIME_ZONE = 7;

/**
 * Years we answer for. The simplified Meeus series and ΔT drift slowly outside a few centuries of
 * 1900; citizens' birth dates and government deadlines need nothing beyond this range.
 */
export const LUNAR_YEAR_RANGE = { from: 1800, to: 2199 } as const;

/** JDN of 1900-01-01, the day of new moon number 0 (the origin of the lunation count). */
const NEW_MOON_ZERO_DAY = 2415021;

type MonthSpan = { month: number; leap: boolean; startJdn: number; days: number };

function checkTimeZone(timeZone: number): void {
  if (!Number.isFinite(timeZone) || timeZone < -12 || timeZone > 14) {
    throw CalendarErrors.create('INVALID_TIME_ZONE', {
      vi: `Múi giờ UTC${timeZone} không hợp lệ; cần số giờ từ -12 đến 14.`,
      en: `UTC offset ${timeZone} is invalid; expected hours from -12 to 14.`,
    });
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_YEAR_RANGE.from || year > LUNAR_YEAR_RANGE.to) {
    throw CalendarErrors.create('YEAR_OUT_OF_RANGE', {
      vi: `Năm ${year} nằm ngoài khoảng ${LUNAR_YEAR_RANGE.from}–${LUNAR_YEAR_RANGE.to} mà lịch âm hỗ trợ.`,
      en: `Year ${year} is outside the lunar calendar's supported ${LUNAR_YEAR_RANGE.from}–${LUNAR_YEAR_RANGE.to}.`,
    });
  }
}

const jdnOf = (date: string): number => epochDayOf(date) + JDN_OF_UNIX_EPOCH;
const dateOfJdn = (jdn: number): string => dateOfEpochDay(jdn - JDN_OF_UNIX_EPOCH);

/** JDN of the local day on which new moon k falls. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoonJulianDay(k) + 0.5 + timeZone / 24);
}

/**
 * Which 30° sector (0 = spring equinox … 9 = winter solstice) the sun is in at local midnight that
 * starts day `jdn`. Two consecutive month starts in the same sector mean that month has no major term.
 */
function sunSectorAtDayStart(jdn: number, timeZone: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - timeZone / 24) / (Math.PI / 6));
}

/** Lunation number and first day of month 11 of Gregorian year `year` (the month of the solstice). */
function month11(year: number, timeZone: number): { k: number; startJdn: number } {
  // The last new moon before 31 December; if the solstice (sector 9) already began by its first
  // day, the solstice lies in the month before.
  let k = Math.floor((jdnOf(`${year}-12-31`) - NEW_MOON_ZERO_DAY) / SYNODIC_MONTH);
  let startJdn = newMoonDay(k, timeZone);
  if (sunSectorAtDayStart(startJdn, timeZone) >= 9) {
    k -= 1;
    startJdn = newMoonDay(k, timeZone);
  }
  return { k, startJdn };
}

/** Months from month 11 of Gregorian `year` up to (not including) month 11 of the next year. */
function solsticeYear(year: number, timeZone: number): MonthSpan[] {
  const first = month11(year, timeZone);
  const next = month11(year + 1, timeZone);
  const count = next.k - first.k; // 12, or 13 with a leap month
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(first.k + i, timeZone));
  let leapIndex = -1;
  if (count === 13) {
    // Month 11 holds the solstice, so the search starts at the month after it.
    for (let i = 1; i < count && leapIndex < 0; i++) {
      if (sunSectorAtDayStart(starts[i]!, timeZone) === sunSectorAtDayStart(starts[i + 1]!, timeZone)) {
        leapIndex = i;
      }
    }
  }
  return starts.slice(0, count).map((startJdn, i) => {
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i; // 0 = month 11, 1 = month 12, 2 = month 1…
    return {
      month: ((ordinal + 10) % 12) + 1,
      leap: i === leapIndex,
      startJdn,
      days: starts[i + 1]! - startJdn,
    };
  });
}

const yearCache = new Map<string, MonthSpan[]>();

/** Months 1…12 (with its leap month, if any) of lunar year `year`, whose month 1 begins at Tết. */
function lunarYearMonths(year: number, timeZone: number): MonthSpan[] {
  const key = `${year}@${timeZone}`;
  let months = yearCache.get(key);
  if (!months) {
    // Months 1–10 lie in the solstice year that began the Gregorian year before; 11 and 12 in the next.
    months = [
      ...solsticeYear(year - 1, timeZone).filter((m) => m.month <= 10),
      ...solsticeYear(year, timeZone).filter((m) => m.month >= 11),
    ];
    yearCache.set(key, months);
  }
  return months;
}

/** The lunar date of a solar (Gregorian) date, in the calendar of `timeZone` (Vietnam by default). */
export function solarToLunar(date: string, timeZone = VIETNAM_TIME_ZONE): LunarDate {
  checkTimeZone(timeZone);
  const { year } = parseIsoDate(date);
  checkYear(year);
  const jdn = jdnOf(date);
  // A solar date in January or February may still belong to the previous lunar year.
  for (const lunarYear of [year, year - 1]) {
    const month = lunarYearMonths(lunarYear, timeZone).find(
      (m) => jdn >= m.startJdn && jdn < m.startJdn + m.days,
    );
    if (month)
      return { day: jdn - month.startJdn + 1, month: month.month, year: lunarYear, leap: month.leap };
  }
  throw new Error(`calendar: ${date} falls in no lunar month (UTC${timeZone})`); // unreachable
}

function invalidLunarDate(date: LunarDate, vi: string, en: string): Error {
  const label = `${date.day}/${date.month}${date.leap ? ' (nhuận)' : ''}/${date.year}`;
  const labelEn = `${date.day}/${date.month}${date.leap ? ' (leap)' : ''}/${date.year}`;
  return CalendarErrors.create('INVALID_LUNAR_DATE', {
    vi: `Ngày âm lịch ${label} không tồn tại: ${vi}`,
    en: `Lunar date ${labelEn} does not exist: ${en}`,
  });
}

/** The solar date ('YYYY-MM-DD') of a lunar date; throws if that lunar date does not exist. */
export function lunarToSolar(date: LunarDate, timeZone = VIETNAM_TIME_ZONE): string {
  checkTimeZone(timeZone);
  checkYear(date.year);
  const { day, month, year, leap } = date;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw invalidLunarDate(date, 'tháng phải từ 1 đến 12.', 'the month must be 1 to 12.');
  }
  const span = lunarYearMonths(year, timeZone).find((m) => m.month === month && m.leap === leap);
  if (!span) {
    const actual = leapMonthOf(year, timeZone);
    throw invalidLunarDate(
      date,
      actual === null ? `năm ${year} không có tháng nhuận.` : `tháng nhuận năm ${year} là tháng ${actual}.`,
      actual === null ? `${year} has no leap month.` : `the leap month of ${year} is month ${actual}.`,
    );
  }
  if (!Number.isInteger(day) || day < 1 || day > span.days) {
    throw invalidLunarDate(date, `tháng này có ${span.days} ngày.`, `that month has ${span.days} days.`);
  }
  return dateOfJdn(span.startJdn + day - 1);
}

/** Tết Nguyên đán: the solar date of 1/1 of lunar year `year`. */
export function tetDate(year: number, timeZone = VIETNAM_TIME_ZONE): string {
  return lunarToSolar({ day: 1, month: 1, year, leap: false }, timeZone);
}

/** The number of the month repeated as leap month in lunar year `year`, or null. */
export function leapMonthOf(year: number, timeZone = VIETNAM_TIME_ZONE): number | null {
  checkTimeZone(timeZone);
  checkYear(year);
  return lunarYearMonths(year, timeZone).find((m) => m.leap)?.month ?? null;
}

/** All months of lunar year `year` in order, e.g. for a calendar display. */
export function lunarMonthsOf(year: number, timeZone = VIETNAM_TIME_ZONE): LunarMonth[] {
  checkTimeZone(timeZone);
  checkYear(year);
  return lunarYearMonths(year, timeZone).map((m) => ({
    month: m.month,
    leap: m.leap,
    start: dateOfJdn(m.startJdn),
    days: m.days,
  }));
}
