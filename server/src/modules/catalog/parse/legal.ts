// `can_cu_phap_ly`: the table "Tên văn bản pháp lý | Mã văn bản" run together, e.g.
//   "Tên văn bản pháp lýMã văn bảnLuật Khiếu nại  năm 201102/2011/QH13Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP"
// A row ends with its document number glued to the next row's title; numbers inside a title are followed by a
// space, punctuation or the row's own number.

import { clean, excerpt, orNull } from './text.ts';
import { type LegalBasis, problem } from './types.ts';

const HEADER = 'Tên văn bản pháp lýMã văn bản';
// "05/2012/NĐ-CP", "02/2011/QH13", "53/2010/QĐ-TTg", "72/2011/TTLT-BTC-BGTVT", "6968/QĐ-BCA", and the typos
// "21/2008/TTLT- BQP-BLĐTBXH-BTC", "191/2005/TTLT/BQP-BLĐTBXH-BTC", "31/2025/TT_BCA". Digits after a
// legislature's "QH13" are the next number's; capitals glued at the end are trimmed by `numberEnd`.
const SEG = String.raw`(?:TTg|\p{Lu}*QH\d{2}|\p{Lu}+)`;
const NUMBER = new RegExp(String.raw`(\d{1,5})\/(?:(\d{4})\/)?(${SEG}(?:(?:- ?|\/|_)${SEG})*)`, 'gu');
// A prefix of the number column glued to the previous title ("…Chính phủNghị định số 92/2018/NĐ-CP").
const GLUED_PREFIX =
  /(?<=\S)(?:Luật|Luất|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Pháp lệnh|Văn bản)?\s*(?:số|Số)?\s*$/u;

export function parseLegalBasis(text: string): { legalBasis: LegalBasis[] | string; problems: string[] } {
  const trimmed = text.trim();
  if (orNull(trimmed) === null) return { legalBasis: [], problems: [problem('no legal basis listed')] };
  if (!trimmed.startsWith(HEADER)) {
    return {
      legalBasis: clean(trimmed),
      problems: [problem('legal basis not structured', excerpt(trimmed, 80))],
    };
  }
  const body = trimmed.slice(HEADER.length);
  const problems: string[] = [];
  const rows: LegalBasis[] = [];
  const push = (title: string, number: string | null) => {
    const t = clean(title.replace(GLUED_PREFIX, ''));
    const row = { title: t === '' ? (number ?? '') : t, number };
    if (row.title === '') return;
    if (!rows.some((r) => r.title === row.title && r.number === row.number)) rows.push(row);
  };

  let rowStart = 0;
  let lastEnd = 0;
  for (const m of body.matchAll(NUMBER)) {
    let start = m.index;
    let digits = m[1]!;
    // The digits may be glued to the title's own digits: "năm 201102/2011/QH13" = "năm 2011" + "02/2011/QH13".
    let runStart = start;
    while (runStart > lastEnd && /\d/.test(body[runStart - 1]!)) runStart--;
    const run = body.slice(runStart, start) + digits;
    if (run.length > 4 && /^(19|20)\d\d/.test(run)) {
      digits = run.slice(4);
      start = runStart + 4;
    }
    const suffix = numberEnd(m[3]!, body.slice(m.index + m[0].length));
    const end = m.index + m[0].length - (m[3]!.length - suffix.length);
    lastEnd = end;
    const next = body.slice(end, end + 2);
    const endsRow = next === '' || /^[^\s\d,;:)./]/u.test(next) || /^\.\p{Lu}/u.test(next);
    if (!endsRow) continue;
    const number = `${digits}/${m[2] === undefined ? '' : `${m[2]}/`}${suffix}`;
    push(body.slice(rowStart, start), number);
    rowStart = next.startsWith('.') ? end + 1 : end;
  }
  const tail = clean(body.slice(rowStart));
  const bare = /^(.*?)(\d{1,5}\/\d{4})$/u.exec(tail); // "…theo chuỗi giá trị24/2024": a number without its type
  if (bare && bare[1]!.trim() !== '') push(bare[1]!, bare[2]!);
  else if (tail !== '') {
    push(tail, null);
    problems.push(problem('legal basis row without a number', excerpt(tail, 80)));
  }
  if (rows.length === 0)
    return { legalBasis: clean(body), problems: [problem('legal basis not structured')] };
  return { legalBasis: rows, problems };
}

// A Vietnamese syllable's beginning: an initial consonant (cluster) and a vowel, or a vowel and a vowel or final.
const SYLLABLE_START =
  /^((ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])[aeiouy]|[aeiouy][aeiouycmnpt])/i;

const TITLE_WORD = /^(Luật|Quy|Quyết|Nghị|Thông|Hướng|Sửa|Về|Ban|Bộ|Pháp|Chỉ|Văn)(?!\p{Ll})/u;

/** Without diacritics, for syllable tests: "Nghị" → "Nghi", "Đ" → "D". */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd');
}
const DIACRITIC_CAPITAL = /[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]/u;

/**
 * The number's type suffix without the start of the next title glued to it: "TT-BCA" from "TT-BCALuật" (a capital
 * starting a syllable), "TT-BTC" from "TT-BTCquy định" (kept whole: "Cq" starts no syllable), "TT_BCA" from
 * "TT_BCALUẬT HÀNG KHÔNG" (capitals with diacritics never occur in numbers). "NĐ-CP" stays whole before "hướng"
 * because a last part of one letter is not a number's.
 */
function numberEnd(suffix: string, after: string): string {
  const accented = DIACRITIC_CAPITAL.exec(suffix);
  if (accented) {
    // Walk back over the syllable's vowels and its initial consonants.
    let i = accented.index;
    while (i > 0 && /[AĂÂEÊIOÔƠUƯY]/u.test(suffix[i - 1]!)) i--;
    const head = suffix.slice(0, i);
    const initial = /(NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDĐGHKLMNPQRSTVX])$/u.exec(head);
    return head.slice(0, head.length - (initial?.[0].length ?? 0)).replace(/[-_/\s]+$/u, '');
  }
  if (/^\p{Ll}/u.test(after)) {
    // "NĐ-CP- Luật …": a separator and one capital before lower case start the next title.
    const lone = /(- ?|\/|_)\p{Lu}$/u.exec(suffix);
    if (lone) return suffix.slice(0, lone.index);
    const last = suffix.at(-1)!;
    const word = last + after;
    if (suffix.endsWith('QH')) return suffix;
    if (/\p{Lu}{3}$/u.test(suffix) && SYLLABLE_START.test(plain(word.slice(0, 5))))
      return suffix.slice(0, -1);
    // "118/2025/NĐ-CLuật Đất đai" (a typo for NĐ-CP): the usual first words of a title.
    if (TITLE_WORD.test(word)) return suffix.slice(0, -1);
  }
  return suffix;
}
