// Parser for procedure records scraped from the National Public Service Portal (Cổng DVCQG), as in
// server/seed/reference/procedures/national-catalogue-sample.jsonl(.gz): one JSON object per line with Vietnamese keys
// (ma_thu_tuc, ten_thu_tuc, cap_thuc_hien, cach_thuc_thuc_hien, thanh_phan_ho_so, can_cu_phap_ly, …) whose
// tables are flattened into text without separators.
//
// Rules: nothing is invented. What cannot be read is left null/empty, the three table texts are kept in `raw`,
// and every gap is named in `problems` ("<kind>: <detail>"; `stats.topProblems` counts kinds).
//
// Decisions:
// - A time without a unit ("Trực tuyến1Miễn phí", 1.007664) gives no duration: the portal's unit cell was left
//   empty and days, working days and hours all occur; `durationText` keeps "1".
// - A unit-less time glued to a fee ("Trực tuyến120 VNĐ(20.000 vnđ/tờ khai)") is ambiguous: neither is used;
//   amounts written in the fee's note still are.
// - Fee amounts under 1,000 đồng ("20 VNĐ(20.000 đồng/lần)") are the portal's amount field in thousands or the
//   wrong currency: dropped with a problem; USD fees are not converted.
// - "Miễn phí" is the portal's "no amount entered": its note may state amounts (taken), defer to another text
//   ("Theo quy định tại Thông tư liên tịch số 72/2011…", 2.000769; "Mức lệ phí do Hội đồng nhân dân tỉnh quyết
//   định") — then the procedure is not fee-free — or say "Không có"/"Không thu lệ phí" (free). A fee cell of
//   "Không có thông tin" is unknown, not free; amounts stated only in a channel's description are taken, flagged.
// - `fees` are the distinct amounts (first label wins); `feeFree` needs every channel free and no amount.
// - processingTime: the channels' common duration; when they differ, the direct (counter) channel's, the legal
//   baseline, else online, else postal, with a problem. Per-channel durations stay in `channels`.
// - resultType only from explicit wording (see `resultTypeOf`); most records say neither: 'unknown'.
// - `problems` also name missing data ("processing time not given", "no legal basis listed"), not only text that
//   could not be read. Text is read in NFC (some records are partly decomposed).

import { type FeeStatus, parseChannels } from './parse/channels.ts';
import { parseDocuments } from './parse/documents.ts';
import { parseLegalBasis } from './parse/legal.ts';
import { parseResults, resultTypeOf } from './parse/results.ts';
import { clean, orNull, splitTopLevel } from './parse/text.ts';
import {
  type Channel,
  type ChannelKind,
  type Duration,
  type Fee,
  type Level,
  type ParsedProcedure,
  problem,
  problemKind,
} from './parse/types.ts';

export type {
  Channel,
  ChannelKind,
  Document,
  Duration,
  DurationUnit,
  Fee,
  LegalBasis,
  Level,
  ParsedProcedure,
  Result,
  ResultType,
} from './parse/types.ts';
export { problemKind } from './parse/types.ts';

const LEVELS: Record<string, Level> = {
  'cấp bộ': 'ministry',
  'cấp tỉnh': 'province',
  'cấp xã': 'commune',
  'cơ quan khác': 'other',
};

export function parseNationalProcedure(raw: Record<string, string>): ParsedProcedure {
  // Some records mix decomposed Vietnamese ("a" + U+0300): everything is read in NFC; `raw` keeps the originals.
  const original = (key: string): string => (typeof raw[key] === 'string' ? raw[key] : '');
  const field = (key: string): string => original(key).normalize('NFC');
  const problems: string[] = [];

  const code = clean(field('ma_thu_tuc'));
  if (code === '') problems.push(problem('no procedure code'));
  const name = clean(field('ten_thu_tuc'));
  if (name === '') problems.push(problem('no procedure name'));

  const levels: Level[] = [];
  for (const part of splitTopLevel(field('cap_thuc_hien'))) {
    const level = LEVELS[part.toLowerCase()];
    if (level === undefined) problems.push(problem('unknown level', part));
    const l = level ?? 'other';
    if (!levels.includes(l)) levels.push(l);
  }
  if (levels.length === 0) problems.push(problem('no level'));

  const implementingAgency = orNull(field('co_quan_thuc_hien'));
  const cach = field('cach_thuc_thuc_hien');
  const { channels, feeStatuses, problems: channelProblems } = parseChannels(cach);
  problems.push(...channelProblems);
  const processingTime = mainDuration(channels, problems);
  const fees = distinctFees(channels);
  const feeFree = isFeeFree(feeStatuses, fees);

  const docs = parseDocuments(field('thanh_phan_ho_so'));
  problems.push(...docs.problems);
  const legal = parseLegalBasis(field('can_cu_phap_ly'));
  problems.push(...legal.problems);
  const res = parseResults(field('ket_qua_xu_ly'));
  problems.push(...res.problems);

  return {
    code,
    name,
    levels,
    field: orNull(field('linh_vuc')),
    applicantTypes: applicantTypes(field('doi_tuong_thuc_hien')),
    competentAuthority: orNull(field('co_quan_co_tham_quyen')) ?? implementingAgency,
    implementingAgency,
    receivingPlaces: orNull(field('dia_chi_tiep_nhan')),
    channels,
    processingTime,
    fees,
    feeFree,
    documents: docs.documents,
    legalBasis: legal.legalBasis,
    conditions: conditions(field('yeu_cau_dieu_kien')),
    results: res.results,
    resultType: resultTypeOf(res.results, channels),
    raw: {
      cach_thuc_thuc_hien: original('cach_thuc_thuc_hien'),
      thanh_phan_ho_so: original('thanh_phan_ho_so'),
      can_cu_phap_ly: original('can_cu_phap_ly'),
    },
    problems: [...new Set(problems)],
  };
}

/** "Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức" → two types. */
function applicantTypes(text: string): string[] {
  const types: string[] = [];
  for (const part of splitTopLevel(text)) {
    // "Cán bộ, công chức, viên chức" is one type: a part in lower case continues the previous one.
    if (types.length > 0 && /^\p{Ll}/u.test(part)) types[types.length - 1] += `, ${part}`;
    else if (orNull(part) !== null) types.push(part);
  }
  return [...new Set(types)];
}

function conditions(text: string): string | null {
  const t = orNull(text);
  if (t === null || /^(không|khôg|chưa) (có )?quy định\.?$|^khồng\.?$/iu.test(t)) return null;
  return text.trim();
}

const PREFERENCE: ChannelKind[] = ['direct', 'online', 'postal'];

function mainDuration(channels: Channel[], problems: string[]): Duration | null {
  const timed = channels.filter((c) => c.duration !== null);
  if (timed.length === 0) {
    if (!problems.some((p) => /^(time |channel )/.test(p)))
      problems.push(problem('processing time not given'));
    return null;
  }
  const distinct = new Set(timed.map((c) => `${c.duration!.value} ${c.duration!.unit}`));
  if (distinct.size > 1) {
    problems.push(
      problem('channels give different times', timed.map((c) => `${c.channel} ${c.durationText}`).join(', ')),
    );
  }
  for (const kind of PREFERENCE) {
    const c = timed.find((t) => t.channel === kind);
    if (c) return c.duration;
  }
  return timed[0]!.duration;
}

function distinctFees(channels: Channel[]): Fee[] {
  const fees: Fee[] = [];
  for (const c of channels) {
    for (const f of c.fees) {
      if (!fees.some((g) => g.amountVnd === f.amountVnd)) fees.push(f);
    }
  }
  return fees;
}

/** Distinct amounts (the first label wins). Free only when every channel's fee cell says so ("Miễn phí", "Không thu lệ phí") and no amount was found. */
function isFeeFree(statuses: FeeStatus[], fees: Fee[]): boolean {
  return statuses.length > 0 && fees.length === 0 && statuses.every((s) => s === 'free');
}

export type CatalogueStats = {
  total: number;
  /** Lines that were not JSON objects (skipped). */
  unreadableLines: number;
  /** Procedures per level; a procedure at several levels counts once in each. */
  byLevel: Record<Level, number>;
  /** Procedures offering each channel. */
  byChannel: Record<ChannelKind, number>;
  withProcessingTime: number;
  withFees: number;
  feeFree: number;
  withDocuments: number;
  documentsTotal: number;
  withStructuredLegalBasis: number;
  withProblems: number;
  /** The ten most frequent problem kinds, by the number of procedures having them. */
  topProblems: { kind: string; procedures: number }[];
};

/** One line of the JSON-lines file: a procedure, nothing (a blank line) or 'unreadable' (not a JSON object). */
function parseNationalLine(line: string): ParsedProcedure | 'unreadable' | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'unreadable';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'unreadable';
  const record: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') record[k] = v;
  return parseNationalProcedure(record);
}

export type ParsedCatalogue = { procedures: ParsedProcedure[]; stats: CatalogueStats };

export function parseNationalCatalogue(jsonlText: string): ParsedCatalogue {
  const procedures: ParsedProcedure[] = [];
  let unreadableLines = 0;
  for (const line of jsonlText.split(/\r?\n/)) {
    const p = parseNationalLine(line);
    if (p === 'unreadable') unreadableLines++;
    else if (p) procedures.push(p);
  }
  return { procedures, stats: catalogueStats(procedures, unreadableLines) };
}

/** The same, from lines read one at a time (a file streamed through gunzip), so the text is never held whole. */
export async function parseNationalLines(lines: AsyncIterable<string>): Promise<ParsedCatalogue> {
  const procedures: ParsedProcedure[] = [];
  let unreadableLines = 0;
  for await (const line of lines) {
    const p = parseNationalLine(line);
    if (p === 'unreadable') unreadableLines++;
    else if (p) procedures.push(p);
  }
  return { procedures, stats: catalogueStats(procedures, unreadableLines) };
}

export function catalogueStats(procedures: ParsedProcedure[], unreadableLines = 0): CatalogueStats {
  const byLevel: Record<Level, number> = { ministry: 0, province: 0, commune: 0, other: 0 };
  const byChannel: Record<ChannelKind, number> = { direct: 0, online: 0, postal: 0 };
  const kinds = new Map<string, number>();
  let withProcessingTime = 0;
  let withFees = 0;
  let feeFree = 0;
  let withDocuments = 0;
  let documentsTotal = 0;
  let withStructuredLegalBasis = 0;
  let withProblems = 0;
  for (const p of procedures) {
    for (const l of p.levels) byLevel[l]++;
    for (const k of new Set(p.channels.map((c) => c.channel))) byChannel[k]++;
    if (p.processingTime) withProcessingTime++;
    if (p.fees.length > 0) withFees++;
    if (p.feeFree) feeFree++;
    if (p.documents.length > 0) withDocuments++;
    documentsTotal += p.documents.length;
    if (Array.isArray(p.legalBasis) && p.legalBasis.length > 0) withStructuredLegalBasis++;
    if (p.problems.length > 0) withProblems++;
    for (const kind of new Set(p.problems.map(problemKind))) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const topProblems = [...kinds]
    .map(([kind, n]) => ({ kind, procedures: n }))
    .sort((a, b) => b.procedures - a.procedures || a.kind.localeCompare(b.kind))
    .slice(0, 10);
  return {
    total: procedures.length,
    unreadableLines,
    byLevel,
    byChannel,
    withProcessingTime,
    withFees,
    feeFree,
    withDocuments,
    documentsTotal,
    withStructuredLegalBasis,
    withProblems,
    topProblems,
  };
}
