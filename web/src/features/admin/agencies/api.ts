import type { Localized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';

export const AGENCY_KINDS = [
  'provincial_committee',
  'committee_office',
  'department',
  'inspectorate',
  'service_center',
  'commune_committee',
  'one_stop_desk',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** One agency as `GET /api/agencies` returns it. */
export interface Agency {
  id: string;
  /** Decision 20/2020/QĐ-TTg identifier, e.g. `000.00.03.H08`. */
  code: string;
  name: Localized;
  kind: AgencyKind;
  level: 'province' | 'commune';
  parentCode: string | null;
  adminUnitCode: string;
}

export interface AgencyPage {
  items: Agency[];
  total: number;
}

/** A province has a few hundred agencies: the whole tree comes in one answer (the server allows 2000). */
export const ALL_AGENCIES_PATH = '/api/agencies?limit=2000';

/** The province's whole organisation tree, for pickers and for names of parents. */
export function useAllAgencies() {
  return useApiQuery<AgencyPage>(ALL_AGENCIES_PATH);
}

export interface AgencyFilters {
  q: string;
  level: string;
  kind: string;
  adminUnit: string;
}

export function agencySearchPath(f: AgencyFilters): string {
  const params = new URLSearchParams({ limit: '2000' });
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.level) params.set('level', f.level);
  if (f.kind) params.set('kind', f.kind);
  if (f.adminUnit) params.set('adminUnit', f.adminUnit);
  return `/api/agencies?${params}`;
}
