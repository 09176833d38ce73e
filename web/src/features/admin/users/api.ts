import type { Role } from '../../../app/auth';
import { sendJson } from '../../../ui/api';
import type { Localized } from '../../../ui/localized';

export type AccountAction = 'unlock' | 'disable' | 'enable' | 'end_sessions';

/** One account as the admin API shows it: personal data masked, and what the caller may do to it. */
export interface PersonSummary {
  actions: AccountAction[];
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  cccd: string | null;
  status: 'active' | 'disabled' | 'pending' | (string & {});
  assuranceLevel: string;
  lockedUntil: string | null;
  totpEnabled: boolean;
  roles: { agencyCode: string; agencyName: Localized; role: Role }[];
}

export interface PersonPage {
  items: PersonSummary[];
  total: number;
}

export const PAGE_SIZE = 20;

export function personsPath(f: { q: string; agency: string; locked: boolean; page: number }): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((f.page - 1) * PAGE_SIZE) });
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.agency) params.set('agency', f.agency);
  if (f.locked) params.set('locked', 'true');
  return `/api/identity/persons?${params}`;
}

export interface NewOfficial {
  fullName: string;
  email: string;
  phone?: string;
  cccd?: string;
  agencyCode: string;
  role: Role;
}

export const createOfficial = (body: NewOfficial) =>
  sendJson<PersonSummary>('POST', '/api/identity/officials', body);

export const grantRole = (id: string, agencyCode: string, role: Role) =>
  sendJson<PersonSummary>('POST', `/api/identity/persons/${id}/roles`, { agencyCode, role });

export const revokeRole = (id: string, agencyCode: string, role: Role) =>
  sendJson<PersonSummary>('DELETE', `/api/identity/persons/${id}/roles`, { agencyCode, role });

export const accountAction = (id: string, action: Exclude<AccountAction, 'end_sessions'>) =>
  sendJson<PersonSummary>('POST', `/api/identity/persons/${id}/${action}`);

export const endSessions = (id: string) =>
  sendJson<{ revoked: number }>('DELETE', `/api/identity/persons/${id}/sessions`);
