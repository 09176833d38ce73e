import type { Me } from '../../../app/auth';
import { formatNumber } from '../../../ui/localized';

// The shapes of the plan API (server/src/modules/reporting/plan/schemas.ts).

export const PLANS = '/api/reporting/plans';
export const PAGE = '/chuyen-doi-so/ke-hoach';

export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';
export const TASK_STATUSES: TaskStatus[] = ['not_started', 'in_progress', 'done', 'cancelled'];

export interface PlanSummary {
  id: string;
  number: string;
  title: string;
  issuedOn: string;
  issuer: string;
  fromYear: number;
  toYear: number;
  leadName: string | null;
  tasks: number;
  done: number;
  averageProgress: number;
  nextDue: string;
}
export interface GroupView {
  id: string;
  code: string;
  name: string;
  tasks: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  averageProgress: number;
}
export interface TaskView {
  id: string;
  groupId: string;
  groupCode: string;
  code: string;
  title: string;
  leadAgencyId: string | null;
  leadName: string | null;
  coordinating: string | null;
  deadline: string | null;
  deadlineText: string | null;
  status: TaskStatus;
  progress: number;
  overdue: boolean;
  lastReportOn: string | null;
  actions: ('report' | 'edit')[];
}
export interface PlanDetail {
  id: string;
  number: string;
  title: string;
  issuedOn: string;
  issuer: string;
  fromYear: number;
  toYear: number;
  leadName: string | null;
  groups: GroupView[];
  tasks: TaskView[];
  wholePlan: boolean;
  currentPeriod: string;
  actions: 'manage'[];
}
export interface Evidence {
  name: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}
export interface TaskReport {
  id: string;
  reportedOn: string;
  status: string;
  progress: number;
  note: string | null;
  evidence: Evidence[];
  reportedByName: string | null;
}
export interface Kpi {
  id: string;
  code: string;
  name: string;
  unit: string;
  measure: string | null;
  year: number;
  targetYear: number | null;
  target: number | null;
  value: number | null;
  source: 'measured' | 'entered' | null;
  met: boolean | null;
}
export interface Deadline {
  period: string;
  label: { vi: string; en: string };
  due: string;
  passed: boolean;
}

// The roles the policy gives dx.view to (leaders and specialists: their agency's tasks).
const DX_ROLES = new Set(['specialist', 'leader', 'dx_office']);
export const takesPartInDx = (me: Me) => me.roles.some((r) => DX_ROLES.has(r.role));

export const planHref = (id: string) => `${PAGE}?plan=${encodeURIComponent(id)}`;

/** ISO date → 24/11/2026 (the form every Vietnamese office reads). */
export const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/** Plan figures (targets, progress) with up to one decimal. */
export const formatPlanNumber = (value: number, language: string) => formatNumber(value, language, 1);

/** Reads a file into base64 for a JSON body. */
export function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The report periods of a plan, newest first: yearly and six-monthly. */
export function periodsOf(plan: { fromYear: number; toYear: number }): string[] {
  const out: string[] = [];
  for (let y = plan.toYear; y >= plan.fromYear; y--) out.push(String(y), `${y}-H1`);
  return out;
}
