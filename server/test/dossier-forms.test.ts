import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import jsQRModule from 'jsqr';
import { afterAll, expect, it } from 'vitest';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

// jsqr is CommonJS typed as an ES module: at run time its default import is the function itself.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;
const PROCEDURE = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp, online, 5 working days
const PROCEDURE_NAME = 'Cấp thẻ tư vấn viên pháp luật';
type Dossier = {
  id: string;
  code: string | null;
  status: string;
  dueAt: string | null;
  receivedAt: string | null;
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-forms-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes the PDF and reads it back as poppler does: the layout text, whitespace runs folded to one space. */
function pdfText(res: LightMyRequestResponse, name: string): { text: string; file: string } {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const file = path.join(tmp, name);
  fs.writeFileSync(file, res.rawPayload);
  const raw = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { text: raw.replace(/\s+/g, ' '), file };
}

/** Renders page 1 to grey pixels (poppler) and reads the QR code on it. */
function qrOnPage(file: string): string | null {
  const prefix = path.join(tmp, `${path.basename(file, '.pdf')}-page`);
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-singlefile', '-f', '1', '-l', '1', file, prefix]);
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.fill(grey[i]!, i * 4, i * 4 + 3);
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** "2026-12-01T16:00:00+07:00" as the forms print it: "16 giờ 00 phút, ngày 01/12/2026". */
function printed(iso: string): string {
  const [, y, m, d, hh, mm] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)!;
  return `${hh} giờ ${mm} phút, ngày ${d}/${m}/${y}`;
}

describeEachEngine('dossier forms: the one-stop PDFs (Circular 01/2018, 03/2025)', { seed: true }, (ctx) => {
  const h = useApp(ctx);
  const { ids, agencies, as } = useDemoSessions(ctx, h, [
    'nguyenvanan',
    'tranthibinh',
    'motcua',
    'lanhdao',
    'chuyenvien',
  ]);
  const command = async (who: string, id: string, body: Record<string, unknown>) => {
    const res = await as(who, { method: 'POST', url: `/api/dossiers/${id}/commands`, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Dossier;
  };
  const submit = async (who: string) => {
    const res = await as(who, {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: PROCEDURE, formData: {} },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Dossier;
  };
  const form = (who: string, id: string, n: string) =>
    as(who, { method: 'GET', url: `/api/dossiers/${id}/forms/${n}` });

  let online: Dossier;

  it('prints Form 01 with the code, appointment, applicant, procedure and a QR code of the tracking page', async () => {
    const submitted = await submit('nguyenvanan');
    const early = await form('nguyenvanan', submitted.id, '01');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'DOSSIER.FORM_NOT_ISSUED' });
    expect(early.json().detail).toContain('chưa được tiếp nhận');

    online = await command('motcua', submitted.id, { type: 'receive' });
    const code = online.code!;
    const res = await form('nguyenvanan', online.id, '01');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${code}-mau-01.pdf"`);
    const { text, file } = pdfText(res, 'form-01.pdf');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Ông/Bà: Nguyễn Văn An');
    expect(text).toContain(PROCEDURE_NAME);
    expect(text).toContain(`Thời gian trả kết quả giải quyết hồ sơ: ${printed(online.dueAt!)}`);
    expect(text).toContain(`Thời gian nhận hồ sơ: ${printed(online.receivedAt!)}`);
    const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})/.exec(online.receivedAt!)!;
    const month = Number(m) < 3 ? m : String(Number(m));
    expect(text).toContain(`Tuyên Quang, ngày ${d} tháng ${month} năm ${y}`);
    expect(text).toContain('Bản chính');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Nguyễn Thị Mai'); // the desk officer who received it
    const url = `${ctx.config.publicUrl}/tra-cuu?ma=${code}`;
    expect(text.replace(/\s/g, '')).toContain(url); // printed for those without a camera (may wrap)
    expect(qrOnPage(file)).toBe(url);

    // The desk may print it too; another citizen cannot even learn it exists.
    expect((await form('motcua', online.id, '01')).statusCode).toBe(200);
    const stranger = await form('tranthibinh', online.id, '01');
    expect(stranger.statusCode).toBe(404);
    expect(stranger.headers['content-type']).toContain('application/problem+json');
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/dossiers/${online.id}/forms/01` })).statusCode,
    ).toBe(401);
    const notIssued = await form('nguyenvanan', online.id, '04');
    expect(notIssued.statusCode).toBe(409);
    expect(notIssued.json()).toMatchObject({ code: 'DOSSIER.FORM_NOT_ISSUED' });
    expect(notIssued.json().en.detail).toContain('Form 04');
    expect((await form('nguyenvanan', online.id, '06')).json().errors[0].field).toBe('params.form');
  });

  it('prints Form 02 with the items to supply, Form 04 with the new date and Form 05 for a suspension', async () => {
    await command('lanhdao', online.id, { type: 'assign', handlerId: ids.chuyenvien });
    await command('chuyenvien', online.id, {
      type: 'request_supplement',
      items: ['Bản sao có chứng thực bằng cử nhân luật', 'Giấy chứng nhận sức khỏe còn hiệu lực'],
      reason: 'Thiếu văn bằng chuyên môn',
    });
    const f02 = pdfText(await form('nguyenvanan', online.id, '02'), 'form-02.pdf').text;
    expect(f02).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(f02).toContain('1. Bản sao có chứng thực bằng cử nhân luật');
    expect(f02).toContain('2. Giấy chứng nhận sức khỏe còn hiệu lực');
    expect(f02).toContain('Lý do: Thiếu văn bằng chuyên môn');
    expect(f02).toContain('Trần Văn Hùng'); // the specialist who asked
    expect(f02).toContain(`Mã hồ sơ: ${online.code}`);

    const supplied = await command('nguyenvanan', online.id, { type: 'supply' });
    const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})/.exec(supplied.dueAt!)!;
    const later = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + 7));
    const newDue = `${later.toISOString().slice(0, 10)}T10:30:00+07:00`;
    await command('lanhdao', online.id, {
      type: 'extend',
      newDueAt: newDue,
      reason: 'Cần xác minh thông tin với cơ quan cấp văn bằng',
    });
    const f04 = pdfText(await form('nguyenvanan', online.id, '04'), 'form-04.pdf').text;
    expect(f04).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(f04).toContain('Kính gửi: Ông/Bà Nguyễn Văn An');
    expect(f04).toContain(printed(newDue));
    expect(f04).toContain(`Thời hạn trả kết quả đã hẹn: ${printed(supplied.dueAt!)}`);
    expect(f04).toContain('Cần xác minh thông tin với cơ quan cấp văn bằng');
    expect(f04).toContain('Lê Minh Tuấn'); // the leader who signed the apology

    await command('lanhdao', online.id, { type: 'suspend', reason: 'Người nộp đề nghị dừng tại quầy' });
    const f05 = pdfText(await form('motcua', online.id, '05'), 'form-05.pdf').text;
    expect(f05).toContain('PHIẾU THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(f05).toContain('Lý do: Người nộp đề nghị dừng tại quầy');
    // Form 01 still prints the appointment as issued at receipt.
    expect(pdfText(await form('nguyenvanan', online.id, '01'), 'form-01b.pdf').text).toContain(
      printed(online.dueAt!),
    );
  });

  it('prints Form 03 for a refusal at intake and Form 05 for a withdrawal, before any code exists', async () => {
    const refused = await submit('tranthibinh');
    await command('motcua', refused.id, {
      type: 'refuse_intake',
      reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của Sở Tư pháp',
    });
    const res = await form('tranthibinh', refused.id, '03');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${refused.id}-mau-03.pdf"`);
    const f03 = pdfText(res, 'form-03.pdf').text;
    expect(f03).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(f03).toContain('Ông/Bà: Trần Thị Bình');
    expect(f03).toContain('Hồ sơ không thuộc thẩm quyền giải quyết của Sở Tư pháp');
    expect((await form('tranthibinh', refused.id, '01')).statusCode).toBe(409);

    // An intake supplement request comes from the desk, before any code.
    const incomplete = await submit('tranthibinh');
    await command('motcua', incomplete.id, { type: 'request_supplement', items: ['Ảnh chân dung 3x4'] });
    const f02 = pdfText(await form('tranthibinh', incomplete.id, '02'), 'form-02-intake.pdf').text;
    expect(f02).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(f02).toContain('1. Ảnh chân dung 3x4');
    expect(f02).toContain('Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang đã nhận được hồ sơ');
    expect(f02).not.toContain('Mã hồ sơ');

    const withdrawn = await submit('tranthibinh');
    await command('tranthibinh', withdrawn.id, { type: 'withdraw', reason: 'Tôi nộp nhầm thủ tục' });
    const f05 = pdfText(await form('tranthibinh', withdrawn.id, '05'), 'form-05w.pdf').text;
    expect(f05).toContain('PHIẾU ĐỀ NGHỊ DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(f05).toContain('Lý do: Tôi nộp nhầm thủ tục');
    expect(f05).toContain('NGƯỜI ĐỀ NGHỊ');
  });

  it('prints Form 01 at the counter with the address from the commune map', async () => {
    const [commune] = await ctx.database.rows<{ code: string; name: string }>(
      sql`SELECT code, name FROM admin_unit WHERE level = 'commune' AND province_code = '08' AND valid_to IS NULL ORDER BY code LIMIT 1`,
    );
    const res = await as('motcua', {
      method: 'POST',
      url: '/api/dossiers/counter',
      payload: {
        procedureCode: PROCEDURE,
        channel: 'direct',
        deskAgencyId: agencies.motcua,
        applicant: {
          fullName: 'Hoàng Thị Thủy Tiên',
          cccd: null,
          phone: '0911222333',
          email: null,
          addressCommuneCode: commune!.code,
          addressDetail: 'Số 12, tổ 5',
        },
        formData: {},
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as Dossier;
    const text = pdfText(await form('motcua', d.id, '01'), 'form-01-counter.pdf').text;
    expect(text).toContain('Ông/Bà: Hoàng Thị Thủy Tiên');
    expect(text).toContain(`Địa chỉ: Số 12, tổ 5, ${commune!.name}, Tỉnh Tuyên Quang`);
    expect(text).toContain('Số điện thoại: 0911222333');
    expect(text).toContain('nộp trực tiếp');
    expect(text).toContain(printed(d.dueAt!));
  });
});
