// Shapes produced by the National Public Service Portal parser (see ../parse-national.ts).

export type Level = 'ministry' | 'province' | 'commune' | 'other';
export type ChannelKind = 'direct' | 'online' | 'postal';
export type DurationUnit = 'working_days' | 'days' | 'hours' | 'working_hours' | 'months' | 'years';

/** A legal processing time; `value` may be fractional ("0,5 ngày" → 0.5). */
export type Duration = { value: number; unit: DurationUnit };

/** A fee in Vietnamese đồng; `label` is the text that states it (its clause or the portal's note). */
export type Fee = { amountVnd: number; label: string };

export type Channel = {
  channel: ChannelKind;
  duration: Duration | null;
  /** The time cell as printed ("60 Ngày làm việc", "1", "Không có thông tin"); '' when the cell is missing. */
  durationText: string;
  /** The fee cell as printed, with its note ("Miễn phí(Không có)", "50,000 Việt Nam Đồng(/lần)"). */
  feeText: string;
  fees: Fee[];
  description: string;
};

export type Document = {
  name: string;
  originals: number;
  copies: number;
  /** Template file names attached to the row ("Mus08.docx"). */
  templates: string[];
  /** False only when the name says so ("(nếu có)", "nếu cần", "không bắt buộc"). */
  required: boolean;
  /** The case group title printed above the table ("Trường hợp ủy quyền thực hiện thủ tục:"), null when none. */
  group: string | null;
};

export type LegalBasis = { title: string; number: string | null };

export type Result = { name: string; code: string | null };

export type ResultType = 'paper' | 'electronic' | 'both' | 'unknown';

export type ParsedProcedure = {
  code: string;
  name: string;
  levels: Level[];
  field: string | null;
  applicantTypes: string[];
  competentAuthority: string | null;
  implementingAgency: string | null;
  receivingPlaces: string | null;
  channels: Channel[];
  processingTime: Duration | null;
  fees: Fee[];
  feeFree: boolean;
  documents: Document[];
  legalBasis: LegalBasis[] | string;
  conditions: string | null;
  results: Result[];
  resultType: ResultType;
  raw: { cach_thuc_thuc_hien: string; thanh_phan_ho_so: string; can_cu_phap_ly: string };
  /** What could not be parsed, as "<kind>: <detail>" (the kind alone when there is no detail). */
  problems: string[];
};

/** Builds a problem message; the part before the first ": " is its kind (used for statistics). */
export function problem(kind: string, detail?: string): string {
  return detail === undefined || detail === '' ? kind : `${kind}: ${detail}`;
}

/** The kind of a problem message built by `problem`. */
export function problemKind(message: string): string {
  const i = message.indexOf(': ');
  return i < 0 ? message : message.slice(0, i);
}
