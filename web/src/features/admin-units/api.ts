import type { CommuneType } from '../../app/site';

/** One administrative unit as `GET /api/admin-units` returns it. */
export interface AdminUnit {
  code: string;
  /** Official full name, e.g. "Xã Tân Trào". */
  name: string;
  /** Without the type, e.g. "Tân Trào". */
  shortName: string;
  type: CommuneType | (string & {});
  level: 'province' | 'commune' | (string & {});
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface AdminUnitPage {
  items: AdminUnit[];
  total: number;
}

/** Communes of one province whose name matches `q` (the server ignores accents and case). */
export function communeSearchPath(provinceCode: string, q: string, limit: number): string {
  const params = new URLSearchParams({ level: 'commune', province: provinceCode, q, limit: String(limit) });
  return `/api/admin-units?${params.toString()}`;
}
