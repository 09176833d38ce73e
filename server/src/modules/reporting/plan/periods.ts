/**
 * Reporting periods of a DX plan and their report deadlines (DOMAIN.md §4: the lead department
 * reports every 6 months and yearly, before 15 Dec).
 *
 * The due days are a constant, not columns of the plan: every provincial plan we know follows the
 * same rhythm set by the Ministry's guidance, and a change of rhythm is a rule change for all
 * plans at once. If a province ever needs per-plan dates, this is the one place to read them from.
 */
import { PlanErrors } from './errors.ts';

/** The six-month report is due on 15 June (the data cut-off of the first half), the yearly on 15 December. */
export const REPORT_DUE = { H1: '06-15', Y: '12-15' } as const;
/** Lead agencies are reminded this many days before a report is due. */
export const REMIND_DAYS_BEFORE = 7;
/** After a deadline passes, an overdue reminder is still worth sending for this many days. */
export const OVERDUE_WINDOW_DAYS = 30;

export type PeriodKind = 'H1' | 'Y';
export type Period = {
  /** `2026-H1` or `2026` (as asked in the query string). */
  key: string;
  /** The key stored with reminders: `2026-H1` or `2026-Y`. */
  reminderKey: string;
  year: number;
  kind: PeriodKind;
  from: string;
  to: string;
  due: string;
  label: { vi: string; en: string };
};

export function periodOf(year: number, kind: PeriodKind): Period {
  return kind === 'H1'
    ? {
        key: `${year}-H1`,
        reminderKey: `${year}-H1`,
        year,
        kind,
        from: `${year}-01-01`,
        to: `${year}-06-30`,
        due: `${year}-${REPORT_DUE.H1}`,
        label: { vi: `6 tháng đầu năm ${year}`, en: `first half of ${year}` },
      }
    : {
        key: `${year}`,
        reminderKey: `${year}-Y`,
        year,
        kind,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        due: `${year}-${REPORT_DUE.Y}`,
        label: { vi: `năm ${year}`, en: `year ${year}` },
      };
}

/** Reads `2026-H1` or `2026`; anything else is a 400 naming the parameter. */
export function parsePeriod(text: string): Period {
  const m = /^(\d{4})(?:-(H1))?$/.exec(text.trim());
  const year = m ? Number(m[1]) : Number.NaN;
  if (!m || year < 2000 || year > 2100)
    throw PlanErrors.create('PERIOD_INVALID', undefined, [
      {
        field: 'query.period',
        vi: 'Dùng dạng 2026-H1 hoặc 2026.',
        en: 'Use the form 2026-H1 or 2026.',
      },
    ]);
  return periodOf(year, m[2] ? 'H1' : 'Y');
}

/** Every report period of a plan, in order. */
export function periodsOfPlan(plan: { fromYear: number; toYear: number }): Period[] {
  const out: Period[] = [];
  for (let y = plan.fromYear; y <= plan.toYear; y++) out.push(periodOf(y, 'H1'), periodOf(y, 'Y'));
  return out;
}

/** The period whose report is next due on or after `today` (or the last one once the plan is over). */
export function currentPeriod(plan: { fromYear: number; toYear: number }, today: string): Period {
  const all = periodsOfPlan(plan);
  return all.find((p) => p.due >= today) ?? all.at(-1)!;
}
