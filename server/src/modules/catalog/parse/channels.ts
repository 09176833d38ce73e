// `cach_thuc_thuc_hien`: the portal's table "Hình thức nộp | Thời gian | Phí, lệ phí | Mô tả" run together
// without separators, e.g. "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp3 Ngày làm việcMiễn phí(...)Mô tả…".
//
// A row starts at a channel name ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính") glued to a digit or a capital
// letter (descriptions mention channels too, but followed by a space or a colon). In a row:
//   time  = "<number> <unit>" | "<number>" (no unit) | "Không có thông tin" | "Không quy định" | free text
//   fee   = "Miễn phí" ["(note)"] | "Không có thông tin" | one or more "<amount> <VNĐ|Việt Nam Đồng|USD>" ["(note)"]
//   description = the rest of the row.

import { clean, closingParen, excerpt, parseAmount, parseDecimal } from './text.ts';
import {
  type Channel,
  type ChannelKind,
  type Duration,
  type DurationUnit,
  type Fee,
  problem,
} from './types.ts';

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const ROW_START = /(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?=[\d\p{Lu}])/gu;
const CHANNEL: Record<string, ChannelKind> = {
  'Trực tiếp': 'direct',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'postal',
};
const UNITS: Record<string, DurationUnit> = {
  'ngày làm việc': 'working_days',
  ngày: 'days',
  'giờ làm việc': 'working_hours',
  giờ: 'hours',
  tháng: 'months',
  năm: 'years',
};
const TIME_WITH_UNIT = /^(\d+(?:[.,]\d+)?)\s*(ngày làm việc|ngày|giờ làm việc|giờ|tháng|năm)/iu;
const CURRENCY = '(VNĐ|Việt Nam Đồng|USD)';
const AMOUNT_CELL = new RegExp(`^(\\d[\\d.,]*)\\s?${CURRENCY}`, 'u');
const FEE_START = new RegExp(`Miễn phí|Không có thông tin|\\d[\\d.,]*\\s?${CURRENCY}`, 'u');
const NO_INFO = 'Không có thông tin';
const NOT_SET = /^(Không quy định|Không)\s*/u;

/** How a channel's fee cell reads. */
export type FeeStatus = 'free' | 'amount' | 'by_reference' | 'unknown';

export type ChannelsParse = { channels: Channel[]; feeStatuses: FeeStatus[]; problems: string[] };

export function parseChannels(text: string): ChannelsParse {
  const problems: string[] = [];
  const trimmed = text.trim();
  if (!trimmed.startsWith(HEADER)) {
    return {
      channels: [],
      feeStatuses: [],
      problems: [problem('channel table not recognised', excerpt(trimmed, 80))],
    };
  }
  const body = trimmed.slice(HEADER.length);
  const starts = [...body.matchAll(ROW_START)];
  if (starts.length === 0) {
    return {
      channels: [],
      feeStatuses: [],
      problems: [problem('channel table has no rows', excerpt(body, 80))],
    };
  }
  const lead = clean(body.slice(0, starts[0]!.index));
  if (lead !== '') problems.push(problem('text before the first channel', excerpt(lead, 80)));

  const channels: Channel[] = [];
  const feeStatuses: FeeStatus[] = [];
  const seen = new Set<string>();
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : body.length;
    const row = parseRow(CHANNEL[m[1]!]!, body.slice(m.index + m[0].length, end), problems);
    const key = JSON.stringify(row.channel);
    if (seen.has(key)) return; // the portal often repeats a row verbatim
    seen.add(key);
    channels.push(row.channel);
    feeStatuses.push(row.feeStatus);
  });
  return { channels, feeStatuses, problems };
}

function parseRow(
  channel: ChannelKind,
  cells: string,
  problems: string[],
): { channel: Channel; feeStatus: FeeStatus } {
  let rest = cells.trimStart();
  let duration: Duration | null = null;
  let durationText = '';
  let gluedAmount = false;

  const withUnit = TIME_WITH_UNIT.exec(rest);
  const bare = /^(\d+(?:[.,]\d+)?)(?=Miễn phí|Không có thông tin|\s*$)/u.exec(rest);
  const notSet = NOT_SET.exec(rest);
  if (withUnit) {
    durationText = clean(withUnit[0]);
    const value = parseDecimal(withUnit[1]!);
    const unit = UNITS[withUnit[2]!.toLowerCase()];
    if (value !== null && unit) duration = { value, unit };
    else problems.push(problem('time not understood', durationText));
    rest = rest.slice(withUnit[0].length);
  } else if (AMOUNT_CELL.test(rest)) {
    // "Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)": a unit-less time ("1") glued to the fee ("20"); the split is
    // ambiguous, so neither the time nor this amount is used (amounts in the note still are).
    gluedAmount = true;
    problems.push(problem('time and fee run together', `${channel} "${AMOUNT_CELL.exec(rest)![0]}"`));
  } else if (bare) {
    durationText = bare[1]!;
    problems.push(problem('time without unit', `${channel} "${durationText}"`));
    rest = rest.slice(bare[0].length);
  } else if (rest.startsWith(NO_INFO)) {
    durationText = NO_INFO;
    rest = rest.slice(NO_INFO.length);
  } else if (notSet && (FEE_START.exec(rest.slice(notSet[0].length))?.index ?? -1) === 0) {
    durationText = notSet[1]!;
    rest = rest.slice(notSet[0].length);
  } else {
    const fee = FEE_START.exec(rest);
    if (fee && fee.index > 0 && fee.index <= 300) {
      durationText = clean(rest.slice(0, fee.index));
      problems.push(problem('time is not a duration', `${channel} "${excerpt(durationText, 60)}"`));
      rest = rest.slice(fee.index);
    } else if (rest.trim() !== '') {
      problems.push(problem('channel row not understood', `${channel} "${excerpt(rest, 60)}"`));
    }
  }

  const fee = parseFeeCell(rest.trimStart(), gluedAmount, channel, problems);
  // "…Không có thông tin- 05 ngày làm việc …- Lệ phí : 20.000 Đồng (…)": the amount is only in the description.
  if (fee.fees.length === 0 && /lệ phí|phí\s*:|mức thu|giá dịch vụ/iu.test(fee.rest)) {
    const described = feesInText(fee.rest);
    if (described.length > 0) {
      fee.fees.push(...described);
      fee.status = 'amount';
      problems.push(
        problem(
          'fees read from the description',
          `${channel} ${described.map((f) => f.amountVnd).join(', ')}`,
        ),
      );
    }
  }
  return {
    channel: {
      channel,
      duration,
      durationText,
      feeText: fee.feeText,
      fees: fee.fees,
      description: clean(fee.rest),
    },
    feeStatus: fee.status,
  };
}

type FeeCell = { feeText: string; fees: Fee[]; status: FeeStatus; rest: string };

function parseFeeCell(text: string, gluedAmount: boolean, channel: ChannelKind, problems: string[]): FeeCell {
  if (text.startsWith('Miễn phí')) {
    const { note, length } = takeNote(text.slice('Miễn phí'.length));
    const fees = feesInText(note);
    const status = freeCellStatus(note, fees);
    if (status === 'by_reference') {
      problems.push(problem('fee set elsewhere, amount not stated', `${channel} "${excerpt(note, 90)}"`));
    } else if (status === 'unknown') {
      problems.push(problem('fee note unclear', `${channel} "Miễn phí(${excerpt(note, 80)})"`));
    }
    return {
      feeText: clean(text.slice(0, 'Miễn phí'.length + length)),
      fees,
      status,
      rest: text.slice('Miễn phí'.length + length),
    };
  }
  if (text.startsWith(NO_INFO)) {
    // "Không có thông tinKhông có thông tin…": the time cell said nothing either; both are "no information".
    return { feeText: NO_INFO, fees: [], status: 'unknown', rest: text.slice(NO_INFO.length) };
  }
  const fees: Fee[] = [];
  let pos = 0;
  let sawAmount = false;
  for (;;) {
    const m = AMOUNT_CELL.exec(text.slice(pos));
    if (!m) break;
    sawAmount = true;
    const { note, length } = takeNote(text.slice(pos + m[0].length));
    // A glued first amount was reported by the caller and is not used.
    const stated = gluedAmount && pos === 0 ? null : statedFee(m, note, channel, problems);
    if (stated) fees.push(stated);
    for (const f of feesInText(note)) if (!fees.some((g) => g.amountVnd === f.amountVnd)) fees.push(f);
    pos += m[0].length + length;
  }
  if (sawAmount) return { feeText: clean(text.slice(0, pos)), fees, status: 'amount', rest: text.slice(pos) };
  return { feeText: '', fees: [], status: 'unknown', rest: text };
}

/** The amount of a fee cell "<amount> <currency>(note)", when it can be used as a VND fee. */
function statedFee(m: RegExpExecArray, note: string, channel: ChannelKind, problems: string[]): Fee | null {
  const stated = m[0];
  const amount = parseAmount(m[1]!);
  if (m[2] === 'USD') {
    problems.push(problem('fee in a foreign currency', `${channel} "${stated}"`));
    return null;
  }
  if (amount === null) {
    problems.push(problem('fee amount not understood', `${channel} "${stated}"`));
    return null;
  }
  if (amount < 1000) {
    // "20 VNĐ(20.000 đồng/lần)", "145 VNĐ(… 145 USD/thẻ)": the portal's amount field is often in thousands or
    // the wrong currency; no real fee is under 1,000 đồng, so the figure is not used (its note still is).
    problems.push(problem('implausible fee amount', `${channel} "${stated}"`));
    return null;
  }
  return { amountVnd: amount, label: note === '' ? 'Phí, lệ phí' : excerpt(note, 160) };
}

/** A parenthesised note at the start of `text` ("(Không có)"), without its parentheses. */
function takeNote(text: string): { note: string; length: number } {
  const end = closingParen(text);
  if (end === 0) return { note: '', length: 0 };
  if (end < 0) return { note: clean(text.slice(1)), length: text.length }; // never closed: the note runs to the row's end
  const note = text.slice(1, end - 1);
  if (/^([a-zđ]|[ivx]+|\d)$/u.test(note)) {
    // "(a) Cung cấp … 30.000.000 đồng; b) … 5.000.000 đồng.)": the ")" closed a list marker, not the note.
    const close = closingParenSkippingMarkers(text);
    if (close > 0) return { note: clean(text.slice(1, close - 1)), length: close };
  }
  return { note: clean(note), length: end };
}

/** Like `closingParen`, but ")" ending a list marker ("(a)", " b)", " ii)") neither opens nor closes. */
function closingParenSkippingMarkers(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (/(^|[\s(])([a-zđ]|[ivx]+|\d)$/u.test(text.slice(Math.max(0, i - 5), i))) continue;
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

// "Miễn phí" is what the portal prints when no amount was entered; its note decides what it means.
const FREE_NOTE = /^(không|chưa (có|quy định)|miễn (lệ )?phí\s*($|[.;(])|miễn thu\s*($|[.;(]))/iu;
const REFERENCE_NOTE =
  /quy định|theo|thông tư|nghị định|nghị quyết|quyết định|hội đồng nhân dân|ủy ban nhân dân|biểu phí|mức thu|mức (lệ )?phí|lệ phí|phí|giá/iu;

/**
 * "Miễn phí" alone or with "(Không có)", "(Miễn lệ phí (Thông tư số 47/2019/TT-BTC))" = free; with amounts in the
 * note = those amounts; with "(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh … quyết định)" = set elsewhere; with
 * only a category ("(Đối với sân bay trực thăng)") = unknown. A note of a few characters ("(a)", "(ii)") is noise.
 */
function freeCellStatus(note: string, fees: Fee[]): FeeStatus {
  const n = note.replace(/^[\s\-–+*(.]+/u, '');
  if (n.length <= 3 || FREE_NOTE.test(n)) return 'free';
  if (fees.length > 0) return 'amount';
  if (REFERENCE_NOTE.test(n)) return 'by_reference';
  return 'unknown';
}

// "8.000 đồng", "25.000.000đ", "100.000 VNĐ", "02 triệu đồng", and grouped amounts per unit: "8.000.000/lần".
const MONEY =
  /(?<![\d.,])(?:(\d{1,3}(?:[.,]\d{3})+|\d{4,})\s*(?:đồng|Đồng|VNĐ|vnđ|VND|đ(?!\p{L}))|(\d{1,3}(?:[.,]\d{3})+)(?=\/\s?\p{L})|(\d+(?:[.,]\d+)?)\s*triệu\s*(?:đồng|Đồng|VNĐ|vnđ|đ(?!\p{L})))/gu;
const NOT_A_FEE_BEFORE = /(trị giá|giá trị|vốn|dưới|quá|tối thiểu|tối đa|vượt|từ|đến|hơn)\s*(là\s*)?$/iu;

/**
 * Amounts of money stated in prose ("Lệ phí: 8.000 đồng/lần", "02 triệu đồng/lần cấp"), each labelled with
 * its clause. Thresholds and values ("hàng hóa trị giá dưới 1.000.000 đồng", "vốn 100.000.000 đồng") are not fees
 * and are skipped.
 */
export function feesInText(text: string): Fee[] {
  const fees: Fee[] = [];
  for (const m of text.matchAll(MONEY)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (NOT_A_FEE_BEFORE.test(before)) continue;
    let amount: number | null;
    const plain = m[1] ?? m[2];
    if (plain !== undefined) amount = parseAmount(plain);
    else {
      const millions = parseDecimal(m[3]!);
      amount = millions === null ? null : Math.round(millions * 1_000_000);
    }
    if (amount === null || amount < 1000) continue;
    const label = clauseAround(text, m.index, m.index + m[0].length);
    if (!fees.some((f) => f.amountVnd === amount)) fees.push({ amountVnd: amount, label });
  }
  return fees;
}

/** The clause of `text` holding [start, end): cut at ";", new lines, sentence ends and list bullets. */
function clauseAround(text: string, start: number, end: number): string {
  const head = text.slice(0, start);
  const cut = Math.max(
    head.lastIndexOf(';'),
    head.lastIndexOf('\n'),
    head.lastIndexOf('. '),
    head.lastIndexOf(' - '),
    head.lastIndexOf(' + '),
  );
  const tail = text.slice(end);
  const stop = tail.search(/;|\n|\. | - | \+ /u);
  let clause = clean(text.slice(cut + 1, stop < 0 ? text.length : end + stop))
    .replace(/^[\s\-–+*.]+/u, '')
    .replace(/\.$/u, '');
  // A ")" closing the surrounding note is not the clause's.
  while (clause.endsWith(')') && count(clause, ')') > count(clause, '(')) clause = clause.slice(0, -1);
  return excerpt(clause, 160);
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
