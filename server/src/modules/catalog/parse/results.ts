// `ket_qua_xu_ly`: results as "<name>Mã: <code>" run together, followed by the page's "Từ khóa…Mô tả…" block
// and form widgets ("Chọn cơ quan thực hiện…Nộp hồ sơ"), which are dropped.

import { clean, excerpt } from './text.ts';
import { type Channel, problem, type Result, type ResultType } from './types.ts';

// A result code ("KQ.G12.001222", "001.00.20.G01-KQ0060102") runs into the next result's name ("…001222Thông báo").
const CODE = /^[\p{Lu}\d][\p{Lu}\d.\-_]*?(?=\p{Lu}\p{Ll}|[^\p{Lu}\d.\-_]|$)/u;

// One token typed where a code belongs, up to the next capitalised word.
const ODD_CODE = /^[\p{L}\d._-]+?(?=\p{Lu}\p{Ll}|\s*$)/u;

export function parseResults(text: string): { results: Result[]; problems: string[] } {
  const cut = text.indexOf('Từ khóa');
  const head = (cut < 0 ? text : text.slice(0, cut)).trim();
  if (clean(head) === '') return { results: [], problems: [problem('no result listed')] };
  const problems: string[] = [];
  const results: Result[] = [];
  const pieces = head.split(/Mã:\s*/u);
  let name = pieces[0]!;
  for (let i = 1; i <= pieces.length; i++) {
    const piece = pieces[i];
    let code: string | null = null;
    let nextName = '';
    if (piece !== undefined) {
      const m = CODE.exec(piece);
      // "Mã: Chưa xác định" is no code; "KQ.G10.000246...văn bản" ends before the dots.
      const word = m !== null && !/\d/.test(m[0]) && /^\p{Ll}/u.test(piece.slice(m[0].length));
      const raw = m === null || word ? '' : m[0];
      code = raw.replace(/[.\-_]+$/u, '') || null;
      nextName = piece.slice(raw.length);
      const odd = code === null ? ODD_CODE.exec(piece) : null;
      if (odd && (/^\p{Ll}/u.test(odd[0]) || /\d/.test(odd[0]))) {
        // "Mã: rjwegefu", "Mã: Test_P001", "Mã: hgvg6Quyết định …": placeholder codes typed into the portal.
        code = odd[0];
        nextName = piece.slice(odd[0].length);
        problems.push(problem('result code not in the usual form', code));
      }
    }
    const n = clean(name);
    if (n !== '' || code !== null) {
      if (code === null) problems.push(problem('result without a code', excerpt(n, 60)));
      const result = { name: n === '' ? (code ?? '') : n, code };
      if (!results.some((r) => r.name === result.name && r.code === result.code)) results.push(result);
    }
    if (piece === undefined) break;
    name = nextName;
  }
  return { results, problems };
}

const ELECTRONIC_NAME =
  /(bản|văn bản|thẻ|thị thực|giấy phép|kết quả|bản sao|chứng thư|giấy chứng nhận|chứng chỉ)( có)?\s+điện tử(?!\p{L})|VNeID|thư điện tử|email|qua Cổng dịch vụ công/iu;
const PAPER_NAME = /bản giấy|văn bản giấy|thẻ cứng|bằng giấy|dạng giấy|điện tử\/giấy/iu;
const RESULT_RETURN = /(trả|nhận|gửi) kết quả[^.;]{0,80}/giu;
const ELECTRONIC_RETURN = /điện tử|Cổng|VNeID|thư điện tử|email|trực tuyến|tài khoản/iu;
const PAPER_RETURN = /bưu chính|bưu điện|trực tiếp|tại (trụ sở|bộ phận|cơ quan|trung tâm)/iu;

/**
 * Paper, electronic or both, only from explicit wording: result names ("thị thực điện tử", "bản giấy",
 * "thẻ cứng") and how the channel descriptions say results are returned ("nhận kết quả qua dịch vụ bưu chính"
 * = paper, "trả kết quả qua Cổng dịch vụ công" = electronic). A plain "Giấy phép" says neither: unknown.
 */
export function resultTypeOf(results: Result[], channels: Channel[]): ResultType {
  let paper = false;
  let electronic = false;
  for (const r of results) {
    if (PAPER_NAME.test(r.name)) paper = true;
    if (ELECTRONIC_NAME.test(r.name)) electronic = true;
  }
  for (const c of channels) {
    for (const m of c.description.matchAll(RESULT_RETURN)) {
      if (PAPER_RETURN.test(m[0])) paper = true;
      if (ELECTRONIC_RETURN.test(m[0])) electronic = true;
    }
  }
  if (paper && electronic) return 'both';
  if (paper) return 'paper';
  if (electronic) return 'electronic';
  return 'unknown';
}
