import type { PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import QRCode from 'qrcode';

/** The QR symbol of `text`, as rows of dark (true) and light modules; level M survives a smudge. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => modules.get(r, c) === 1),
  );
}

/**
 * Draws the QR code of `text` as vector rectangles (sharp at any zoom or print resolution, and no
 * image codec needed) with its top-left corner at (x, top) and `size` points wide, quiet zone
 * included: four light modules on each side, which the caller must leave blank.
 */
export function drawQr(page: PDFPage, text: string, x: number, top: number, size: number): void {
  const matrix = qrMatrix(text);
  const quiet = 4;
  const unit = size / (matrix.length + 2 * quiet);
  const black = rgb(0, 0, 0);
  matrix.forEach((row, r) => {
    // One rectangle per horizontal run of dark modules keeps the page small.
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      page.drawRectangle({
        x: x + (quiet + start) * unit,
        y: top - (quiet + r + 1) * unit,
        width: (c - start) * unit,
        height: unit,
        color: black,
      });
    }
  });
}
