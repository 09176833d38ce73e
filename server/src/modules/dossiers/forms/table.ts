import { type Align, BLACK, type Sheet, type Style } from './pdf-layout.ts';

export type Column = { title: string; share: number; align?: Align };
export type Row = { cells: string[] } | { group: string };
type Cell = { text: string; style: Style; align: Align; width: number };

/**
 * A bordered table across the text width: a header row, then rows (or a `group` row spanning every
 * column, for a procedure's alternative cases). A row that does not fit goes to the next page,
 * under the header repeated.
 */
export function drawTable(sheet: Sheet, columns: Column[], rows: Row[], size = 10): void {
  const pad = 3;
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * sheet.width);
  const lh = sheet.lineHeight(size);
  const drawRow = (cells: Cell[], isHeader = false) => {
    const wrapped = cells.map((c) => sheet.wrap([{ text: c.text, style: c.style }], size, c.width - 2 * pad));
    const height = Math.max(...wrapped.map((w) => w.length)) * lh + 2 * pad;
    if (sheet.ensure(height) && !isHeader) header();
    let x = sheet.left;
    cells.forEach((c, i) => {
      sheet.page.drawRectangle({
        x,
        y: sheet.y - height,
        width: c.width,
        height,
        borderColor: BLACK,
        borderWidth: 0.6,
      });
      const top = sheet.y;
      sheet.y -= pad;
      for (const line of wrapped[i]!) {
        sheet.drawLine(line, x + pad, c.width - 2 * pad, size, c.align);
        sheet.y -= lh;
      }
      sheet.y = top;
      x += c.width;
    });
    sheet.y -= height;
  };
  const header = () =>
    drawRow(
      columns.map((c, i) => ({ text: c.title, style: 'bold', align: 'center', width: widths[i]! })),
      true,
    );
  header();
  for (const row of rows) {
    if ('group' in row) drawRow([{ text: row.group, style: 'italic', align: 'left', width: sheet.width }]);
    else
      drawRow(
        row.cells.map((text, i) => ({
          text,
          style: 'regular',
          align: columns[i]!.align ?? 'left',
          width: widths[i]!,
        })),
      );
  }
}
