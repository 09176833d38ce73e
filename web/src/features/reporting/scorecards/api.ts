import type { Me } from '../../../app/auth';
import { ApiError } from '../../../ui/api';
import { formatNumber, type Localized, pickLocalized } from '../../../ui/localized';

// The shapes of the scorecards API (server/src/modules/reporting/scorecards/views.ts).

export type SetStatus = 'draft' | 'open' | 'closed';
export type AssessmentStatus = 'draft' | 'submitted' | 'reviewed';

export interface ScorecardSet {
  id: string;
  code: string;
  year: number;
  name: string;
  subjectKind: 'department' | 'commune';
  status: SetStatus;
}
export interface SetSummary extends ScorecardSet {
  indicatorCount: number;
  maxTotal: number;
  submitted: number;
  reviewed: number;
}
export interface Indicator {
  id: string;
  pillar: string;
  code: string;
  name: string;
  maxPoints: number;
  evidenceRequired: string | null;
  measure: string | null;
}
export interface SetDetail {
  set: ScorecardSet;
  indicators: Indicator[];
  maxTotal: number;
  actions: ('edit' | 'open' | 'close' | 'reopen' | 'copy')[];
}
export interface AgencyRef {
  id: string;
  code: string;
  name: Localized;
}
export interface AssessmentItem {
  agency: AgencyRef;
  status: AssessmentStatus;
  submittedAt: string | null;
  reviewedAt: string | null;
  mayReport: boolean;
}
export interface Evidence {
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  url: string;
}
export interface ScoreLine {
  indicator: Indicator;
  selfScore: number | null;
  explanation: string | null;
  evidence: Evidence[];
  measuredScore: number | null;
  reviewedScore: number | null;
  reviewNote: string | null;
  score: number;
}
export interface Assessment {
  set: ScorecardSet;
  agency: AgencyRef;
  status: AssessmentStatus;
  total: number;
  maxTotal: number;
  actions: ('edit' | 'submit' | 'review')[];
  lines: ScoreLine[];
}
export interface RankingRow {
  agency: AgencyRef;
  status: 'submitted' | 'reviewed';
  total: number;
  normalised: number;
  rank: number;
  pillars: Record<string, number>;
  previous: { total: number; normalised: number; rank: number } | null;
  change: { normalised: number; rank: number } | null;
}
export interface Ranking {
  set: ScorecardSet;
  previousSet: ScorecardSet | null;
  maxTotal: number;
  provisional: boolean;
  pillars: { name: string; maxPoints: number }[];
  rows: RankingRow[];
  pending: AgencyRef[];
}

export const API = '/api/reporting/scorecards';
export const PAGE = '/chuyen-doi-so/bo-chi-so';
export const setHref = (setId: string) => `${PAGE}?bo=${setId}`;
export const assessmentHref = (setId: string, agencyId: string) => `${PAGE}?bo=${setId}&don-vi=${agencyId}`;
export const assessmentApi = (setId: string, agencyId: string) => `${API}/${setId}/assessments/${agencyId}`;

const DX_ROLES = new Set(['specialist', 'leader', 'dx_office']);
/** Who the page is for: the policy gives DX rights to these roles only (the server decides each call). */
export const takesPartInDx = (me: Me) => me.roles.some((r) => DX_ROLES.has(r.role));

/** Scores as Vietnamese write them: "7,5" (English "7.5"); up to three decimals. */
export const formatScore = (value: number, language: string) => formatNumber(value, language, 3);

/** "7,5" or "7.5" → 7.5; empty → null; anything else → NaN. */
export function parseScore(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

export const agencyName = (a: AgencyRef, language: string) => pickLocalized(a.name, language);

/** The server's message for a failed call, in the person's language. */
export function errorText(error: unknown, language: string, fallback: string): string {
  if (error instanceof ApiError && error.detail)
    return language === 'en' ? (error.detail.en ?? error.detail.vi) : error.detail.vi;
  return fallback;
}
