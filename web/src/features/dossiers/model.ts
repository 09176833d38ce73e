import type { Localized } from '../../ui/localized';

// The shapes of the dossier API as the citizen's pages and the officials' workspace use them (see server/src/modules/dossiers/*routes.ts).

export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'supplement_requested',
  'received',
  'in_progress',
  'finished',
  'returned',
  'refused_at_intake',
  'withdrawn',
  'suspended',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export type DossierAction =
  | 'submit'
  | 'receive'
  | 'refuse_intake'
  | 'request_supplement'
  | 'supply'
  | 'assign'
  | 'transfer'
  | 'consult'
  | 'approve'
  | 'refuse'
  | 'extend'
  | 'withdraw'
  | 'suspend'
  | 'return_result';

export interface DossierComponent {
  index: number;
  name: string;
  required: boolean;
  reusable: boolean;
  originals: number;
  copies: number;
  files: number;
}

/** Who the dossier is for, as given at submission (the applicant may have no account). */
export interface DossierApplicant {
  fullName: string;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  addressCommuneCode: string | null;
  addressDetail: string | null;
}

/** `GET /api/dossiers/:id`: the same view for the citizen's pages and the officials' workspace. */
export interface Dossier {
  id: string;
  code: string | null;
  status: DossierStatus;
  statusLabel: { vi: string; en: string };
  channel: string;
  procedureVersion: number;
  procedureCode: string;
  procedureName: Localized;
  applicant: DossierApplicant;
  receivingAgencyId: string;
  competentAgencyId: string;
  handlerId: string | null;
  formData: Record<string, unknown>;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  digitizedAt: string | null;
  components: DossierComponent[];
  actions: DossierAction[];
}

/** One row of `GET /api/dossiers?mine=true`. */
export interface DossierListItem {
  id: string;
  code: string | null;
  status: DossierStatus;
  procedureName: Localized;
  procedureCode: string;
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  daysLeft: number | null;
  tone: 'on_time' | 'due_soon' | 'overdue' | null;
}

export interface DossierList {
  items: DossierListItem[];
  total: number;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  from: string | null;
  to: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface DossierFile {
  id: string;
  purpose: 'component' | 'result';
  componentIndex: number | null;
  label: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  reusedFromId: string | null;
  uploadedAt: string;
  url: string;
}

export interface WalletItem {
  file: DossierFile;
  dossierCode: string | null;
  procedureName: Localized;
}

export interface Prefill {
  hasForm: boolean;
  formData: Record<string, unknown>;
  sources: { path: string; from: 'profile' | 'dossier'; dossierCode: string | null }[];
}

/** The parts of `GET /api/catalog/procedures/:code` the wizard needs. */
export interface ProcedureDetail {
  code: string;
  name: Localized;
  levels: string[];
  onlineType: string;
  enabled: boolean;
  version: number;
  channels: string[];
  competentAgencyId: string | null;
  competentAuthority: string | null;
  processingTimeText: string | null;
  documents: {
    name: string;
    originals: number;
    copies: number;
    required: boolean;
    reusable: boolean;
    group: string | null;
  }[];
  eform: { schema: Record<string, unknown>; ui?: Record<string, unknown> } | null;
}

export interface Notification {
  id: string;
  kind: string;
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  link: string | null;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
}

export const dossierPath = (id: string) => `/api/dossiers/${encodeURIComponent(id)}`;

/** The wizard's address, reopening a draft when given one. */
export const submitHref = (procedureCode: string, draftId?: string) =>
  `/nop-ho-so/${encodeURIComponent(procedureCode)}${draftId ? `?nhap=${encodeURIComponent(draftId)}` : ''}`;

/** The one-stop forms as PDFs: 01 receipt, 02 supplement request, 03 refusal, 04 new date, 05 stop. */
export const formHref = (id: string, form: '01' | '02' | '03' | '04' | '05') =>
  `${dossierPath(id)}/forms/${form}`;
