import type {
  DocumentComponent,
  DurationUnit,
  EForm,
  OnlineType,
  ProcedureDetail,
  ProcedurePatch,
  ResultType,
} from './api';

/** A fee row as typed: the amount may be empty while it is being entered. */
export type FeeDraft = { label: string; amountVnd: number | '' };
export type DocumentDraft = Omit<DocumentComponent, 'templates' | 'group'> & {
  /** One template file name per line. */
  templates: string;
  group: string;
};

/** The editor's state: text as typed, turned into the API's shapes only when saving. */
export interface ProcedureDraft {
  nameVi: string;
  nameEn: string;
  competentAgencyId: string | null;
  resultType: ResultType;
  onlineType: OnlineType;
  partialReason: string;
  /** '' = no set processing time. */
  timeUnit: DurationUnit | '';
  timeValue: number | '';
  fees: FeeDraft[];
  level2FeeWaived: boolean;
  documents: DocumentDraft[];
  /** The e-form as JSON text ({ "schema": …, "ui": … }); empty = no e-form. */
  eformText: string;
}

const RESULT_TYPES: readonly string[] = ['paper', 'electronic', 'both', 'unknown'];

export function draftOf(p: ProcedureDetail): ProcedureDraft {
  return {
    nameVi: p.name.vi,
    nameEn: p.name.en ?? '',
    competentAgencyId: p.competentAgencyId,
    resultType: (RESULT_TYPES.includes(p.resultType) ? p.resultType : 'unknown') as ResultType,
    onlineType: p.onlineType === 'partial' ? 'partial' : 'full',
    partialReason: p.partialReason ?? '',
    timeUnit: p.processingTime?.unit ?? '',
    timeValue: p.processingTime?.value ?? '',
    fees: p.fees.map((f) => ({ ...f })),
    level2FeeWaived: p.level2FeeWaived,
    documents: p.documents.map((d) => ({ ...d, templates: d.templates.join('\n'), group: d.group ?? '' })),
    eformText: p.eform ? JSON.stringify(p.eform, null, 2) : '',
  };
}

export type JsonCheck =
  | { ok: true; value: EForm | null }
  | { ok: false; problem: 'syntax'; line: number; column: number; detail: string }
  | { ok: false; problem: 'shape'; detail: 'notObject' | 'noSchema' | 'uiNotObject' | 'extraKeys' };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Line and column (from 1) of a character offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Parses the e-form text: where the syntax breaks (line, column), or what is missing. */
export function checkEform(text: string): JsonCheck {
  if (!text.trim()) return { ok: true, value: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Browsers say where: "… at position 42" (V8 adds "(line 3 column 5)"), Firefox "at line 3 column 5".
    const lc = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const where = lc
      ? { line: Number(lc[1]), column: Number(lc[2]) }
      : position
        ? lineColumn(text, Number(position[1]))
        : lineColumn(text, text.length);
    return { ok: false, problem: 'syntax', ...where, detail: message };
  }
  if (!isObject(value)) return { ok: false, problem: 'shape', detail: 'notObject' };
  if (!isObject(value.schema)) return { ok: false, problem: 'shape', detail: 'noSchema' };
  if (value.ui !== undefined && !isObject(value.ui))
    return { ok: false, problem: 'shape', detail: 'uiNotObject' };
  if (Object.keys(value).some((k) => k !== 'schema' && k !== 'ui'))
    return { ok: false, problem: 'shape', detail: 'extraKeys' };
  return { ok: true, value: value as unknown as EForm };
}

export type ProblemKey =
  | 'nameRequired'
  | 'partialReasonRequired'
  | 'timeRequired'
  | 'feeLabelRequired'
  | 'feeAmountInvalid'
  | 'documentNameRequired'
  | 'eformInvalid';
export type DraftProblems = Partial<Record<string, ProblemKey>>;

/**
 * Problems the editor can tell without the server, keyed like the server's field names
 * (`name.vi`, `fees.0.amountVnd`), each an i18n key under `procedures.problems`.
 */
export function draftProblems(d: ProcedureDraft): DraftProblems {
  const out: DraftProblems = {};
  if (!d.nameVi.trim()) out['name.vi'] = 'nameRequired';
  if (d.onlineType === 'partial' && !d.partialReason.trim()) out.partialReason = 'partialReasonRequired';
  if (d.timeUnit && (d.timeValue === '' || d.timeValue <= 0)) out['processingTime.value'] = 'timeRequired';
  d.fees.forEach((f, i) => {
    if (!f.label.trim()) out[`fees.${i}.label`] = 'feeLabelRequired';
    if (f.amountVnd === '' || !Number.isInteger(f.amountVnd) || f.amountVnd < 0)
      out[`fees.${i}.amountVnd`] = 'feeAmountInvalid';
  });
  d.documents.forEach((doc, i) => {
    if (!doc.name.trim()) out[`documents.${i}.name`] = 'documentNameRequired';
  });
  if (!checkEform(d.eformText).ok) out.eform = 'eformInvalid';
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, in the API's shapes (call after `draftProblems` found nothing). */
export function patchOf(d: ProcedureDraft, p: ProcedureDetail): ProcedurePatch {
  const patch: ProcedurePatch = {};
  const name = d.nameEn.trim() ? { vi: d.nameVi.trim(), en: d.nameEn.trim() } : { vi: d.nameVi.trim() };
  if (!same(name, p.name.en ? { vi: p.name.vi, en: p.name.en } : { vi: p.name.vi })) patch.name = name;
  if (d.competentAgencyId !== p.competentAgencyId) patch.competentAgencyId = d.competentAgencyId;
  if (d.resultType !== p.resultType) patch.resultType = d.resultType;
  if (d.onlineType !== p.onlineType) patch.onlineType = d.onlineType;
  const reason = d.onlineType === 'partial' ? d.partialReason.trim() || null : null;
  // The server checks a partial service's reason in the same request: send it with a type change.
  if (reason !== p.partialReason || patch.onlineType) patch.partialReason = reason;
  const time = d.timeUnit && d.timeValue !== '' ? { value: d.timeValue, unit: d.timeUnit } : null;
  if (!same(time, p.processingTime)) patch.processingTime = time;
  const fees = d.fees.map((f) => ({ label: f.label.trim(), amountVnd: Number(f.amountVnd) }));
  if (!same(fees, p.fees)) patch.fees = fees;
  if (d.level2FeeWaived !== p.level2FeeWaived) patch.level2FeeWaived = d.level2FeeWaived;
  const documents: DocumentComponent[] = d.documents.map((doc) => ({
    name: doc.name.trim(),
    originals: doc.originals,
    copies: doc.copies,
    templates: doc.templates
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    required: doc.required,
    reusable: doc.reusable,
    group: doc.group.trim() || null,
  }));
  if (!same(documents, p.documents)) patch.documents = documents;
  const eform = checkEform(d.eformText);
  if (eform.ok && !same(eform.value, p.eform)) patch.eform = eform.value;
  return patch;
}
