// The parts of the plan and scorecards APIs the DX dashboard reads
// (server/src/modules/reporting/plan/schemas.ts, scorecards/views.ts).

import type { Localized } from '../../../ui/localized';

export const PLAN_PAGE = '/chuyen-doi-so/ke-hoach';
export const SCORECARDS_PAGE = '/chuyen-doi-so/bo-chi-so';
export const planLink = (id: string) => `${PLAN_PAGE}?plan=${encodeURIComponent(id)}`;
export const scorecardLink = (id: string) => `${SCORECARDS_PAGE}?bo=${encodeURIComponent(id)}`;

export interface DxPlanSummary {
  id: string;
  number: string;
  title: string;
  fromYear: number;
  toYear: number;
}
export interface DxGroup {
  id: string;
  code: string;
  name: string;
  tasks: number;
  done: number;
  overdue: number;
  averageProgress: number;
}
export interface DxKpi {
  id: string;
  code: string;
  name: string;
  unit: string;
  year: number;
  target: number | null;
  value: number | null;
  met: boolean | null;
}
export interface DxSet {
  id: string;
  code: string;
  year: number;
  name: string;
  subjectKind: 'department' | 'commune';
  status: 'draft' | 'open' | 'closed';
}
export interface DxRanking {
  set: DxSet;
  maxTotal: number;
  provisional: boolean;
  rows: { agency: { id: string; name: Localized }; total: number; normalised: number; rank: number }[];
}
