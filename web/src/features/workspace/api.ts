import type { Me, Role } from '../../app/auth';
import { ApiError } from '../../ui/api';
import type { Localized } from '../../ui/localized';
import type { DossierFile } from '../dossiers/model';

// The shapes of the dossier API as the workspace reads them (server/src/modules/dossiers/*routes.ts).

export const QUEUES = [
  'to_receive',
  'in_progress',
  'supplement',
  'due_today',
  'due_soon',
  'overdue',
  'to_return',
  'all',
] as const;
export type Queue = (typeof QUEUES)[number];
export const isQueue = (v: unknown): v is Queue =>
  typeof v === 'string' && (QUEUES as readonly string[]).includes(v);

export type Tone = 'on_time' | 'due_soon' | 'overdue';

export interface QueueItem {
  id: string;
  code: string | null;
  status: string;
  procedureName: Localized;
  procedureCode: string;
  applicantName: string;
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  daysLeft: number | null;
  tone: Tone | null;
}
export interface QueuePage {
  items: QueueItem[];
  /** Counted exactly up to the server's cap (10,000 by default)… */
  total: number;
  /** …beyond which this is true: more dossiers match than `total`. */
  totalCapped: boolean;
}

export function queuePath(queue: Queue, q: string, limit: number, offset = 0): string {
  const params = new URLSearchParams({ queue, limit: String(limit), offset: String(offset) });
  if (q) params.set('q', q);
  return `/api/dossiers?${params}`;
}

export const OFFICIAL_ACTIONS = [
  'receive',
  'refuse_intake',
  'request_supplement',
  'assign',
  'transfer',
  'consult',
  'extend',
  'approve',
  'refuse',
  'suspend',
  'return_result',
] as const;
export type OfficialAction = (typeof OFFICIAL_ACTIONS)[number];

// The dossier's own shapes are shared with the citizen's pages (one `GET /api/dossiers/:id` view).
export type { Dossier, DossierComponent, DossierFile, TimelineEvent } from '../dossiers/model';

export interface FileList {
  items: DossierFile[];
  digitizedAt: string | null;
}

export interface ProcedureDocument {
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  group: string | null;
}
export interface ProcedureSummary {
  code: string;
  name: Localized;
  levels: string[];
  processingTimeText: string | null;
  version: number;
}
export interface Procedure extends ProcedureSummary {
  competentAuthority: string | null;
  competentAgencyId: string | null;
  channels: string[];
  documents: ProcedureDocument[];
  eform: { schema: Record<string, unknown> } | null;
}

export interface Agency {
  id: string;
  code: string;
  name: Localized;
  kind: string;
  level: string;
  parentCode: string | null;
  adminUnitCode: string;
}

export interface Assignee {
  id: string;
  fullName: string;
  role: string;
}

/** `GET /api/identity/persons/lookup?cccd=`: a person with an account, found at the counter (audited). */
export interface FoundPerson {
  id: string;
  fullName: string;
  cccd: string;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  addressCommuneCode: string | null;
  addressDetail: string | null;
  assuranceLevel: string;
}

// ---------------------------------------------------------------------------------------
// Who is an official

export const OFFICIAL_ROLES: readonly Role[] = ['counter_officer', 'specialist', 'leader'];
export const isOfficial = (me: Me) => me.roles.some((r) => OFFICIAL_ROLES.includes(r.role));
export const desksOf = (me: Me) => me.roles.filter((r) => r.role === 'counter_officer');

// ---------------------------------------------------------------------------------------
// Agencies: fetched once per visit (about 300 in a province), for names and pickers.

let agencyList: Promise<Agency[]> | null = null;

export function loadAgencies(): Promise<Agency[]> {
  if (!agencyList) {
    agencyList = fetch('/api/agencies?limit=2000', { headers: { Accept: 'application/json' } })
      .then((r) => {
        if (!r.ok) throw new ApiError(r.status, `HTTP ${r.status} calling GET /api/agencies`);
        return r.json() as Promise<{ items: Agency[] }>;
      })
      .then((body) => body.items);
    // A failed load may be retried by the next caller.
    agencyList.catch(() => {
      agencyList = null;
    });
  }
  return agencyList;
}

/** The agency and every agency under it (a grant's reach, as the server's policy counts it). */
export function scopeOf(agencyId: string, agencies: Agency[]): Set<string> {
  const scope = new Set([agencyId]);
  let grew = true;
  while (grew) {
    grew = false;
    const codes = new Set(agencies.filter((a) => scope.has(a.id)).map((a) => a.code));
    for (const a of agencies)
      if (a.parentCode && codes.has(a.parentCode) && !scope.has(a.id)) {
        scope.add(a.id);
        grew = true;
      }
  }
  return scope;
}

/** Does the person hold one of `roles` over the agency (directly or through a parent agency)? */
export function holdsRole(me: Me, roles: readonly Role[], agencyId: string, agencies: Agency[]): boolean {
  return me.roles.some((g) => roles.includes(g.role) && scopeOf(g.agencyId, agencies).has(agencyId));
}
