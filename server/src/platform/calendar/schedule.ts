/**
 * The official per-year schedule: the Prime Minister fixes Tết and the day next to 2 Sep, and the
 * Ministry of Home Affairs announces civil servants' days off and make-up working Saturdays. An
 * admin enters or imports it (CSV); it overrides the computed defaults of holidays.ts.
 */
import type { LocalizedText } from '../localized.ts';
import { isIsoDate } from './dates.ts';
import { CalendarErrors } from './errors.ts';

export type ScheduleEntryKind = 'day_off' | 'working_day';

export type ScheduleEntry = {
  date: string;
  /** `day_off` adds or renames a day off; `working_day` is a make-up working day (usually a Saturday)
   *  and also cancels a computed day off on that date. */
  kind: ScheduleEntryKind;
  name: LocalizedText;
};

export type OfficialSchedule = { year: number; entries: ScheduleEntry[] };

const KINDS: readonly string[] = ['day_off', 'working_day'] satisfies ScheduleEntryKind[];
const HEADER = ['date', 'kind', 'name_vi', 'name_en'];

type Problem = { line: number; vi: string; en: string };

function fail(problems: Problem[]): never {
  const first = problems[0]!;
  const more = problems.length > 1 ? problems.length - 1 : 0;
  throw CalendarErrors.create(
    'INVALID_SCHEDULE_CSV',
    {
      vi: `Dòng ${first.line}: ${first.vi}${more ? ` (và ${more} lỗi khác)` : ''}`,
      en: `Line ${first.line}: ${first.en}${more ? ` (and ${more} more)` : ''}`,
    },
    problems.map((p) => ({ field: `line ${p.line}`, vi: p.vi, en: p.en })),
  );
}

/**
 * RFC 4180 records with the physical line each starts on: quoted fields may hold commas (names
 * often do), doubled quotes and line breaks; CRLF and a leading BOM (Excel's UTF-8 export) are fine.
 */
function csvRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) fail([{ line: recordLine, vi: 'thiếu dấu " đóng.', en: 'a closing " is missing.' }]);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  // Blank lines (often a trailing one) carry nothing.
  return records.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
}

/**
 * Reads `date,kind,name_vi,name_en` (header required, name_en may be empty). Reports every bad line
 * at once (as field errors) so an admin fixes the file in one round; the message names the first.
 */
export function parseScheduleCsv(text: string): ScheduleEntry[] {
  const [header, ...rows] = csvRecords(text);
  const headerNames = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  if (headerNames.join(',') !== HEADER.join(',')) {
    fail([
      {
        line: header?.line ?? 1,
        vi: `dòng tiêu đề phải là "${HEADER.join(',')}".`,
        en: `the header must be "${HEADER.join(',')}".`,
      },
    ]);
  }
  const problems: Problem[] = [];
  const entries: ScheduleEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    if (fields.length !== HEADER.length) {
      problems.push({
        line,
        vi: `cần ${HEADER.length} cột, có ${fields.length}.`,
        en: `expected ${HEADER.length} columns, found ${fields.length}.`,
      });
      continue;
    }
    const [date, kind, nameVi, nameEn] = fields.map((f) => f.trim()) as [string, string, string, string];
    const before = problems.length;
    if (!isIsoDate(date)) {
      problems.push({
        line,
        vi: `ngày "${date}" không hợp lệ; cần dạng YYYY-MM-DD.`,
        en: `date "${date}" is invalid; expected YYYY-MM-DD.`,
      });
    } else if (seen.has(date)) {
      problems.push({
        line,
        vi: `ngày ${date} bị trùng với dòng ${seen.get(date)}.`,
        en: `date ${date} duplicates line ${seen.get(date)}.`,
      });
    } else {
      seen.set(date, line);
    }
    if (!KINDS.includes(kind)) {
      problems.push({
        line,
        vi: `loại "${kind}" không hợp lệ; dùng day_off (ngày nghỉ) hoặc working_day (ngày làm bù).`,
        en: `unknown kind "${kind}"; use day_off or working_day.`,
      });
    }
    if (nameVi === '') {
      problems.push({
        line,
        vi: 'thiếu tên tiếng Việt (name_vi).',
        en: 'the Vietnamese name (name_vi) is empty.',
      });
    }
    if (problems.length === before) {
      entries.push({
        date,
        kind: kind as ScheduleEntryKind,
        name: nameEn === '' ? { vi: nameVi } : { vi: nameVi, en: nameEn },
      });
    }
  }
  if (problems.length > 0) fail(problems);
  return entries;
}

/** A schedule's dates must be real, unique and inside its year: a stray date is a typing error. */
export function validateSchedule(schedule: OfficialSchedule): void {
  const seen = new Set<string>();
  for (const entry of schedule.entries) {
    const problem = !isIsoDate(entry.date)
      ? { vi: `ngày "${entry.date}" không hợp lệ`, en: `date "${entry.date}" is invalid` }
      : !entry.date.startsWith(`${schedule.year}-`)
        ? {
            vi: `ngày ${entry.date} không thuộc năm ${schedule.year}`,
            en: `${entry.date} is not in ${schedule.year}`,
          }
        : seen.has(entry.date)
          ? { vi: `ngày ${entry.date} bị trùng`, en: `${entry.date} appears twice` }
          : !KINDS.includes(entry.kind)
            ? { vi: `loại "${entry.kind}" không hợp lệ`, en: `unknown kind "${entry.kind}"` }
            : null;
    if (problem) {
      throw CalendarErrors.create('INVALID_SCHEDULE', {
        vi: `Lịch nghỉ năm ${schedule.year}: ${problem.vi}.`,
        en: `Schedule ${schedule.year}: ${problem.en}.`,
      });
    }
    seen.add(entry.date);
  }
}
