import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect, it, vi } from 'vitest';
import { placeAndDate } from './format.ts';
import { Sheet } from './pdf-layout.ts';
import { qrMatrix } from './qr.ts';
import { drawTable } from './table.ts';

const text = (bytes: Uint8Array) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-layout-')), 'sheet.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
};

it('wraps long Vietnamese text onto new pages and cuts words longer than a line', async () => {
  const sheet = await Sheet.create({ title: 'Thử', author: 'Thử', subject: 'Thử', at: new Date() });
  const sentence = 'Đề nghị ông/bà bổ sung bản sao có chứng thực giấy chứng nhận quyền sử dụng đất. ';
  sheet.text(sentence.repeat(120));
  const long = `https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma=${'H08.'.repeat(60)}`;
  sheet.text(long);
  sheet.text('Ký tự ngoài phông chữ 😀 và 漢字 vẫn không làm hỏng trang.');
  drawTable(
    sheet,
    [
      { title: 'TT', share: 1, align: 'center' },
      { title: 'Tên giấy tờ', share: 6 },
    ],
    [
      { group: 'Trường hợp ủy quyền:' },
      ...Array.from({ length: 40 }, (_, i) => ({ cells: [`${i + 1}`, sentence] })),
    ],
  );
  const bytes = await sheet.save();
  expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(2);
  const out = text(bytes);
  expect(out.replace(/\s+/g, ' ')).toContain(sentence.trim());
  expect(out.replace(/\s/g, '')).toContain(long);
  expect(out).toContain('Trường hợp ủy quyền:');
  // Each line stays within the text width: no line of the output is absurdly long.
  expect(Math.max(...out.split('\n').map((l) => l.trimEnd().length))).toBeLessThan(120);
});

it('cuts a word of many lines in one pass, so that long items cannot stall the server (issue 25)', async () => {
  const sheet = await Sheet.create({ title: 'Thử', author: 'Thử', subject: 'Thử', at: new Date() });
  const font = sheet.fonts.regular;
  const measure = vi.spyOn(font, 'widthOfTextAtSize');
  // Fifty 500-character items of a supplement request took seconds when every line measured the rest.
  const word = `${'x'.repeat(4000)}😀${'ă'.repeat(999)}`;
  const lines = sheet.wrap([{ text: word }], 11, sheet.width);
  expect(lines.map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe(word);
  for (const l of lines) expect(l.width).toBeLessThanOrEqual(sheet.width + 0.01);
  expect(lines.length).toBeGreaterThan(40);
  // Each character measured once, each line once or twice: never the rest of the word per line.
  expect(measure.mock.calls.length).toBeLessThan(3 * lines.length + 10);
  measure.mockRestore();
});

it('writes the place-and-date line as Decree 30 does', () => {
  expect(placeAndDate('Tuyên Quang', new Date('2026-11-24T03:00:00Z'))).toBe(
    'Tuyên Quang, ngày 24 tháng 11 năm 2026',
  );
  // Late on 4 Feb UTC is 5 Feb in Vietnam; days below 10 and months 1–2 take a leading zero.
  expect(placeAndDate('Minh Xuân', new Date('2026-02-04T18:00:00Z'))).toBe(
    'Minh Xuân, ngày 05 tháng 02 năm 2026',
  );
  expect(placeAndDate('Minh Xuân', new Date('2026-03-09T01:00:00Z'))).toBe(
    'Minh Xuân, ngày 09 tháng 3 năm 2026',
  );
});

it('draws the QR matrix of the qrcode package, finder patterns included', () => {
  const m = qrMatrix('http://localhost:3000/tra-cuu?ma=000.00.20.H08-261124-0001');
  expect(m.length).toBe(m[0]!.length);
  // The top-left finder pattern: a dark 7×7 ring around a light ring around a dark 3×3 core.
  expect(m[0]!.slice(0, 7).every(Boolean)).toBe(true);
  expect(m[1]![1]).toBe(false);
  expect(m[3]![3]).toBe(true);
});
