/**
 * Reporting periods, in Vietnam's calendar (ARCHITECTURE: business dates in Asia/Ho_Chi_Minh): a
 * period is [from, to) between two Vietnamese midnights. Written as officials name them:
 * `2026-03` (month), `2026-Q1`, `2026-H1`, `2026` (year), or `2026-01-05..2026-02-14` (custom).
 *
 * Which periods may be asked (issue 25, finding 9: `1800-01-01..1899-12-31` held the server for
 * 8 s, counting twelve hundred empty months): a period starts no earlier than 1 January of the
 * platform's first year of data (STATISTICS_EPOCH's year, or the year of the earliest dossier
 * received, if earlier: history imported from an older system), starts no later than today, and
 * spans at most MAX_PERIOD_DAYS days (a year; longer views are made of years). Anything else is a
 * 422 naming `period`. Every closed month in that range is kept counted in the background
 * (keeper.ts), so a request counts only the current month live.
 */
import { addDays, epochDayOf, isIsoDate } from '../../../platform/calendar/dates.ts';
import { vietnamInstant } from '../../../platform/calendar/vietnam-time.ts';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'custom';

export type Period = {
  key: string;
  kind: PeriodKind;
  /** First and last Vietnamese dates of the period (both included). */
  firstDate: string;
  lastDate: string;
  /** Instants: [from, to). */
  from: Date;
  to: Date;
  /** The year whose figures it belongs to (of its last day). */
  year: number;
  label: { vi: string; en: string };
};

const pad = (n: number) => String(n).padStart(2, '0');
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function build(
  key: string,
  kind: PeriodKind,
  firstDate: string,
  lastDate: string,
  label: Period['label'],
): Period {
  return {
    key,
    kind,
    firstDate,
    lastDate,
    from: vietnamInstant(firstDate, 0),
    to: vietnamInstant(addDays(lastDate, 1), 0),
    year: Number(lastDate.slice(0, 4)),
    label,
  };
}

function months(y: number, m1: number, m2: number) {
  return { first: `${y}-${pad(m1)}-01`, last: `${y}-${pad(m2)}-${pad(lastDayOfMonth(y, m2))}` };
}

/** The period a key names, or null when the key is not one (the route turns that into a 400). */
export function parsePeriod(key: string): Period | null {
  let m = /^(\d{4})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    return build(key, 'year', `${y}-01-01`, `${y}-12-31`, { vi: `Năm ${y}`, en: `Year ${y}` });
  }
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    const r = h === 1 ? months(y, 1, 6) : months(y, 7, 12);
    return build(key, 'half', r.first, r.last, {
      vi: `${h === 1 ? '6 tháng đầu' : '6 tháng cuối'} năm ${y}`,
      en: `${h === 1 ? 'First' : 'Second'} half of ${y}`,
    });
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const r = months(y, q * 3 - 2, q * 3);
    return build(key, 'quarter', r.first, r.last, { vi: `Quý ${q} năm ${y}`, en: `Q${q} ${y}` });
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    const r = months(y, mo, mo);
    return build(key, 'month', r.first, r.last, { vi: `Tháng ${mo}/${y}`, en: `${y}-${pad(mo)}` });
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (m && isIsoDate(m[1]!) && isIsoDate(m[2]!) && m[1]! <= m[2]!) {
    return build(key, 'custom', m[1]!, m[2]!, {
      vi: `Từ ${vnDate(m[1]!)} đến ${vnDate(m[2]!)}`,
      en: `${m[1]} to ${m[2]}`,
    });
  }
  return null;
}

/** The periods a year splits into for a trend chart. */
export function monthsOf(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => parsePeriod(`${year}-${pad(i + 1)}`)!);
}

export const PERIOD_PATTERN_HELP = {
  vi: 'Kỳ báo cáo dạng 2026, 2026-H1, 2026-Q3, 2026-03 hoặc 2026-01-05..2026-02-14.',
  en: 'A period like 2026, 2026-H1, 2026-Q3, 2026-03 or 2026-01-05..2026-02-14.',
};

/** The first day the platform models (two-level local government, Decree 118/2025): its year is the earliest asked. */
export const STATISTICS_EPOCH = '2025-01-01';
/** The longest period that may be asked, in days (a leap year). */
export const MAX_PERIOD_DAYS = 366;

/** The first and last days a period may start on. */
export type PeriodBounds = { earliest: string; today: string };

/** The bounds given the earliest dossier received (a Vietnamese date, or null when there is none). */
export function periodBounds(firstReceipt: string | null, today: string): PeriodBounds {
  const first = firstReceipt && firstReceipt < STATISTICS_EPOCH ? firstReceipt : STATISTICS_EPOCH;
  return { earliest: `${first.slice(0, 4)}-01-01`, today };
}

/** Why the period may not be asked, or null when it may. */
export function periodOutOfBounds(p: Period, b: PeriodBounds): { vi: string; en: string } | null {
  const days = epochDayOf(p.lastDate) - epochDayOf(p.firstDate) + 1;
  if (days > MAX_PERIOD_DAYS)
    return {
      vi: `Kỳ báo cáo dài ${days} ngày; tối đa ${MAX_PERIOD_DAYS} ngày (một năm). Xem nhiều năm thì xem từng năm.`,
      en: `The period is ${days} days long; at most ${MAX_PERIOD_DAYS} (a year). Ask for longer spans year by year.`,
    };
  if (p.firstDate > b.today)
    return {
      vi: `Kỳ báo cáo bắt đầu ngày ${vnDate(p.firstDate)}, sau ngày hôm nay (${vnDate(b.today)}).`,
      en: `The period starts on ${p.firstDate}, after today (${b.today}).`,
    };
  if (p.firstDate < b.earliest)
    return {
      vi: `Kỳ báo cáo bắt đầu trước ngày ${vnDate(b.earliest)}, khi nền tảng bắt đầu có số liệu.`,
      en: `The period starts before ${b.earliest}, when the platform's figures begin.`,
    };
  return null;
}
