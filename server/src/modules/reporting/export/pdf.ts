/**
 * Every periodic report leaves as an A4 PDF laid out like an administrative document (Decree
 * 30/2020): the issuing agency on the left, the national motto on the right, the place and date,
 * a centred title and period line, then headed tables that break across pages under a repeated
 * header row. Built on the dossier forms' pdf-layout (DejaVu fonts for Vietnamese) and table helpers.
 */
import { placeAndDate } from '../../dossiers/forms/format.ts';
import { drawDocumentHeader } from '../../dossiers/forms/header.ts';
import { type Align, Sheet } from '../../dossiers/forms/pdf-layout.ts';
import { drawTable } from '../../dossiers/forms/table.ts';

export type ReportPdfSection = {
  heading: string;
  columns: string[];
  rows: string[][];
  /** Relative column widths (default equal). */
  widths?: number[];
  /** Per column (default left); numbers read best right-aligned. */
  align?: Align[];
  /** A paragraph between the heading and the table. */
  note?: string;
};

export type ReportPdfInput = {
  /** The agency issuing the report, with the body it belongs to (e.g. UBND tỉnh Tuyên Quang) above it. */
  issuer: { name: string; parent?: string };
  title: string;
  /** The period line under the title, e.g. "Kỳ báo cáo: 6 tháng đầu năm 2026". */
  subtitle?: string;
  /** With `place`, the "Tuyên Quang, ngày … tháng … năm …" line under the motto. */
  place?: string;
  at?: Date;
  sections: ReportPdfSection[];
};

export async function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  const at = input.at ?? new Date();
  const sheet = await Sheet.create({
    title: input.title,
    author: input.issuer.name,
    subject: input.subtitle ?? input.title,
    at,
  });
  const size = 10;
  const lh = sheet.lineHeight(size);
  const { leftBottom, rightBottom, right } = drawDocumentHeader(sheet, input.issuer, 0.42, size);
  sheet.y = Math.min(leftBottom, rightBottom) - lh * 0.6;
  if (input.place)
    sheet.text([{ text: placeAndDate(input.place, at), style: 'italic' }], {
      ...right,
      size: size + 0.5,
      align: 'center',
    });
  sheet.down(lh);
  sheet.text([{ text: input.title, style: 'bold' }], { size: 13, align: 'center' });
  if (input.subtitle) sheet.text([{ text: input.subtitle, style: 'italic' }], { size: 11, align: 'center' });
  sheet.down(lh * 0.8);
  for (const section of input.sections) {
    // Keep a heading with at least the table's header and a row.
    sheet.ensure(lh * 5);
    sheet.text([{ text: section.heading, style: 'bold' }], { size: 11 });
    if (section.note) sheet.text(section.note, { size });
    sheet.down(lh * 0.3);
    const columns = section.columns.map((title, i) => ({
      title,
      share: section.widths?.[i] ?? 1,
      align: section.align?.[i] ?? ('left' as Align),
    }));
    const rows = section.rows.length
      ? section.rows.map((cells) => ({ cells: columns.map((_, i) => cells[i] ?? '') }))
      : [{ group: 'Không có số liệu / No data' }];
    drawTable(sheet, columns, rows, 9);
    sheet.down(lh);
  }
  return sheet.save();
}
