/**
 * Drawing helpers for A4 administrative forms with pdf-lib: embedded DejaVu fonts (the standard
 * PDF fonts have no Vietnamese glyphs), word-wrapped mixed-style paragraphs, tables that break
 * across pages, and a cursor that moves down the page. The fonts come from the npm package
 * `dejavu-fonts-ttf`, so the server needs no system fonts.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
} as const;
export type Style = keyof typeof FONT_FILES;

// Read once per process; each document embeds only the glyphs it uses (subset).
let fontBytes: Promise<Record<Style, Uint8Array>> | undefined;
function loadFontBytes(): Promise<Record<Style, Uint8Array>> {
  fontBytes ??= (async () => {
    const read = (s: Style) => fs.readFile(path.join(fontDir, FONT_FILES[s]));
    const [regular, bold, italic] = await Promise.all([read('regular'), read('bold'), read('italic')]);
    return { regular, bold, italic };
  })();
  return fontBytes;
}

/** A4 in points; margins after Decree 30/2020 (left 30 mm, right 20 mm, top and bottom 20 mm). */
const PAGE = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;
const MARGIN = { left: 30 * MM, right: 20 * MM, top: 20 * MM, bottom: 20 * MM };
export const BLACK = rgb(0, 0, 0);

export type Run = { text: string; style?: Style };
export type Align = 'left' | 'center' | 'right';
export type TextOptions = {
  size?: number;
  align?: Align;
  /** Column, default the whole text width. */
  x?: number;
  width?: number;
  /** Extra indent of the first line (numbered items hang by using a negative value with x). */
  indent?: number;
};
type Piece = { text: string; font: PDFFont; width: number };
export type Line = { pieces: Piece[]; width: number };

/** Text as drawn: composed (NFC, so each Vietnamese letter is one glyph), no tabs or carriage returns. */
const clean = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f]/g, ' ');

export class Sheet {
  page: PDFPage;
  /** The baseline cursor: where the next line's top is. */
  y: number;
  readonly left = MARGIN.left;
  readonly width = PAGE.width - MARGIN.left - MARGIN.right;

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: Record<Style, PDFFont>,
  ) {
    this.page = doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
  }

  static async create(meta: { title: string; author: string; subject: string; at: Date }): Promise<Sheet> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const bytes = await loadFontBytes();
    const fonts = {} as Record<Style, PDFFont>;
    for (const style of Object.keys(FONT_FILES) as Style[]) {
      fonts[style] = await doc.embedFont(bytes[style], { subset: true });
    }
    doc.setTitle(clean(meta.title), { showInWindowTitleBar: true });
    doc.setAuthor(clean(meta.author));
    doc.setSubject(clean(meta.subject));
    doc.setLanguage('vi-VN');
    doc.setCreator('Chính quyền số');
    doc.setProducer('Chính quyền số (pdf-lib)');
    doc.setCreationDate(meta.at);
    doc.setModificationDate(meta.at);
    return new Sheet(doc, fonts);
  }

  lineHeight(size: number): number {
    return size * 1.4;
  }

  textWidth(text: string, size: number, style: Style = 'regular'): number {
    return this.fonts[style].widthOfTextAtSize(clean(text), size);
  }

  /** Starts a new page when fewer than `height` points are left above the bottom margin. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN.bottom) return false;
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
    return true;
  }

  down(points: number): void {
    this.y -= points;
  }

  private readonly widths = new Map<PDFFont, Map<string, number>>();

  /** The width of one character, measured once per font (at size 1, scaled). */
  private charWidth(font: PDFFont, char: string, size: number): number {
    // Each call of widthOfTextAtSize lays the text out afresh (about half a millisecond).
    let known = this.widths.get(font);
    if (!known) {
      known = new Map();
      this.widths.set(font, known);
    }
    let w = known.get(char);
    if (w === undefined) {
      w = font.widthOfTextAtSize(char, 1);
      known.set(char, w);
    }
    return w * size;
  }

  /** Breaks runs into lines of at most `width` points; a word longer than a line is cut. */
  wrap(runs: Run[], size: number, width: number, indent = 0): Line[] {
    const lines: Line[] = [];
    let line: Line = { pieces: [], width: 0 };
    let room = width - indent;
    let pendingSpace = false;
    const flush = () => {
      lines.push(line);
      line = { pieces: [], width: 0 };
      room = width;
      pendingSpace = false;
    };
    const place = (word: string, font: PDFFont) => {
      const spaced = pendingSpace && line.pieces.length > 0 ? ` ${word}` : word;
      const w = font.widthOfTextAtSize(spaced, size);
      const last = line.pieces.at(-1);
      if (last && last.font === font) {
        last.text += spaced;
        last.width += w;
      } else line.pieces.push({ text: spaced, font, width: w });
      line.width += w;
      pendingSpace = false;
    };
    for (const run of runs) {
      const font = this.fonts[run.style ?? 'regular'];
      for (const token of clean(run.text).split(/(\n| +)/)) {
        if (token === '') continue;
        if (token === '\n') {
          flush();
          continue;
        }
        if (token.startsWith(' ')) {
          pendingSpace = true;
          continue;
        }
        const space = pendingSpace && line.pieces.length > 0 ? font.widthOfTextAtSize(' ', size) : 0;
        const w = font.widthOfTextAtSize(token, size);
        if (line.width + space + w <= room) {
          place(token, font);
          continue;
        }
        if (line.pieces.length > 0) flush();
        // A URL or code longer than the line: cut it where it no longer fits (by code point, so an
        // astral character is never split). One pass adding up each character's width: measuring
        // the rest again for every line took seconds for fifty 500-character items (issue 25).
        const chars = Array.from(token);
        let start = 0;
        let used = 0;
        for (let i = 0; i < chars.length; i++) {
          const w = this.charWidth(font, chars[i]!, size);
          if (used + w > room && i > start) {
            // Kerning can make a piece a hair wider than the sum of its characters: the real width decides.
            let end = i;
            while (end - 1 > start && font.widthOfTextAtSize(chars.slice(start, end).join(''), size) > room)
              end--;
            place(chars.slice(start, end).join(''), font);
            flush();
            // The next line starts with the character at `end` (the loop moves past it).
            i = end;
            start = end;
            used = this.charWidth(font, chars[end]!, size);
            continue;
          }
          used += w;
        }
        place(chars.slice(start).join(''), font);
      }
    }
    if (line.pieces.length > 0 || lines.length === 0) lines.push(line);
    return lines;
  }

  /** Draws wrapped text at the cursor, moving it down and onto new pages as needed. */
  text(content: string | Run[], options: TextOptions = {}): void {
    const runs = typeof content === 'string' ? [{ text: content }] : content;
    const size = options.size ?? 11;
    const x = options.x ?? this.left;
    const width = options.width ?? this.width;
    const indent = options.indent ?? 0;
    const lh = this.lineHeight(size);
    this.wrap(runs, size, width, indent).forEach((line, i) => {
      this.ensure(lh);
      this.drawLine(line, x + (i === 0 ? indent : 0), width - (i === 0 ? indent : 0), size, options.align);
      this.y -= lh;
    });
  }

  /** Draws text in a fixed column from `top` without page breaks; returns the y below it. */
  column(content: string | Run[], top: number, options: TextOptions = {}): number {
    const saved = this.y;
    this.y = top;
    const runs = typeof content === 'string' ? [{ text: content }] : content;
    const size = options.size ?? 11;
    const x = options.x ?? this.left;
    const width = options.width ?? this.width;
    for (const line of this.wrap(runs, size, width)) {
      this.drawLine(line, x, width, size, options.align);
      this.y -= this.lineHeight(size);
    }
    const bottom = this.y;
    this.y = saved;
    return bottom;
  }

  /** Draws one wrapped line whose top is at the cursor. */
  drawLine(line: Line, x: number, width: number, size: number, align: Align = 'left'): void {
    let at =
      align === 'center' ? x + (width - line.width) / 2 : align === 'right' ? x + width - line.width : x;
    // The baseline sits below the line's top by about the font's ascent.
    const baseline = this.y - size;
    for (const p of line.pieces) {
      this.page.drawText(p.text, { x: at, y: baseline, size, font: p.font, color: BLACK });
      at += p.width;
    }
  }

  /** A horizontal rule centred on `cx` (the short lines under the header blocks). */
  rule(cx: number, y: number, length: number): void {
    this.page.drawLine({
      start: { x: cx - length / 2, y },
      end: { x: cx + length / 2, y },
      thickness: 0.6,
      color: BLACK,
    });
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
