/** Form 01: receipt of the dossier and appointment for the result (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). */
import type { LegalDuration } from '../../../platform/calendar/index.ts';
import { applicant, BODY_SIZE, openForm, signatures } from './common.ts';
import type { EventRow, FormData } from './data.ts';
import { CHANNEL_TEXT, durationText, formDateTime, instantOf } from './format.ts';
import type { Run, Sheet } from './pdf-layout.ts';
import { drawQr } from './qr.ts';
import { drawTable, type Row } from './table.ts';

export const FORM_01_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
const QR_SIZE = 92;

const item = (sheet: Sheet, n: number, label: string, value?: string | null) => {
  const runs: Run[] = [{ text: `${n}. ${label}${value ? ': ' : ''}` }];
  if (value) runs.push({ text: value, style: 'bold' });
  sheet.text(runs, { size: BODY_SIZE });
};

function components(sheet: Sheet, data: FormData): void {
  const docs = data.procedure.documents;
  if (docs.length === 0) {
    sheet.text('(Danh mục thủ tục không quy định thành phần hồ sơ.)', { size: BODY_SIZE });
    return;
  }
  const rows: Row[] = [];
  let group: string | null = null;
  let n = 0;
  for (const d of docs) {
    if (d.group && d.group !== group) rows.push({ group: d.group });
    group = d.group;
    n += 1;
    const name = d.required ? d.name : `${d.name} (nếu có)`;
    rows.push({ cells: [String(n), name, String(d.originals), String(d.copies)] });
  }
  sheet.down(2);
  drawTable(
    sheet,
    [
      { title: 'TT', share: 0.5, align: 'center' },
      { title: 'Tên giấy tờ', share: 5 },
      { title: 'Bản chính', share: 1.1, align: 'center' },
      { title: 'Bản sao', share: 1.1, align: 'center' },
    ],
    rows,
  );
  sheet.down(4);
}

/** The QR code of the public tracking page, with the address printed beside it for those without a camera. */
function tracking(sheet: Sheet, url: string): void {
  sheet.down(6);
  sheet.ensure(QR_SIZE);
  const top = sheet.y;
  drawQr(sheet.page, url, sheet.left - 8, top, QR_SIZE);
  const x = sheet.left + QR_SIZE;
  const width = sheet.width - QR_SIZE;
  let y = sheet.column([{ text: 'Tra cứu tình trạng hồ sơ', style: 'bold' }], top - 14, {
    x,
    width,
    size: 10,
  });
  y = sheet.column('Quét mã QR hoặc truy cập địa chỉ:', y, { x, width, size: 10 });
  sheet.column([{ text: url, style: 'italic' }], y, { x, width, size: 9 });
  sheet.y = top - QR_SIZE;
}

export async function form01(data: FormData, event: EventRow | null): Promise<Uint8Array> {
  const d = data.dossier;
  const receivedAt = event?.at ?? d.receivedAt!;
  const appointment = instantOf(event?.data.appointmentAt) ?? d.dueAt;
  const duration = (event?.data.legalDuration as LegalDuration | undefined) ?? null;
  const sheet = await openForm(data, {
    issuer: data.receiving,
    at: receivedAt,
    title: FORM_01_TITLE,
    subtitle: `Mã hồ sơ: ${d.code}`,
  });
  sheet.text(`${data.receiving.name} tiếp nhận hồ sơ của:`, { size: BODY_SIZE });
  applicant(sheet, data);
  sheet.text(
    [
      { text: 'Nội dung yêu cầu giải quyết: ' },
      { text: data.procedure.name.vi, style: 'bold' },
      { text: ` (mã thủ tục ${data.procedure.code})` },
    ],
    { size: BODY_SIZE },
  );
  sheet.text([{ text: 'Hình thức nộp: ' }, { text: CHANNEL_TEXT[d.channel] ?? d.channel }], {
    size: BODY_SIZE,
  });
  sheet.down(4);
  item(sheet, 1, 'Thành phần hồ sơ gồm:');
  components(sheet, data);
  item(sheet, 2, 'Số lượng hồ sơ', '01 (bộ)');
  item(
    sheet,
    3,
    'Thời gian giải quyết hồ sơ theo quy định',
    duration ? durationText(duration) : data.procedure.processingTimeText,
  );
  item(sheet, 4, 'Thời gian nhận hồ sơ', formDateTime(receivedAt));
  item(sheet, 5, 'Thời gian trả kết quả giải quyết hồ sơ', appointment ? formDateTime(appointment) : null);
  if (data.trackingUrl) tracking(sheet, data.trackingUrl);
  signatures(sheet, [
    { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: d.applicant.fullName },
    {
      title: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      hint: '(Ký và ghi rõ họ tên)',
      name: await data.personName(event?.actorId ?? null),
    },
  ]);
  return sheet.save();
}
