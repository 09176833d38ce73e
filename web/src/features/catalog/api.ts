import type { Localized } from '../../ui/localized';

// The shapes of `server/src/modules/catalog/routes.ts` (ProcedureSummary, Procedure).

export type DurationUnit = 'working_days' | 'days' | 'hours' | 'working_hours' | 'months' | 'years';
export interface Duration {
  value: number;
  unit: DurationUnit;
}

export interface ProcedureSummary {
  code: string;
  name: Localized;
  field: string | null;
  /** `province`, `commune`, `ministry`, `other`. */
  levels: string[];
  /** `full` (toàn trình) or `partial` (một phần). */
  onlineType: string;
  processingTime: Duration | null;
  processingTimeText: string | null;
  feeFree: boolean;
  competentAuthority: string | null;
  competentAgencyId: string | null;
  hasForm: boolean;
  enabled: boolean;
  version: number;
}

export interface DocumentComponent {
  name: string;
  originals: number;
  copies: number;
  /** Template file names; a URL when the catalogue gives one. */
  templates: string[];
  required: boolean;
  reusable: boolean;
  group: string | null;
}

export interface Procedure extends ProcedureSummary {
  receivingPlaces: string | null;
  applicantTypes: string[];
  conditions: string | null;
  /** As imported: usually `{ title, number }[]`, but the national data is not uniform. */
  legalBasis: unknown;
  resultType: string;
  results: { name: string; code: string | null }[];
  partialReason: string | null;
  channels: string[];
  fees: { label: string; amountVnd: number }[];
  feeText: string | null;
  level2FeeWaived: boolean;
  documents: DocumentComponent[];
  currentVersion: number;
}

export interface ProcedurePage {
  items: ProcedureSummary[];
  total: number;
}

export interface FieldCount {
  field: string;
  count: number;
}

export interface Agency {
  id: string;
  code: string;
  name: Localized;
  level: string;
}

/** What the catalogue's URL says: `/thu-tuc?q=…&field=…&agency=…&level=…&online=…&page=2`. */
export interface CatalogQuery {
  q: string;
  field: string;
  agency: string;
  level: string;
  online: string;
  page: number;
}

export const pageSize = 20;
const filterKeys = ['q', 'field', 'agency', 'level', 'online'] as const;

export function readCatalogQuery(search: string): CatalogQuery {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q')?.trim() ?? '',
    field: params.get('field') ?? '',
    agency: params.get('agency') ?? '',
    // Unknown values are ignored rather than sent to the API (which would answer 400).
    level: ['province', 'commune'].includes(params.get('level') ?? '') ? params.get('level')! : '',
    online: ['full', 'partial'].includes(params.get('online') ?? '') ? params.get('online')! : '',
    page: Number.isFinite(page) && page > 1 ? Math.min(page, 5000) : 1,
  };
}

/** The page's address for a query: only what is set, so shared links stay short. */
export function catalogHref(query: Partial<CatalogQuery>): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/thu-tuc?${search}` : '/thu-tuc';
}

export function searchPath(query: CatalogQuery): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  params.set('limit', String(pageSize));
  params.set('offset', String((query.page - 1) * pageSize));
  return `/api/catalog/procedures?${params}`;
}

export function hasFilters(query: CatalogQuery): boolean {
  return Boolean(query.field || query.agency || query.level || query.online);
}

export function procedurePath(code: string): string {
  return `/api/catalog/procedures/${encodeURIComponent(code)}`;
}
