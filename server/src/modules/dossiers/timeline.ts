/**
 * What of a dossier's history its applicant sees: the steps, their dates, what is addressed to
 * them (the receipt and its appointment, the papers asked for, a refusal's or a stop's reason, the
 * apology with the new date), their own acts and files, and the result once it is returned. Not the
 * office's working data: officials' notes, consultations between agencies, transfer deadlines, the
 * ids of the people involved, or the result's file before it is handed over (issue 25, finding 11).
 * Officials who may see the dossier through their role see everything.
 */
import { type Actor, can } from '../identity/policy.ts';
import type { dossierEvents, dossiers } from './schema.ts';

type Row = typeof dossiers.$inferSelect;
export type TimelineEvent = typeof dossierEvents.$inferSelect & { actorName: string | null };

/** True when the caller sees the dossier only as its applicant (no role of theirs shows it). */
export function seesAsApplicantOnly(actor: Actor, row: Row): boolean {
  return !can(actor, 'dossier.view', {
    type: 'dossier',
    applicantId: null,
    receivingAgencyId: row.receivingAgencyId,
    competentAgencyId: row.competentAgencyId,
    handlerId: row.handlerId,
  });
}

/** Per step the applicant sees, the parts of its data meant for them; a step not listed is internal. */
const APPLICANT_DATA: Readonly<Record<string, readonly string[]>> = {
  create: ['channel'],
  submit: [],
  receive: ['code', 'appointmentAt', 'legalDuration', 'form'],
  refuse_intake: ['reason', 'form'],
  request_supplement: ['phase', 'items', 'reason', 'form'],
  supply: ['phase', 'dueAt', 'previousDueAt'],
  assign: [],
  transfer: ['to'],
  approve: ['result'],
  refuse: ['result', 'reason'],
  extend: ['previousDueAt', 'newDueAt', 'reason', 'form'],
  withdraw: ['reason', 'afterReceipt', 'form'],
  suspend: ['reason', 'form'],
  return_result: ['method', 'result'],
  attach: ['label', 'fileName', 'sizeBytes'],
  detach: ['label', 'fileName'],
  reuse: ['label', 'fromDossier'],
  attach_result: ['label', 'fileName', 'sizeBytes'],
  digitize: ['components', 'files'],
  rate: ['score'],
};

/** The applicant's timeline: `events` (the full history, in order) as they may see it. */
export function forApplicant(events: readonly TimelineEvent[], row: Row, personId: string): TimelineEvent[] {
  return events.flatMap((e) => {
    const keys = APPLICANT_DATA[e.type];
    if (!keys) return [];
    // The result's file is theirs once it is handed over, not while it is being drafted.
    if (e.type === 'attach_result' && row.status !== 'returned') return [];
    const own = e.actorId !== null && e.actorId === personId;
    const data = Object.fromEntries(keys.filter((k) => k in e.data).map((k) => [k, e.data[k]]));
    return [{ ...e, actorId: own ? e.actorId : null, note: own ? e.note : null, data }];
  });
}

/** The public tracking page's steps: the applicant's, minus everything personal (types only). */
export const APPLICANT_STEP_TYPES: readonly string[] = Object.keys(APPLICANT_DATA);
