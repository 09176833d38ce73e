import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../../app/router';
import type { StatsAccess } from './access';
import { CHANNELS, type Channel, GROUP_BY, type GroupBy, type StatsFilters } from './api';
import { choiceOf, keyOf } from './period';

// The dashboard's choices live in the page's address (shareable, kept by Back/Forward):
// ?ky=2026-H1&don-vi=<agency>&kenh=online&linh-vuc=Hộ tịch&theo=agency

export const PARAM = {
  period: 'ky',
  agency: 'don-vi',
  channel: 'kenh',
  field: 'linh-vuc',
  groupBy: 'theo',
  level: 'cap',
} as const;
type Param = (typeof PARAM)[keyof typeof PARAM];

/** Changes the query without a page move or a jump to the top (the router listens to popstate). */
export function replaceQuery(patch: Partial<Record<Param, string | null>>): void {
  const q = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === '') q.delete(k);
    else q.set(k, v);
  }
  const search = q.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export interface StatsQuery {
  filters: StatsFilters;
  groupBy: GroupBy;
  level: 'province' | 'commune';
  set: (patch: Partial<Record<Param, string | null>>) => void;
}

export function useStatsQuery(access: StatsAccess): StatsQuery {
  const params = useSearchParams();
  const set = useCallback(replaceQuery, []);
  return useMemo(() => {
    const period = keyOf(choiceOf(params.get(PARAM.period))) ?? String(new Date().getFullYear());
    const asked = params.get(PARAM.agency);
    // A leader sees only their agencies: anything else falls back to the first of them.
    const agencyId =
      asked && (access.province || access.agencies.some((a) => a.id === asked))
        ? asked
        : access.defaultAgencyId;
    const channel = params.get(PARAM.channel);
    const groupBy = params.get(PARAM.groupBy);
    const filters: StatsFilters = {
      period,
      agencyId,
      channel: (CHANNELS as readonly string[]).includes(channel ?? '') ? (channel as Channel) : undefined,
      field: params.get(PARAM.field) || undefined,
    };
    return {
      filters,
      groupBy: (GROUP_BY as readonly string[]).includes(groupBy ?? '')
        ? (groupBy as GroupBy)
        : agencyId
          ? 'field'
          : 'agency',
      level: params.get(PARAM.level) === 'commune' ? 'commune' : 'province',
      set,
    };
  }, [params, access, set]);
}
