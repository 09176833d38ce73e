/**
 * Every reporting table leaves as an Excel workbook the way a Vietnamese office files it: a title
 * row, a row stating the period and the unit, bold Vietnamese headers, numbers as numbers (with
 * thousands separators and percentages formatted, not as text), a frozen header.
 */
import ExcelJS from 'exceljs';

export type XlsxColumn<Row> = {
  header: string;
  /** Cell value of a row: numbers stay numbers; a rate is a fraction (0.6052) shown as 60,52%. */
  value: (row: Row) => string | number | Date | null;
  format?: 'integer' | 'decimal' | 'percent' | 'date' | 'text';
  width?: number;
};

export type XlsxSheet<Row> = {
  /** Sheet tab name (≤ 31 characters, Excel's limit). */
  name: string;
  title: string;
  /** e.g. "Kỳ báo cáo: 01/01/2026 – 30/06/2026 · Đơn vị: Toàn tỉnh". */
  subtitle: string;
  columns: XlsxColumn<Row>[];
  rows: Row[];
  /** A last row of totals, if the table has one. */
  total?: Row;
};

const NUMBER_FORMATS: Record<NonNullable<XlsxColumn<unknown>['format']>, string | undefined> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.00%',
  date: 'dd/mm/yyyy',
  text: undefined,
};

// Excel forbids these in sheet names.
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);

// biome-ignore lint/suspicious/noExplicitAny: one workbook holds sheets of different row types
export async function toXlsx(sheets: XlsxSheet<any>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Chính quyền số';
  book.created = new Date(0); // a fixed stamp: the same figures give the same file
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 4 }] });
    const width = sheet.columns.length;
    ws.mergeCells(1, 1, 1, width);
    ws.getCell(1, 1).value = sheet.title.toUpperCase();
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    ws.mergeCells(2, 1, 2, width);
    ws.getCell(2, 1).value = sheet.subtitle;
    ws.getCell(2, 1).font = { italic: true };
    ws.getCell(2, 1).alignment = { horizontal: 'center' };
    const header = ws.getRow(4);
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
      cell.border = { bottom: { style: 'thin' } };
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? Math.max(12, Math.min(48, c.header.length + 4));
      const fmt = c.format ? NUMBER_FORMATS[c.format] : undefined;
      if (fmt) col.numFmt = fmt;
    });
    const put = (row: unknown) => ws.addRow(sheet.columns.map((c) => c.value(row)));
    for (const row of sheet.rows) put(row);
    if (sheet.total) put(sheet.total).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The HTTP headers of a download named in Vietnamese (RFC 6266 with an ASCII fallback). */
export function attachmentHeaders(
  fileName: string,
  contentType: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): Record<string, string> {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  return {
    'content-type': contentType,
    'content-disposition': `${disposition}; filename="${ascii.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
