import type { Sheet } from './pdf-layout.ts';

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_LINE_2 = 'Độc lập - Tự do - Hạnh phúc';

export type HeaderColumn = { x: number; width: number };

/**
 * The header of an administrative document (Decree 30/2020): the issuing body over the issuing
 * agency on the left, each underlined, and the national name and motto on the right (across the
 * page when there is no issuer). Returns where each side ends and the right column, for the
 * place-and-date line under the motto. Shared by the one-stop forms and the periodic reports.
 */
export function drawDocumentHeader(
  sheet: Sheet,
  issuer: { name: string; parent?: string | null } | null,
  leftShare: number,
  size = 10,
): { leftBottom: number; rightBottom: number; right: HeaderColumn } {
  const top = sheet.y;
  let leftBottom = top;
  let right: HeaderColumn = { x: sheet.left, width: sheet.width };
  if (issuer) {
    const left = { x: sheet.left, width: sheet.width * leftShare };
    right = { x: sheet.left + left.width, width: sheet.width - left.width };
    if (issuer.parent)
      leftBottom = sheet.column(issuer.parent.toLocaleUpperCase('vi'), leftBottom, {
        ...left,
        size,
        align: 'center',
      });
    leftBottom = sheet.column([{ text: issuer.name.toLocaleUpperCase('vi'), style: 'bold' }], leftBottom, {
      ...left,
      size,
      align: 'center',
    });
    sheet.rule(left.x + left.width / 2, leftBottom + 1, left.width / 3);
  }
  let rightBottom = sheet.column([{ text: MOTTO, style: 'bold' }], top, { ...right, size, align: 'center' });
  rightBottom = sheet.column([{ text: MOTTO_LINE_2, style: 'bold' }], rightBottom, {
    ...right,
    size: size + 1,
    align: 'center',
  });
  sheet.rule(right.x + right.width / 2, rightBottom + 1, sheet.textWidth(MOTTO_LINE_2, size + 1, 'bold'));
  return { leftBottom, rightBottom, right };
}
