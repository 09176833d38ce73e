/**
 * Forms 02–05: the notices a transition issues to the applicant (supplement request, refusal to
 * receive, apology with a new date, stop of processing), each from the event that issued it.
 */
import { applicant, BODY_SIZE, field, list, openForm, paragraph, signatures } from './common.ts';
import type { EventRow, FormData } from './data.ts';
import { formDate, formDateTime, instantOf } from './format.ts';

export const NOTICE_TITLES = {
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  '05': 'PHIẾU ĐỀ NGHỊ/THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
} as const;
const WITHDRAWAL_TITLE = 'PHIẾU ĐỀ NGHỊ DỪNG GIẢI QUYẾT HỒ SƠ';
const SUSPENSION_TITLE = 'PHIẾU THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ';
const HEAD_SIGNATURE = { title: 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký, ghi rõ họ tên và đóng dấu)' };

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
const subtitle = (data: FormData) => (data.dossier.code ? `Mã hồ sơ: ${data.dossier.code}` : undefined);

/** When the desk took the dossier in, as the notice issued at `at` tells it (a reprint says the same). */
function receiptSentence(data: FormData, at: Date): string {
  const { receivedAt } = data.dossier;
  return receivedAt && receivedAt.getTime() <= at.getTime()
    ? `Ngày ${formDate(receivedAt)}, ${data.receiving.name} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục «${data.procedure.name.vi}» của ông/bà.`
    : `${data.receiving.name} đã nhận được hồ sơ đề nghị giải quyết thủ tục «${data.procedure.name.vi}» của ông/bà.`;
}

export async function form02(data: FormData, event: EventRow): Promise<Uint8Array> {
  const processing = event.data.phase === 'processing';
  const issuer = processing ? data.competent : data.receiving;
  const sheet = await openForm(data, {
    issuer,
    at: event.at,
    title: NOTICE_TITLES['02'],
    subtitle: subtitle(data),
  });
  applicant(sheet, data, 'Hồ sơ của ông/bà');
  field(sheet, 'Nội dung yêu cầu giải quyết', data.procedure.name.vi);
  sheet.down(4);
  paragraph(
    sheet,
    `${receiptSentence(data, event.at)} ${processing ? 'Qua thẩm định, hồ sơ' : 'Hồ sơ'} chưa đầy đủ, hợp lệ. Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`,
  );
  const items = Array.isArray(event.data.items) ? event.data.items.map(String) : [];
  list(sheet, items);
  sheet.down(2);
  field(sheet, 'Lý do', text(event.data.reason));
  if (processing) {
    paragraph(
      sheet,
      'Thời gian giải quyết hồ sơ được tính lại từ ngày cơ quan nhận đủ hồ sơ bổ sung, hoàn thiện.',
    );
  }
  const contact = data.contactPhone ? ` (số điện thoại ${data.contactPhone})` : '';
  paragraph(
    sheet,
    `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ ${issuer.name}${contact} để được hướng dẫn.`,
  );
  signatures(sheet, [
    { title: 'NGƯỜI HƯỚNG DẪN', hint: '(Ký và ghi rõ họ tên)', name: await data.personName(event.actorId) },
  ]);
  return sheet.save();
}

export async function form03(data: FormData, event: EventRow): Promise<Uint8Array> {
  const sheet = await openForm(data, { issuer: data.receiving, at: event.at, title: NOTICE_TITLES['03'] });
  paragraph(sheet, `${data.receiving.name} đã nhận được hồ sơ của:`);
  applicant(sheet, data);
  field(sheet, 'Nội dung yêu cầu giải quyết', data.procedure.name.vi);
  sheet.down(4);
  paragraph(
    sheet,
    `Sau khi kiểm tra, ${data.receiving.name} từ chối tiếp nhận, giải quyết hồ sơ này vì lý do sau:`,
  );
  list(sheet, [text(event.data.reason) ?? '(không ghi lý do)'], () => '-');
  sheet.down(4);
  paragraph(sheet, 'Xin thông báo để ông/bà được biết và thực hiện./.');
  signatures(sheet, [
    {
      title: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      hint: '(Ký và ghi rõ họ tên)',
      name: await data.personName(event.actorId),
    },
  ]);
  return sheet.save();
}

export async function form04(data: FormData, event: EventRow): Promise<Uint8Array> {
  const issuer = data.competent;
  const sheet = await openForm(data, {
    issuer,
    at: event.at,
    title: NOTICE_TITLES['04'],
    subtitle: subtitle(data),
  });
  sheet.text([{ text: 'Kính gửi: ' }, { text: `Ông/Bà ${data.dossier.applicant.fullName}`, style: 'bold' }], {
    size: BODY_SIZE,
    align: 'center',
  });
  sheet.down(6);
  const previous = instantOf(event.data.previousDueAt);
  const next = instantOf(event.data.newDueAt);
  paragraph(sheet, receiptSentence(data, event.at));
  field(sheet, 'Thời hạn trả kết quả đã hẹn', previous ? formDateTime(previous) : null);
  paragraph(
    sheet,
    `Tuy nhiên, ${issuer.name} không thể trả kết quả giải quyết hồ sơ của ông/bà đúng hẹn. Lý do: ${text(event.data.reason) ?? '(không ghi lý do)'}.`,
  );
  paragraph(
    sheet,
    `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${issuer.name} xin lỗi ông/bà và hẹn trả kết quả giải quyết hồ sơ vào:`,
  );
  if (next) sheet.text([{ text: formDateTime(next), style: 'bold' }], { size: BODY_SIZE, align: 'center' });
  sheet.down(4);
  paragraph(sheet, 'Trân trọng./.');
  signatures(sheet, [{ ...HEAD_SIGNATURE, name: await data.personName(event.actorId) }]);
  return sheet.save();
}

/** Form 05 as the applicant's request (withdrawal) or as the authority's notice (suspension). */
export async function form05(data: FormData, event: EventRow): Promise<Uint8Array> {
  const reason = text(event.data.reason);
  if (event.type === 'withdraw') {
    const sheet = await openForm(data, {
      issuer: null,
      place: data.receiving.place,
      at: event.at,
      title: WITHDRAWAL_TITLE,
      subtitle: subtitle(data),
    });
    sheet.text([{ text: 'Kính gửi: ' }, { text: data.receiving.name, style: 'bold' }], {
      size: BODY_SIZE,
      align: 'center',
    });
    sheet.down(6);
    applicant(sheet, data, 'Tôi là');
    sheet.down(4);
    paragraph(
      sheet,
      `Tôi đã nộp hồ sơ đề nghị giải quyết thủ tục «${data.procedure.name.vi}»${data.dossier.code ? ` (mã hồ sơ ${data.dossier.code})` : ''}. Nay tôi đề nghị dừng giải quyết hồ sơ này và rút hồ sơ.`,
    );
    field(sheet, 'Lý do', reason ?? '(không nêu)');
    paragraph(sheet, `Đề nghị được gửi lúc ${formDateTime(event.at)}.`);
    signatures(sheet, [
      { title: 'NGƯỜI ĐỀ NGHỊ', hint: '(Ký và ghi rõ họ tên)', name: data.dossier.applicant.fullName },
    ]);
    return sheet.save();
  }
  const issuer = data.competent;
  const sheet = await openForm(data, {
    issuer,
    at: event.at,
    title: SUSPENSION_TITLE,
    subtitle: subtitle(data),
  });
  sheet.text([{ text: 'Kính gửi: ' }, { text: `Ông/Bà ${data.dossier.applicant.fullName}`, style: 'bold' }], {
    size: BODY_SIZE,
    align: 'center',
  });
  sheet.down(6);
  paragraph(sheet, receiptSentence(data, event.at));
  paragraph(
    sheet,
    `${issuer.name} thông báo dừng giải quyết hồ sơ của ông/bà kể từ ${formDateTime(event.at)}.`,
  );
  field(sheet, 'Lý do', reason);
  sheet.down(4);
  paragraph(sheet, 'Xin thông báo để ông/bà được biết./.');
  signatures(sheet, [{ ...HEAD_SIGNATURE, name: await data.personName(event.actorId) }]);
  return sheet.save();
}
