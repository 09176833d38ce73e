// Statistics periods as the API names them: `2026`, `2026-H1`, `2026-Q3`, `2026-03`,
// `2026-01-05..2026-02-14`; and the picker's view of one.

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'range';
export const PERIOD_KINDS: PeriodKind[] = ['year', 'half', 'quarter', 'month', 'range'];

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** 1–2 (half), 1–4 (quarter), 1–12 (month). */
  part: number;
  from: string;
  to: string;
}

/** Today in Vietnam as `2026-11-24`. */
export function vietnamToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

export const currentYear = () => Number(vietnamToday().slice(0, 4));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The picker's state for a key; the current year for anything unreadable. */
export function choiceOf(key: string | null): PeriodChoice {
  const today = vietnamToday();
  const year = Number(today.slice(0, 4));
  const base: PeriodChoice = { kind: 'year', year, part: 1, from: `${year}-01-01`, to: today };
  if (!key) return base;
  let m = /^(\d{4})$/.exec(key);
  if (m) return { ...base, kind: 'year', year: Number(m[1]) };
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return { ...base, kind: 'half', year: Number(m[1]), part: Number(m[2]) };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { ...base, kind: 'quarter', year: Number(m[1]), part: Number(m[2]) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { ...base, kind: 'month', year: Number(m[1]), part: Number(m[2]) };
  const [from, to] = key.split('..');
  if (from && to && DATE.test(from) && DATE.test(to))
    return { ...base, kind: 'range', year: Number(from.slice(0, 4)), from, to };
  return base;
}

/** The API's key for a choice, or null for a range that ends before it starts. */
export function keyOf(c: PeriodChoice): string | null {
  switch (c.kind) {
    case 'year':
      return String(c.year);
    case 'half':
      return `${c.year}-H${Math.min(2, Math.max(1, c.part))}`;
    case 'quarter':
      return `${c.year}-Q${Math.min(4, Math.max(1, c.part))}`;
    case 'month':
      return `${c.year}-${String(Math.min(12, Math.max(1, c.part))).padStart(2, '0')}`;
    case 'range':
      return DATE.test(c.from) && DATE.test(c.to) && c.from <= c.to ? `${c.from}..${c.to}` : null;
  }
}

/** The year a period falls in (its first day's), for the monthly trend. */
export const yearOf = (key: string) => Number(key.slice(0, 4));

/**
 * The years offered, newest first: this one back to the first year the statistics have (GET
 * /api/reporting/periods), or five years back while that is not known.
 */
export function yearOptions(earliest?: string): number[] {
  const y = currentYear();
  const first = earliest ? Math.min(y, Number(earliest.slice(0, 4))) : y - 5;
  return Array.from({ length: y - first + 1 }, (_, i) => y - i);
}

/** Which periods the statistics may be asked for (the server refuses others with 422). */
export interface PeriodBounds {
  earliest: string;
  today: string;
  maxDays: number;
}
