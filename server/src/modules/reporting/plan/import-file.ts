/**
 * Reads a plan file into numbered rows of text: CSV (UTF-8) or the first sheet of an .xlsx, told
 * apart by their first bytes. Row numbers are those a spreadsheet shows, so errors point at them.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PlanErrors } from './errors.ts';

export type SourceRow = { row: number; cells: string[] };

const clean = (s: unknown) =>
  String(s ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Rows of the file with their row numbers as a spreadsheet shows them (1 = first line). */
export async function readRows(bytes: Buffer): Promise<SourceRow[]> {
  if (bytes.length === 0) throw PlanErrors.create('IMPORT_EMPTY');
  if (bytes.subarray(0, 4).equals(ZIP)) return readXlsx(bytes);
  if (bytes.subarray(0, 4).equals(OLE) || bytes.includes(0))
    throw PlanErrors.create('IMPORT_FORMAT', {
      vi: 'Tệp không phải CSV UTF-8 hay .xlsx (tệp Excel cũ .xls hoặc tệp nhị phân): hãy lưu lại dạng .xlsx hoặc CSV UTF-8.',
      en: 'The file is neither UTF-8 CSV nor .xlsx (an old .xls or a binary file): save it as .xlsx or UTF-8 CSV.',
    });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD'))
    throw PlanErrors.create('IMPORT_FORMAT', {
      vi: 'Tệp CSV không ở mã UTF-8 (tiếng Việt sẽ bị lỗi phông): hãy lưu lại dạng “CSV UTF-8”.',
      en: 'The CSV file is not UTF-8 (Vietnamese would be garbled): save it as “CSV UTF-8”.',
    });
  try {
    const records = parse(text, {
      comment: '#',
      comment_no_infix: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ row: r.info.lines, cells: r.record.map(clean) }));
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw PlanErrors.create('IMPORT_INVALID', {
      vi: `Dòng ${line ?? '?'}: tệp CSV sai định dạng (${(e as Error).message}).`,
      en: `Row ${line ?? '?'}: malformed CSV (${(e as Error).message}).`,
    });
  }
}

async function readXlsx(bytes: Buffer): Promise<SourceRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw PlanErrors.create('IMPORT_FORMAT', {
      vi: 'Tệp nén không phải bảng tính Excel .xlsx đọc được.',
      en: 'The ZIP file is not a readable Excel .xlsx workbook.',
    });
  }
  const sheet = book.worksheets[0];
  const out: SourceRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      // Dates typed in Excel arrive as Date objects; the layout wants dd/mm/yyyy text.
      cells[col - 1] =
        v instanceof Date
          ? `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`
          : clean(typeof v === 'object' && v !== null ? (cell.text ?? '') : v);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (filled[0]?.startsWith('#') || filled.every((c) => c === '')) return;
    out.push({ row: rowNumber, cells: filled });
  });
  return out;
}
