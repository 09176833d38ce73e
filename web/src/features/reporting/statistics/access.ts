import type { Me } from '../../../app/auth';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { AgencyOption } from './api';

// Who sees which figures (the server's policy, `statistics.view`): a leader their agency, a leader
// of the provincial committee or its office and the DX office the whole province and any agency.

const STATS_ROLES = new Set(['leader', 'dx_office']);
const PROVINCE_WIDE_KINDS = new Set(['provincial_committee', 'committee_office']);
const DX_ROLES = new Set(['specialist', 'leader', 'dx_office']);

export const seesStatistics = (me: Me) => me.roles.some((r) => STATS_ROLES.has(r.role));
export const takesPartInDx = (me: Me) => me.roles.some((r) => DX_ROLES.has(r.role));

export interface StatsAccess {
  /** May see the province as a whole (and then any agency). */
  province: boolean;
  /** The agencies offered in the filter. */
  agencies: AgencyOption[];
  /** The scope shown first: undefined = the province. */
  defaultAgencyId: string | undefined;
}

export type AccessState = { status: 'loading' } | { status: 'ready'; access: StatsAccess };

/** The person's statistics scope, once the agencies (public, cached) are known. */
export function useStatsAccess(me: Me): AccessState {
  const list = useApiQuery<{ items: AgencyOption[] }>('/api/agencies?limit=2000');
  if (list.status === 'loading' || list.status === 'idle') return { status: 'loading' };
  const all = list.status === 'success' ? list.data.items : [];
  const kindOf = new Map(all.map((a) => [a.id, a.kind]));
  const leaderGrants = me.roles.filter((r) => r.role === 'leader');
  const province =
    me.roles.some((r) => r.role === 'dx_office') ||
    leaderGrants.some((r) => PROVINCE_WIDE_KINDS.has(kindOf.get(r.agencyId) ?? ''));
  if (province) return { status: 'ready', access: { province, agencies: all, defaultAgencyId: undefined } };
  const own: AgencyOption[] = [];
  for (const g of leaderGrants)
    if (!own.some((a) => a.id === g.agencyId))
      own.push({ id: g.agencyId, code: g.agencyCode, name: g.agencyName, kind: '', level: '' });
  return { status: 'ready', access: { province, agencies: own, defaultAgencyId: own[0]?.id } };
}
