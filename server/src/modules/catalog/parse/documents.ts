// `thanh_phan_ho_so`: one or more tables "Tên giấy tờ | Mẫu đơn, tờ khai | Số lượng" run together, each preceded
// by its case-group title ("--" when there is none):
//   "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị …;Mus08.docx1 bản chínhBáo cáo …1 bản chính,1 bản sao"
//   "…1 bản chínhTrường hợp ủy quyền:Tên giấy tờMẫu đơn, tờ khaiSố lượng…"
// A row is <name><template file names><count>; the count ("1 bản chính", "0 bản chính,1 bản sao") ends it, and
// the text after a table's last count is the title of the next group.

import { clean, excerpt, orNull } from './text.ts';
import { type Document, problem } from './types.ts';

const HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
const COUNT = /(\d+) bản chính(?:,\s*(\d+) bản sao)?/gu;
const EXT = /\.(?:docx|doc|pdf|xlsx|xls|zip|rar)/giu;
const ENDS_WITH_EXT = /\.(?:docx|doc|pdf|xlsx|xls|zip|rar)$/iu;
const OPTIONAL = /nếu có|nếu cần|không bắt buộc/iu;

export function parseDocuments(text: string): { documents: Document[]; problems: string[] } {
  const problems: string[] = [];
  if (orNull(text) === null || clean(text) === '--')
    return { documents: [], problems: [problem('no documents listed')] };
  const parts = text.split(HEADER);
  if (parts.length === 1) {
    return { documents: [], problems: [problem('documents table not recognised', excerpt(text, 80))] };
  }
  const documents: Document[] = [];
  const seen = new Set<string>();
  let group = groupTitle(parts[0]!);
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k]!;
    const isLast = k === parts.length - 1;
    const counts = findCounts(part);
    let from = 0;
    for (const c of counts) {
      const rowText = part.slice(from, c.start) + c.nameDigits;
      from = c.end;
      const { name, templates, unclear } = splitTemplates(rowText);
      if (unclear) problems.push(problem('template name boundary unclear', templates[0]));
      if (name === '' && templates.length === 0) {
        problems.push(problem('document count without a name', excerpt(part.slice(c.start, c.end))));
        continue;
      }
      const doc: Document = {
        name: name === '' ? templates.join(', ') : name,
        originals: c.originals,
        copies: c.copies,
        templates,
        required: !OPTIONAL.test(name),
        group,
      };
      const key = JSON.stringify([doc.name, doc.group, doc.originals, doc.copies, doc.templates]);
      if (seen.has(key)) continue;
      seen.add(key);
      documents.push(doc);
    }
    const tail = part.slice(from);
    if (!isLast) group = groupTitle(tail);
    else if (counts.length === 0 && clean(part) !== '') {
      problems.push(problem('document rows without counts', excerpt(part, 80)));
    } else if (clean(tail) !== '') problems.push(problem('text after the last document', excerpt(tail, 80)));
  }
  if (documents.length === 0 && problems.length === 0) problems.push(problem('no documents listed'));
  return { documents, problems };
}

function groupTitle(text: string): string | null {
  const t = clean(text.replace(/^-+|-+$/g, ''));
  return t === '' ? null : t;
}

type Count = { start: number; end: number; originals: number; copies: number; nameDigits: string };

/**
 * The row-ending counts of a table. Counts are one digit glued to the row's name ("…khiếu nại1 bản chính");
 * a longer run of digits is the name's end plus the count ("Nghị định 1161 bản chính" = "Nghị định 116" + 1).
 * Counts inside names are skipped: "(01 bản chính hoặc 01 bản sao có chứng thực)", "nộp 02 bản chính tờ khai".
 */
function findCounts(text: string): Count[] {
  const counts: Count[] = [];
  for (const m of text.matchAll(COUNT)) {
    const run = m[1]!;
    const before = m.index > 0 ? text[m.index - 1]! : '';
    const after = text.slice(m.index + m[0].length);
    if (before === '(' || /^\s*(\)|hoặc\b|và\b|kèm\b|có chứng thực|\p{Ll})/u.test(after)) continue;
    if (/^\s?$|[:\s]/.test(before) && run.length >= 2 && run.startsWith('0')) continue;
    if (/^ \p{Ll}/u.test(after)) continue;
    const copies = m[2] === undefined ? 0 : Number(m[2]);
    counts.push({
      start: m.index,
      end: m.index + m[0].length,
      originals: Number(run.slice(-1)),
      copies,
      nameDigits: run.slice(0, -1),
    });
  }
  return counts;
}

/** Splits "<name><file>.docx<file>.docx" into the name and the template file names. */
export function splitTemplates(rowText: string): { name: string; templates: string[]; unclear: boolean } {
  const text = rowText.trimEnd();
  if (!ENDS_WITH_EXT.test(text)) return { name: tidyName(text), templates: [], unclear: false };
  const exts = [...text.matchAll(EXT)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // File names glued one after the other at the row's end ("Mau42.docxMau46.docx"): walk back while the
  // piece between two extensions looks like a file name, not prose ("định dạng đuôi “.doc” chứa …").
  let first = exts.length - 1;
  while (first > 0) {
    const piece = text.slice(exts[first - 1]!.end, exts[first]!.start);
    if (piece === '' || piece.length > 120 || /^[\s"“”']/u.test(piece)) break;
    first--;
  }
  const { start, unclear } = fileNameStart(text.slice(0, exts[first]!.start));
  const templates: string[] = [];
  let cursor = start;
  for (const e of exts.slice(first)) {
    templates.push(clean(text.slice(cursor, e.end)));
    cursor = e.end;
  }
  return { name: tidyName(text.slice(0, start)), templates: templates.filter((t) => t !== ''), unclear };
}

function tidyName(text: string): string {
  return clean(text).replace(/\s*[;,:]$/u, '');
}

/**
 * Where the first template file name begins in `text` (which ends just before that file's extension). The file
 * name is glued to the document's name, so the boundary is guessed: the leftmost, within the last 80 characters
 * (else 160), of: after ";"; after "." or ")" when a letter or digit follows ("…NHNN.Phụ lục VII", "(mẫu NA17)101-Mau");
 * a lower-case letter, or a digit, followed by a capitalised word ("sinh họcĐơn đề nghị", "…25/01/2026Mau so 01"); a lower-case letter followed by a digit ("chung1.000423.docx");
 * an acronym followed by a capitalised word ("NĐ-CPMau42").
 * Without any, the last space-separated word.
 */
function fileNameStart(text: string): { start: number; unclear: boolean } {
  for (const window of [80, 160]) {
    for (let p = Math.max(1, text.length - window); p < text.length; p++) {
      if (isFileNameStart(text, p)) return { start: p, unclear: false };
    }
  }
  const space = text.lastIndexOf(' ');
  return { start: space < 0 ? 0 : space + 1, unclear: true };
}

function isFileNameStart(text: string, p: number): boolean {
  const before = text[p - 2] ?? '';
  const prev = text[p - 1]!;
  const ch = text[p]!;
  const next = text[p + 1] ?? '';
  return (
    (prev === ';' && ch !== ' ') ||
    (prev === '.' && /\p{L}/u.test(ch)) ||
    (prev === '.' && /\d/.test(ch) && /[\p{L})]/u.test(before)) || // "giáp lai.31-Mẫu số 1a.doc"
    ((prev === ')' || /[”"']/u.test(prev)) && /[\p{L}\d]/u.test(ch)) || // "(mẫu NA17)101-Mau A17.doc"
    (/\p{Ll}/u.test(prev) && /\p{Lu}/u.test(ch)) ||
    (/\d/.test(prev) && /\p{Lu}/u.test(ch) && /\p{Ll}/u.test(next)) || // "…ngày 25/01/2026Mau so 01.docx", not "mẫu 8B)"
    (/\p{Ll}/u.test(prev) && /\d/.test(ch)) || // "…hàng không chung1.000423.docx"
    (/\p{Lu}/u.test(prev) && /\p{Lu}/u.test(ch) && /\p{Ll}/u.test(next) && text.slice(p - 1, p + 2) !== 'TTg')
  );
}
