import { sendJson } from '../../../ui/api';
import type { Localized } from '../../../ui/localized';

export const DURATION_UNITS = ['working_days', 'days', 'hours', 'working_hours', 'months', 'years'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type Duration = { value: number; unit: DurationUnit };

export const RESULT_TYPES = ['paper', 'electronic', 'both', 'unknown'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

export type OnlineType = 'full' | 'partial';

export interface Fee {
  label: string;
  amountVnd: number;
}

export interface DocumentComponent {
  name: string;
  originals: number;
  copies: number;
  templates: string[];
  required: boolean;
  reusable: boolean;
  group: string | null;
}

export interface EForm {
  schema: Record<string, unknown>;
  ui?: Record<string, unknown>;
}

/** `GET /api/catalog/procedures` (with `all=true` for admins: offered or not). */
export interface ProcedureSummary {
  code: string;
  name: Localized;
  field: string | null;
  levels: string[];
  onlineType: OnlineType | (string & {});
  processingTime: Duration | null;
  processingTimeText: string | null;
  feeFree: boolean;
  enabled: boolean;
  version: number;
}

export interface ProcedurePage {
  items: ProcedureSummary[];
  total: number;
}

/** `GET /api/catalog/procedures/:code`: the current version. */
export interface ProcedureDetail extends ProcedureSummary {
  competentAuthority: string | null;
  competentAgencyId: string | null;
  resultType: ResultType | (string & {});
  partialReason: string | null;
  fees: Fee[];
  feeText: string | null;
  level2FeeWaived: boolean;
  documents: DocumentComponent[];
  eform: EForm | null;
  currentVersion: number;
}

export interface ProcedureVersion {
  version: number;
  createdAt: string;
  /** The person who saved it; null for an import. */
  createdBy: string | null;
  source: 'national_catalogue' | 'manual' | (string & {});
}

/** What `PATCH /api/catalog/procedures/:code` takes: any of these, saved as a new version. */
export interface ProcedurePatch {
  name?: Localized;
  onlineType?: OnlineType;
  partialReason?: string | null;
  processingTime?: Duration | null;
  fees?: Fee[];
  level2FeeWaived?: boolean;
  documents?: DocumentComponent[];
  eform?: EForm | null;
  competentAgencyId?: string | null;
  resultType?: ResultType;
}

export const PAGE_SIZE = 20;

export function proceduresPath(f: { q: string; level: string; online: string; page: number }): string {
  const params = new URLSearchParams({
    all: 'true',
    limit: String(PAGE_SIZE),
    offset: String((f.page - 1) * PAGE_SIZE),
  });
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.level) params.set('level', f.level);
  if (f.online) params.set('online', f.online);
  return `/api/catalog/procedures?${params}`;
}

export const procedurePath = (code: string) => `/api/catalog/procedures/${encodeURIComponent(code)}`;

export const saveProcedure = (code: string, patch: ProcedurePatch) =>
  sendJson<{ version: number }>('PATCH', procedurePath(code), patch);

export const setProcedureEnabled = (code: string, enabled: boolean) =>
  sendJson('POST', `${procedurePath(code)}/${enabled ? 'enable' : 'disable'}`);
