import { sendFile, sendJson } from '../../../ui/api';
import type { Localized } from '../../../ui/localized';

export type EntryKind = 'day_off' | 'working_day';

/** A line of the official schedule: a day off, or a make-up working day (usually a Saturday). */
export interface ScheduleEntry {
  date: string;
  kind: EntryKind;
  name: Localized;
}

export interface Schedule {
  year: number;
  entries: ScheduleEntry[];
}

/** `GET /api/calendar/holidays?year=`: the days as deadlines count them. */
export interface Holidays {
  year: number;
  items: {
    date: string;
    name: Localized;
    source: 'computed' | 'official';
    kind: EntryKind | (string & {});
  }[];
}

export const holidaysPath = (year: number) => `/api/calendar/holidays?year=${year}`;
export const schedulePath = (year: number) => `/api/calendar/schedule/${year}`;

export const saveSchedule = (year: number, entries: ScheduleEntry[]) =>
  sendJson<Schedule>('PUT', schedulePath(year), { entries });

/** Replaces the year's schedule with a CSV file's lines (`date,kind,name_vi,name_en`). */
export const importScheduleCsv = (year: number, csv: string) =>
  sendFile<Schedule>(`${schedulePath(year)}/import`, new Blob([csv], { type: 'text/csv' }));

export const CSV_HEADER = 'date,kind,name_vi,name_en';

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The schedule as the CSV the import reads, to start from what is there. */
export function scheduleToCsv(entries: readonly ScheduleEntry[]): string {
  const lines = entries.map((e) => [e.date, e.kind, e.name.vi, e.name.en ?? ''].map(csvField).join(','));
  return `${[CSV_HEADER, ...lines].join('\n')}\n`;
}

/** Vietnam's current year (the admin may sit elsewhere, the calendar is Vietnam's). */
export function vietnamYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
  );
}
