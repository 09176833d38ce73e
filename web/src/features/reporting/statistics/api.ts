import type { Localized } from '../../../ui/localized';

// The shapes of the statistics API (server/src/modules/reporting/statistics/routes.ts).

export const STATS_PAGE = '/thong-ke';
export const INDEX_PAGE = '/thong-ke/chi-so-766';
export const DX_PAGE = '/chuyen-doi-so';

export type Bilingual = { vi: string; en: string };

export const DOSSIER_SETS = [
  'received',
  'received_direct',
  'received_online',
  'received_postal',
  'carried_over',
  'resolved',
  'resolved_early',
  'resolved_on_time',
  'resolved_in_time',
  'resolved_late',
  'pending',
  'pending_on_time',
  'pending_overdue',
  'refused_at_intake',
  'withdrawn',
  'suspended',
  'supplement_requested',
  'returned',
  'returned_electronic',
  'digitizable',
  'digitized',
  'reused',
  'approved',
  'approved_with_e_result',
  'online_counted',
  'rated',
  'rated_low',
] as const;
export type DossierSet = (typeof DOSSIER_SETS)[number];
export const isDossierSet = (s: string | null | undefined): s is DossierSet =>
  !!s && (DOSSIER_SETS as readonly string[]).includes(s);

export const GROUP_BY = ['none', 'agency', 'desk', 'commune', 'field', 'procedure', 'channel'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Rates = {
  inTime: number | null;
  digitization: number | null;
  online: number | null;
  onlinePayment: number | null;
  satisfied: number | null;
};
export type RateKey = keyof Rates;

export interface Figures {
  key: string;
  label: Bilingual;
  counts: Record<DossierSet, number>;
  supplementRequests: number;
  ratings: Record<'1' | '2' | '3' | '4' | '5', number>;
  averageRating: number | null;
  averageWorkingDays: number | null;
  rates: Rates;
}

export interface PeriodView {
  key: string;
  label: Bilingual;
  from: string;
  to: string;
  asOf: string;
}

export interface OneStopReport {
  period: PeriodView;
  unit: string;
  rows: Figures[];
  total: Figures;
}

export interface Overview {
  unit: string;
  queues: {
    awaitingIntake: number;
    inProgress: number;
    awaitingSupplement: number;
    dueToday: number;
    overdue: number;
    toReturn: number;
    receivedToday: number;
  };
  overdueByAgency: { agencyId: string; name: Bilingual; open: number; overdue: number }[];
  trend: { month: string; received: number; early: number; onTime: number; late: number }[];
}

export interface IndexComponent {
  key: string;
  name: Bilingual;
  max: number;
  available: boolean;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  score: number | null;
  drill: {
    numerator: string | null;
    denominator: string | null;
    procedures?: { numerator: string; denominator: string };
  } | null;
  note: Bilingual | null;
}
export interface IndexGroup {
  code: string;
  name: Bilingual;
  max: number;
  measuredMax: number;
  score: number;
  components: IndexComponent[];
}
export interface Index766 {
  total: number;
  measuredMax: number;
  max: number;
  groups: IndexGroup[];
}
export interface IndexReport {
  period: PeriodView;
  unit: { kind: string; id: string | null; name: Bilingual };
  configEffectiveFrom: string;
  index: Index766;
}
export interface IndexRanking {
  period: PeriodView;
  configEffectiveFrom: string;
  rows: { agencyId: string; name: Bilingual; rank: number; index: Index766 }[];
}

export interface DossierItem {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  agencyName: string;
  channel: string;
  status: string;
  receivedAt: string | null;
  dueAt: string | null;
  doneAt: string | null;
  outcome: string | null;
  workingDaysTaken: number | null;
  rating: number | null;
}
export interface DossierList {
  set: string;
  label: Bilingual;
  total: number;
  items: DossierItem[];
}

export interface ProcedureList {
  set: string;
  total: number;
  items: {
    code: string;
    name: string;
    kind: 'full' | 'partial' | 'offline';
    withFee: boolean;
    received: number;
    receivedOnline: number;
  }[];
}

export interface AgencyOption {
  id: string;
  code: string;
  name: Localized;
  kind: string;
  level: string;
}

/** The filters every statistic takes: the scope and the period. */
export interface StatsFilters {
  period: string;
  agencyId?: string;
  communeCode?: string;
  field?: string;
  procedureCode?: string;
  channel?: Channel;
  /** Exactly one deciding agency or receiving desk: a row of the breakdown, for its drill-down. */
  decidedBy?: string;
  deskId?: string;
}

/** `?period=…&agencyId=…` from filters and extra parameters, leaving out the empty ones. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const filterParams = (f: StatsFilters) => ({
  period: f.period,
  agencyId: f.agencyId,
  communeCode: f.communeCode,
  field: f.field,
  procedureCode: f.procedureCode,
  channel: f.channel,
  decidedBy: f.decidedBy,
  deskId: f.deskId,
});

export const oneStopUrl = (f: StatsFilters, groupBy: GroupBy, format: 'json' | 'xlsx' | 'pdf' = 'json') =>
  `/api/reporting/one-stop${query({ ...filterParams(f), groupBy, format: format === 'json' ? undefined : format })}`;

export const overviewUrl = (agencyId: string | undefined, year: number) =>
  `/api/reporting/overview${query({ agencyId, year })}`;

export const indexUrl = (period: string, agencyId: string | undefined, format: 'json' | 'xlsx' = 'json') =>
  `/api/reporting/index${query({ period, agencyId, format: format === 'json' ? undefined : format })}`;

export const rankingUrl = (period: string, level: 'province' | 'commune', format: 'json' | 'xlsx' = 'json') =>
  `/api/reporting/index/ranking${query({ period, level, format: format === 'json' ? undefined : format })}`;

export const servicesXlsxUrl = (period: string, agencyId: string | undefined) =>
  `/api/reporting/services${query({ period, agencyId, format: 'xlsx' })}`;

export const proceduresUrl = (f: StatsFilters, set: string) =>
  `/api/reporting/procedures${query({ period: f.period, agencyId: f.agencyId, set })}`;

export const dossiersUrl = (f: StatsFilters, set: DossierSet, limit: number, offset: number) =>
  `/api/reporting/dossiers${query({ ...filterParams(f), set, limit, offset })}`;

/**
 * The filter that narrows the scope to one row of a breakdown, so its numbers list the right
 * dossiers; null when the API has no such filter (provincial agencies as one row, dossiers with no field).
 */
export function rowFilter(groupBy: GroupBy, key: string): Partial<StatsFilters> | null {
  switch (groupBy) {
    case 'none':
      return {};
    case 'agency':
      return { decidedBy: key };
    case 'commune':
      return /^\d{5}$/.test(key) ? { communeCode: key } : null;
    case 'field':
      return key ? { field: key } : null;
    case 'procedure':
      return { procedureCode: key };
    case 'channel':
      return (CHANNELS as readonly string[]).includes(key) ? { channel: key as Channel } : null;
    case 'desk':
      return { deskId: key };
  }
}
