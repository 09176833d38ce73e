/** The parts every one-stop form shares: the administrative header, title, applicant, signatures. */
import type { AgencyInfo, FormData } from './data.ts';
import { placeAndDate } from './format.ts';
import { drawDocumentHeader } from './header.ts';
import { type Run, Sheet } from './pdf-layout.ts';

export const BODY_SIZE = 11;

export type FormHead = {
  /** The issuing agency (left of the header); null for the applicant's own request. */
  issuer: AgencyInfo | null;
  /** The place of the date line, when there is no issuer (the agency the request goes to). */
  place?: string;
  at: Date;
  title: string;
  subtitle?: string;
};

/**
 * Decree 30/2020 layout: the issuing agency on the left (its governing body above it, then its own
 * name in bold, a short rule), the national motto on the right with a rule as long as its second
 * line, the place and date below the motto, then the title centred.
 */
export async function openForm(data: FormData, head: FormHead): Promise<Sheet> {
  const author = head.issuer?.name ?? data.dossier.applicant.fullName;
  const sheet = await Sheet.create({
    title: head.title,
    author,
    subject: data.dossier.code ? `Mã hồ sơ ${data.dossier.code}` : data.procedure.name.vi,
    at: head.at,
  });
  const size = 10;
  const lh = sheet.lineHeight(size);
  const issuer = head.issuer ? { name: head.issuer.name, parent: head.issuer.parentName } : null;
  const header = drawDocumentHeader(sheet, issuer, 0.46, size);
  const { right } = header;
  const leftBottom = head.issuer ? header.leftBottom - 3 : header.leftBottom;
  const rightBottom = header.rightBottom - 3;
  const place = head.issuer?.place || head.place || data.receiving.place;
  sheet.y = Math.min(leftBottom, rightBottom) - lh * 0.6;
  sheet.text([{ text: placeAndDate(place, head.at), style: 'italic' }], {
    ...(head.issuer ? right : {}),
    size: size + 0.5,
    align: head.issuer ? 'center' : 'right',
  });
  sheet.down(lh * 1.2);
  sheet.text([{ text: head.title, style: 'bold' }], { size: 13, align: 'center' });
  if (head.subtitle)
    sheet.text([{ text: head.subtitle, style: 'bold' }], { size: BODY_SIZE, align: 'center' });
  sheet.down(lh * 0.8);
  return sheet;
}

/** "Label: value", the value in bold; nothing when the value is missing. */
export function field(sheet: Sheet, label: string, value: string | null | undefined, indent = 0): void {
  if (value === null || value === undefined || value.trim() === '') return;
  sheet.text([{ text: `${label}: ` }, { text: value, style: 'bold' }], {
    size: BODY_SIZE,
    x: sheet.left + indent,
    width: sheet.width - indent,
  });
}

/** A body paragraph, its first line indented as in administrative documents. */
export function paragraph(sheet: Sheet, content: string | Run[], gapAfter = 2): void {
  sheet.text(content, { size: BODY_SIZE, indent: 20 });
  sheet.down(gapAfter);
}

/** A numbered or bulleted list with hanging indent. */
export function list(
  sheet: Sheet,
  items: string[],
  marker: (i: number) => string = (i) => `${i + 1}.`,
): void {
  const hang = 18;
  items.forEach((item, i) => {
    // The marker goes on the item's first line: make sure that line is on this page first.
    sheet.ensure(sheet.lineHeight(BODY_SIZE));
    sheet.column(marker(i), sheet.y, { size: BODY_SIZE, x: sheet.left + 4, width: hang });
    sheet.text(item, { size: BODY_SIZE, x: sheet.left + hang, width: sheet.width - hang });
  });
}

/** The applicant: name, address, phone; for forms addressed to them. */
export function applicant(sheet: Sheet, data: FormData, label = 'Ông/Bà'): void {
  field(sheet, label, data.dossier.applicant.fullName);
  field(sheet, 'Địa chỉ', data.applicantAddress);
  field(sheet, 'Số điện thoại', data.dossier.applicant.phone);
  field(sheet, 'Thư điện tử', data.dossier.applicant.email);
}

export type Signature = { title: string; hint: string; name: string | null };

/** Signature blocks side by side (one block sits on the right half), kept together on one page. */
export function signatures(sheet: Sheet, blocks: Signature[]): void {
  sheet.down(sheet.lineHeight(BODY_SIZE));
  sheet.ensure(130);
  const half = sheet.width / 2;
  const top = sheet.y;
  let bottom = top;
  blocks.forEach((b, i) => {
    const x = sheet.left + (blocks.length === 1 ? half : i * half);
    const column = { x, width: half, align: 'center' as const };
    let y = sheet.column([{ text: b.title, style: 'bold' }], top, { ...column, size: BODY_SIZE });
    y = sheet.column([{ text: b.hint, style: 'italic' }], y, { ...column, size: 9.5 });
    y -= 62; // room for the signature (and the seal)
    if (b.name) y = sheet.column([{ text: b.name, style: 'bold' }], y, { ...column, size: BODY_SIZE });
    bottom = Math.min(bottom, y);
  });
  sheet.y = bottom;
}
