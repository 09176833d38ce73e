/**
 * Reading and checking the CSV lists of `cqs admin-units import` row by row: columns, codes, types, names.
 * Every problem names its file, line (1 = the header) and column, in Vietnamese and English; the checks
 * against the units in force are in import.ts.
 */
import { parse } from 'csv-parse/sync';
import { provinceFullName, typeWordOf } from './names.ts';

export type CsvSource = { /** shown in messages: the file's name */ name: string; bytes: Buffer };

/** One error of the input, by file, line (1 = the header) and column. */
export type ImportProblem = {
  file: string;
  line: number | null;
  column: string | null;
  vi: string;
  en: string;
};

export type Fields = { name: string; type: string; provinceCode: string };
/** A row that passed the checks, with its line. */
export type Row = { line: number; code: string } & Fields & { provinceName: string | null };

const COMMUNE_COLUMNS = ['code', 'name', 'type', 'province_code'] as const;
const PROVINCE_COLUMNS = ['code', 'name', 'type'] as const;
const COMMUNE_TYPES = ['xa', 'phuong', 'dac_khu'];
const PROVINCE_TYPES = ['tinh', 'thanh_pho'];

export class Problems {
  readonly list: ImportProblem[] = [];
  /** Each message names the file, line and column itself, so it reads alone ("communes.csv, dòng 4, cột code: …"). */
  add(file: string, line: number | null, column: string | null, vi: string, en: string) {
    const where = (l: string, c: string) =>
      [file, line === null ? null : `${l} ${line}`, column === null ? null : `${c} ${column}`]
        .filter((x) => x !== null)
        .join(', ');
    this.list.push({
      file,
      line,
      column,
      vi: `${where('dòng', 'cột')}: ${vi}`,
      en: `${where('line', 'column')}: ${en}`,
    });
  }
}

/** The CSV's rows as column → cell (NFC, trimmed), each with its line; header and shape errors reported. */
function readCsv(
  src: CsvSource,
  columns: readonly string[],
  problems: Problems,
): { line: number; cell: (c: string) => string; has: (c: string) => boolean }[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(src.bytes, {
      bom: true,
      info: true,
      // CRLF as shipped, LF as edited: either, even mixed in one file.
      record_delimiter: ['\r\n', '\n'],
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    problems.add(
      src.name,
      err.lines ?? null,
      null,
      `tệp CSV không đọc được (${err.message}).`,
      `the CSV cannot be read (${err.message}).`,
    );
    return [];
  }
  const [head, ...rows] = records;
  if (!head) {
    problems.add(src.name, null, null, 'tệp trống.', 'the file is empty.');
    return [];
  }
  const header = head.record.map((h) => h.normalize('NFC').toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    problems.add(
      src.name,
      head.info.lines,
      null,
      `thiếu cột ${missing.join(', ')}; dòng đầu phải có các cột ${columns.join(',')}.`,
      `missing column ${missing.join(', ')}; the first line must name the columns ${columns.join(',')}.`,
    );
    return [];
  }
  const out = [];
  for (const { record, info } of rows) {
    if (record.length !== header.length) {
      problems.add(
        src.name,
        info.lines,
        null,
        `có ${record.length} cột, dòng đầu có ${header.length}.`,
        `has ${record.length} columns where the header has ${header.length}.`,
      );
      continue;
    }
    const cell = (c: string) => (record[header.indexOf(c)] ?? '').normalize('NFC').trim();
    out.push({ line: info.lines, cell, has: (c: string) => header.includes(c) });
  }
  return out;
}

/** A unit code of `digits` digits not already on an earlier line; else the problem is reported. */
function codeIsNew(
  code: string,
  digits: number,
  what: { vi: string; en: string },
  seen: ReadonlyMap<string, number>,
  p: (column: string, vi: string, en: string) => void,
): boolean {
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) {
    p(
      'code',
      `${what.vi} phải gồm ${digits} chữ số, không phải "${code}".`,
      `${what.en} is ${digits} digits, not "${code}".`,
    );
    return false;
  }
  if (seen.has(code)) {
    p(
      'code',
      `mã ${code} đã có ở dòng ${seen.get(code)}.`,
      `code ${code} is already on line ${seen.get(code)}.`,
    );
    return false;
  }
  return true;
}

export function readProvinces(src: CsvSource, problems: Problems): Row[] {
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { line, cell } of readCsv(src, PROVINCE_COLUMNS, problems)) {
    const p = (column: string, vi: string, en: string) => problems.add(src.name, line, column, vi, en);
    const [code, given, type] = [cell('code'), cell('name'), cell('type')];
    let ok = codeIsNew(code, 2, { vi: 'mã tỉnh', en: 'a province code' }, seen, p);
    if (!PROVINCE_TYPES.includes(type)) {
      p(
        'type',
        `loại phải là ${PROVINCE_TYPES.join(' hoặc ')}, không phải "${type}".`,
        `type must be ${PROVINCE_TYPES.join(' or ')}, not "${type}".`,
      );
      ok = false;
    }
    if (given === '') {
      p('name', 'tên trống.', 'the name is empty.');
      ok = false;
    } else if (
      (given.startsWith('Thành phố ') && type === 'tinh') ||
      (given.startsWith('Tỉnh ') && type === 'thanh_pho')
    ) {
      p('name', `tên "${given}" không khớp loại ${type}.`, `the name "${given}" does not fit type ${type}.`);
      ok = false;
    }
    if (/^\d{2}$/.test(code) && !seen.has(code)) seen.set(code, line);
    if (ok) {
      rows.push({
        line,
        code,
        name: provinceFullName(given, type),
        type,
        provinceCode: code,
        provinceName: null,
      });
    }
  }
  return rows;
}

export function readCommunes(src: CsvSource, problems: Problems): Row[] {
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { line, cell, has } of readCsv(src, COMMUNE_COLUMNS, problems)) {
    const p = (column: string, vi: string, en: string) => problems.add(src.name, line, column, vi, en);
    const [code, name, type, provinceCode] = [
      cell('code'),
      cell('name'),
      cell('type'),
      cell('province_code'),
    ];
    let ok = codeIsNew(code, 5, { vi: 'mã xã', en: 'a commune code' }, seen, p);
    if (!COMMUNE_TYPES.includes(type)) {
      p(
        'type',
        `loại phải là ${COMMUNE_TYPES.join(', ')}, không phải "${type}".`,
        `type must be one of ${COMMUNE_TYPES.join(', ')}, not "${type}".`,
      );
      ok = false;
    }
    const word = typeWordOf(type);
    if (name === '') {
      p('name', 'tên trống.', 'the name is empty.');
      ok = false;
    } else if (word && !name.startsWith(`${word} `)) {
      p(
        'name',
        `tên "${name}" phải bắt đầu bằng "${word}" (loại ${type}).`,
        `the name "${name}" must begin with "${word}" (type ${type}).`,
      );
      ok = false;
    }
    if (!/^\d{2}$/.test(provinceCode)) {
      p(
        'province_code',
        `mã tỉnh phải gồm 2 chữ số, không phải "${provinceCode}".`,
        `a province code is 2 digits, not "${provinceCode}".`,
      );
      ok = false;
    }
    if (/^\d{5}$/.test(code) && !seen.has(code)) seen.set(code, line);
    const provinceName = has('province_name') ? cell('province_name') || null : null;
    if (ok) rows.push({ line, code, name, type, provinceCode, provinceName });
  }
  return rows;
}
