/**
 * The dossier lifecycle (DOMAIN.md §1, deadlines §2) as a pure state machine. The dossier service
 * loads a `DossierState`, calls `decide` inside its transaction, writes `changes` to the dossier row
 * and `event` as an event row, and commits; nothing here touches a database, a clock or a user.
 * `allowedCommands` tells the API which commands the state permits now (the authorization policy
 * then decides who may run them); `outcome` classifies a dossier for the statistics.
 *
 * Statuses. Terminal = no command leaves it. "Counts as done" = the finish instant for
 * early/on-time/late (§2), taken from `finishedAt`, or `stoppedAt` for a stop after receipt.
 *
 * | status               | meaning                                                 | terminal | national sync        |
 * |----------------------|---------------------------------------------------------|----------|----------------------|
 * | draft                | being filled in (online) or being checked at the desk   | no       | draft                |
 * | submitted            | awaiting the intake check (online, or supplemented)     | no       | new                  |
 * | supplement_requested | Form 02 issued; waiting for the applicant; two phases:  | no       | supplement_requested |
 * |                      |   intake (never received: no clock yet)                 |          |                      |
 * |                      |   processing (received: the clock is paused)            |          |                      |
 * | received             | Form 01 issued (dossier code, appointment), at the desk | no       | received             |
 * | in_progress          | at the competent unit / handler / an inter-agency step  | no       | processing           |
 * | finished             | result ready: approved, or refusal to resolve (reason)  | no       | finished_processing  |
 * | returned             | result (or refusal notice) handed over                  | yes      | result_returned      |
 * | refused_at_intake    | Form 03; never received                                 | yes      | refused              |
 * | withdrawn            | the applicant stopped it (Form 05)                      | yes      | withdrawn_by_citizen |
 * | suspended            | the authority stopped processing (Form 05)              | yes      | suspended            |
 *
 * Commands and the statuses they run from (→ the status they lead to); everything else is refused
 * with DOSSIER.ILLEGAL_TRANSITION, or DOSSIER.WRONG_CHANNEL where only the channel is wrong.
 *
 * | command            | from                                                   | to                                 | form |
 * |--------------------|--------------------------------------------------------|------------------------------------|------|
 * | submit             | draft (online only)                                    | submitted                          |      |
 * | receive            | draft (direct/postal only), submitted                  | received                           | 01   |
 * | refuse_intake      | draft (direct/postal only), submitted                  | refused_at_intake                  | 03   |
 * | request_supplement | draft (direct/postal only), submitted                  | supplement_requested (intake)      | 02   |
 * |                    | in_progress, within 3 working days of receipt          | supplement_requested (processing)  | 02   |
 * | supply             | supplement_requested (intake)                          | submitted                          |      |
 * |                    | supplement_requested (processing): the clock restarts  | in_progress                        |      |
 * | assign             | received, in_progress (reassignment)                   | in_progress                        |      |
 * | transfer           | received, in_progress; a step with its own deadline    | in_progress                        |      |
 * | consult            | in_progress; a consultation with a reply deadline      | in_progress                        |      |
 * | approve            | in_progress                                            | finished (approved)                |      |
 * | refuse             | in_progress (reason required)                          | finished (refused)                 |      |
 * | extend             | received, in_progress; once; ≥1 working day before due | unchanged                          | 04   |
 * | withdraw           | submitted, supplement_requested, received, in_progress | withdrawn (applicant only)         | 05   |
 * | suspend            | received, in_progress, supplement (processing phase)   | suspended                          | 05   |
 * | return_result      | finished                                               | returned (counter/post/electronic) |      |
 *
 * Choices where DOMAIN.md is silent or ambiguous:
 * - A counter/postal dossier has no `submitted` step: the desk receives, refuses or asks for a
 *   supplement straight from `draft`. An online draft must be submitted by the applicant first.
 * - An intake supplement (before receipt) does not count for lateness and has no 3-day limit; once
 *   supplied, the dossier is back to `submitted` (awaiting the intake check) whatever its channel.
 * - The 3-working-day limit counts from the receipt (`receivedAt`, never moved): the request is
 *   allowed on any time of the 3rd working day after the receipt day (receipt day not counted;
 *   a receipt on a non-working day counts from the next working day, as for due dates).
 *   A second processing request inside that window is allowed, and `outcome` counts it late.
 * - `supply` restarts the full legal duration from the supply instant. An extension granted before
 *   the supplement request is void after the restart (`extendedDueAt` cleared), and stays used.
 * - `extend` at the latest on the working day before the current due date (any hour of that day);
 *   not while waiting for a supplement (the clock is stopped then).
 * - How far `extend` may move the due date: DOMAIN.md gives only "one extension" and the notice's
 *   deadline, no length. The rule here [B]: the new date is at most one more legal processing time
 *   after the current due date (5 working days for a 5-day procedure; one working day at least),
 *   computed by the calendar as the due date itself is: `latestExtendedDueAt`. Beyond it,
 *   DOSSIER.EXTENSION_TOO_LONG (422) naming `body.newDueAt` (a date in 2099 was accepted).
 * - `withdraw` is the applicant's own act (actor kind `applicant`); at the counter, when the
 *   applicant asks the official to stop, the official records `suspend`. A draft is discarded, not
 *   withdrawn. A refusal to resolve is `finished` with `result: 'refused'` and syncs as "finished
 *   processing": the national "refused" status is the refusal to receive (Form 03).
 * - An intake-phase dossier cannot be suspended (the desk refuses it at intake instead).
 * - No supplement request from `received` (the desk checked completeness when it issued Form 01;
 *   appraisal, which may find gaps, starts in `in_progress`).
 * - `transfer` also runs from `received`: the desk sends the dossier to the competent unit
 *   (§1 step 2), which is `in_progress` with no handler until the unit assigns one.
 * - Commands dated before an instant already recorded on the dossier are refused
 *   (DOSSIER.TIME_BEFORE_LAST_EVENT): it catches clock skew and wrong backfills.
 * - Consultation is in the issue but not in the command list: it is a status-preserving command
 *   recording the consulted unit/agency and the reply deadline, like `transfer`.
 */
import {
  addWorkingDays,
  type Calendar,
  dueAt as computeDueAt,
  type LegalDuration,
  MS_PER_HOUR,
  transferDeadline,
  vietnamDateOf,
} from '../../platform/calendar/index.ts';
import type { DomainError } from '../../platform/errors.ts';
import { DossierErrors } from './errors.ts';

// ---------------------------------------------------------------------------------------
// Vocabulary

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

/** No command leaves these. (`finished` is not terminal: the result still has to be returned.) */
export const TERMINAL_STATUSES: ReadonlySet<DossierStatus> = new Set<DossierStatus>([
  'returned',
  'refused_at_intake',
  'withdrawn',
  'suspended',
]);
export const isTerminal = (status: DossierStatus): boolean => TERMINAL_STATUSES.has(status);

/** The statuses of the national sync (DOMAIN.md §1 [S]); numeric codes belong to the sync adapter. */
export type NationalSyncStatus =
  | 'draft'
  | 'new'
  | 'received'
  | 'processing'
  | 'supplement_requested'
  | 'refused'
  | 'suspended'
  | 'finished_processing'
  | 'result_returned'
  | 'withdrawn_by_citizen';

export const NATIONAL_SYNC_STATUS: Readonly<Record<DossierStatus, NationalSyncStatus>> = {
  draft: 'draft',
  submitted: 'new',
  supplement_requested: 'supplement_requested',
  received: 'received',
  in_progress: 'processing',
  finished: 'finished_processing',
  returned: 'result_returned',
  refused_at_intake: 'refused',
  withdrawn: 'withdrawn_by_citizen',
  suspended: 'suspended',
};

export type Label = { readonly vi: string; readonly en: string };

export const STATUS_LABELS: Readonly<Record<DossierStatus, Label>> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  submitted: { vi: 'Chờ tiếp nhận', en: 'Awaiting intake' },
  supplement_requested: { vi: 'Chờ bổ sung hồ sơ', en: 'Awaiting a supplement' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  finished: { vi: 'Đã có kết quả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  refused_at_intake: { vi: 'Từ chối tiếp nhận', en: 'Refused at intake' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  suspended: { vi: 'Dừng xử lý', en: 'Suspended' },
};

/** The commands (transitions). Rating is data on a returned dossier, not a transition. */
export const DOSSIER_ACTIONS = [
  'submit',
  'receive',
  'refuse_intake',
  'request_supplement',
  'supply',
  'assign',
  'transfer',
  'consult',
  'approve',
  'refuse',
  'extend',
  'withdraw',
  'suspend',
  'return_result',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export const ACTION_LABELS: Readonly<Record<DossierAction, Label>> = {
  submit: { vi: 'nộp hồ sơ', en: 'submit' },
  receive: { vi: 'tiếp nhận hồ sơ', en: 'receive' },
  refuse_intake: { vi: 'từ chối tiếp nhận', en: 'refuse at intake' },
  request_supplement: { vi: 'yêu cầu bổ sung hồ sơ', en: 'request a supplement' },
  supply: { vi: 'nộp bổ sung hồ sơ', en: 'deliver the supplement' },
  assign: { vi: 'phân công xử lý', en: 'assign a handler' },
  transfer: { vi: 'chuyển xử lý', en: 'transfer' },
  consult: { vi: 'xin ý kiến', en: 'consult' },
  approve: { vi: 'duyệt kết quả', en: 'approve' },
  refuse: { vi: 'từ chối giải quyết', en: 'refuse to resolve' },
  extend: { vi: 'xin lỗi và hẹn lại ngày trả', en: 'apologise and extend' },
  withdraw: { vi: 'rút hồ sơ', en: 'withdraw' },
  suspend: { vi: 'dừng xử lý', en: 'suspend' },
  return_result: { vi: 'trả kết quả', en: 'return the result' },
};

/** National sync codes: 1 direct, 2 online, 3 postal. */
export type DossierChannel = 'direct' | 'online' | 'postal';
const CHANNEL_LABELS: Readonly<Record<DossierChannel, Label>> = {
  direct: { vi: 'nộp trực tiếp', en: 'handed in at the counter' },
  online: { vi: 'nộp trực tuyến', en: 'submitted online' },
  postal: { vi: 'gửi qua bưu chính công ích', en: 'sent by public post' },
};

export type ReturnMethod = 'counter' | 'post' | 'electronic';
export const RETURN_METHODS: readonly ReturnMethod[] = ['counter', 'post', 'electronic'];

/** Forms of Circular 03/2025 [S] issued by a transition. */
export type NoticeForm = '01' | '02' | '03' | '04' | '05';

export type PauseReason = 'intake_supplement' | 'processing_supplement';
/** Compatible with the calendar's `Pause`, so `elapsedWorkingTime` accepts `state.pauses`. */
export type DossierPause = { readonly start: Date; readonly end: Date | null; readonly reason: PauseReason };

export type StepTarget = { readonly kind: 'unit' | 'agency'; readonly id: string };
/** Where the dossier is being processed now (set by `transfer`), with that step's own deadline. */
export type ProcessingStep = { readonly to: StepTarget; readonly startedAt: Date; readonly dueAt: Date };

export type DossierResult = 'approved' | 'refused';

/** What the rules need of a dossier. The service maps its row to this and `changes` back. */
export type DossierState = {
  readonly status: DossierStatus;
  readonly channel: DossierChannel;
  /** Of the procedure version the dossier was filed under. */
  readonly legalDuration: LegalDuration;
  /** When the applicant handed it over (online submission; for the counter, the intake check). */
  readonly submittedAt: Date | null;
  /** The valid receipt (Form 01); never moved, also by a supplement. */
  readonly receivedAt: Date | null;
  /** The legal due date (appointment); recomputed when a processing supplement is delivered. */
  readonly dueAt: Date | null;
  /** The one extension's new date (Form 04), if any and still in force. */
  readonly extendedDueAt: Date | null;
  /** Extensions granted (at most 1), kept when `supply` voids `extendedDueAt`. */
  readonly extensionCount: number;
  readonly pauses: readonly DossierPause[];
  /** Supplement requests after receipt (the ones that count for lateness). */
  readonly supplementRequests: number;
  readonly handlerId: string | null;
  readonly currentStep: ProcessingStep | null;
  readonly result: DossierResult | null;
  readonly finishedAt: Date | null;
  readonly returnedAt: Date | null;
  readonly returnMethod: ReturnMethod | null;
  /** When it was refused at intake, withdrawn or suspended. */
  readonly stoppedAt: Date | null;
};

/** A new dossier: a draft. */
export function newDossierState(init: {
  channel: DossierChannel;
  legalDuration: LegalDuration;
}): DossierState {
  return {
    status: 'draft',
    channel: init.channel,
    legalDuration: init.legalDuration,
    submittedAt: null,
    receivedAt: null,
    dueAt: null,
    extendedDueAt: null,
    extensionCount: 0,
    pauses: [],
    supplementRequests: 0,
    handlerId: null,
    currentStep: null,
    result: null,
    finishedAt: null,
    returnedAt: null,
    returnMethod: null,
    stoppedAt: null,
  };
}

/** Who acts. `system` = an automatic step (e.g. an interconnected system's callback). */
export type DossierActor = { readonly kind: 'applicant' | 'official' | 'system'; readonly id: string | null };

/** A file already stored (scan, signed form, result), referenced by the event. */
export type AttachmentRef = { readonly fileId: string; readonly name?: string };

type CommandBase = {
  readonly actor: DossierActor;
  readonly note?: string | null;
  readonly attachments?: readonly AttachmentRef[];
};

/** A step's deadline: an instant, or a period counted from now with the calendar. */
type StepDeadline = { readonly dueAt?: Date; readonly duration?: LegalDuration };

export type DossierCommand = CommandBase &
  (
    | { readonly type: 'submit' }
    | { readonly type: 'receive' }
    | { readonly type: 'refuse_intake'; readonly reason: string }
    | { readonly type: 'request_supplement'; readonly items: readonly string[]; readonly reason?: string }
    | { readonly type: 'supply' }
    | { readonly type: 'assign'; readonly handlerId: string }
    | ({
        readonly type: 'transfer';
        readonly to: StepTarget;
        /** The handler at the destination, if already known; else the destination assigns one. */
        readonly handlerId?: string | null;
      } & StepDeadline)
    | ({ readonly type: 'consult'; readonly with: StepTarget; readonly question?: string } & StepDeadline)
    | { readonly type: 'approve' }
    | { readonly type: 'refuse'; readonly reason: string }
    | { readonly type: 'extend'; readonly newDueAt: Date; readonly reason: string }
    | { readonly type: 'withdraw'; readonly reason?: string }
    | { readonly type: 'suspend'; readonly reason: string }
    | { readonly type: 'return_result'; readonly method: ReturnMethod }
  );

export type DossierEvent = {
  readonly type: DossierAction;
  readonly from: DossierStatus;
  readonly to: DossierStatus;
  readonly at: Date;
  readonly actor: DossierActor;
  readonly note: string | null;
  readonly attachments: readonly AttachmentRef[];
  /** The form the transition issues, for the document generator. */
  readonly form: NoticeForm | null;
  readonly data: Readonly<Record<string, unknown>>;
};

export type DossierChanges = Partial<Omit<DossierState, 'channel' | 'legalDuration'>>;

export type Decision = {
  readonly status: DossierStatus;
  /** The fields to update (always including `status`). */
  readonly changes: DossierChanges;
  readonly event: DossierEvent;
};

export type LifecycleContext = { readonly now: Date; readonly calendar: Calendar };

// ---------------------------------------------------------------------------------------
// Small helpers

const pad = (n: number) => String(n).padStart(2, '0');

/** A Vietnamese local time, e.g. `16:00 ngày 12/10/2026` / `2026-10-12 16:00 (UTC+7)`. */
function formatInstant(instant: Date): Label {
  const local = new Date(instant.getTime() + 7 * MS_PER_HOUR);
  const clock = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const date = vietnamDateOf(instant);
  return { vi: `${clock} ngày ${formatDate(date).vi}`, en: `${date} ${clock} (UTC+7)` };
}

function formatDate(isoDate: string): Label {
  const [y, m, d] = isoDate.split('-');
  return { vi: `${d}/${m}/${y}`, en: isoDate };
}

/** The due date in force: the extended one if any. */
export function currentDueAt(state: DossierState): Date | null {
  return state.extendedDueAt ?? state.dueAt;
}

/** Which supplement request a dossier is (or would be) waiting on: before or after receipt. */
export function supplementPhase(state: DossierState): 'intake' | 'processing' {
  return state.receivedAt === null ? 'intake' : 'processing';
}

function statusLabel(state: DossierState): Label {
  const label = STATUS_LABELS[state.status];
  if (state.status !== 'supplement_requested') return label;
  return supplementPhase(state) === 'intake'
    ? { vi: `${label.vi} (khi tiếp nhận)`, en: `${label.en} (at intake)` }
    : { vi: `${label.vi} (trong quá trình xử lý)`, en: `${label.en} (during processing)` };
}

function illegal(state: DossierState, action: DossierAction): DomainError {
  const a = ACTION_LABELS[action];
  const s = statusLabel(state);
  return DossierErrors.create('ILLEGAL_TRANSITION', {
    vi: `Không thể «${a.vi}» khi hồ sơ đang ở trạng thái «${s.vi}».`,
    en: `Cannot “${a.en}” while the dossier is “${s.en}”.`,
  });
}

function wrongChannel(state: DossierState, action: DossierAction): DomainError {
  const a = ACTION_LABELS[action];
  const s = statusLabel(state);
  const c = CHANNEL_LABELS[state.channel];
  const why =
    state.channel === 'online'
      ? {
          vi: 'hồ sơ trực tuyến phải được người nộp gửi đi trước khi cán bộ kiểm tra.',
          en: 'an online dossier must be submitted by the applicant before the desk checks it.',
        }
      : {
          vi: 'hồ sơ này do Bộ phận Một cửa kiểm tra và tiếp nhận trực tiếp.',
          en: 'the one-stop desk checks and receives this dossier directly.',
        };
  return DossierErrors.create('WRONG_CHANNEL', {
    vi: `Không thể «${a.vi}» khi hồ sơ (${c.vi}) đang ở trạng thái «${s.vi}»: ${why.vi}`,
    en: `Cannot “${a.en}” while the dossier (${c.en}) is “${s.en}”: ${why.en}`,
  });
}

function inconsistent(state: DossierState, what: Label): DomainError {
  return DossierErrors.create('INCONSISTENT_STATE', {
    vi: `Hồ sơ ở trạng thái «${STATUS_LABELS[state.status].vi}» nhưng ${what.vi}`,
    en: `The dossier is “${STATUS_LABELS[state.status].en}” but ${what.en}`,
  });
}

function invalid(action: DossierAction, what: Label): DomainError {
  const a = ACTION_LABELS[action];
  return DossierErrors.create('INVALID_COMMAND', {
    vi: `«${a.vi}»: ${what.vi}`,
    en: `“${a.en}”: ${what.en}`,
  });
}

function requireReceipt(state: DossierState): { receivedAt: Date; dueAt: Date } {
  if (state.receivedAt === null || state.dueAt === null) {
    throw inconsistent(state, {
      vi: 'thiếu thời điểm tiếp nhận hoặc ngày hẹn trả.',
      en: 'its receipt time or due date is missing.',
    });
  }
  return { receivedAt: state.receivedAt, dueAt: state.dueAt };
}

/** The last day a processing supplement may be requested: the 3rd working day after receipt. */
export function supplementDeadlineDate(receivedAt: Date, calendar: Calendar): string {
  return vietnamDateOf(computeDueAt(receivedAt, { value: 3, unit: 'working_days' }, calendar));
}

/**
 * The latest new due date an extension may set: the legal processing time once more (at least one
 * working day), counted from the current due date as a due date is counted from a receipt.
 */
export function latestExtendedDueAt(due: Date, legalDuration: LegalDuration, calendar: Calendar): Date {
  const again = computeDueAt(due, legalDuration, calendar);
  const oneDay = computeDueAt(due, { value: 1, unit: 'working_days' }, calendar);
  return again.getTime() > oneDay.getTime() ? again : oneDay;
}

/** The last day an extension may be issued: the working day before the due date in force. */
export function extensionDeadlineDate(due: Date, calendar: Calendar): string {
  return addWorkingDays(vietnamDateOf(due), -1, calendar);
}

// ---------------------------------------------------------------------------------------
// Which command may run now

const ALLOWED_FROM: Readonly<Record<DossierAction, readonly DossierStatus[]>> = {
  submit: ['draft'],
  receive: ['draft', 'submitted'],
  refuse_intake: ['draft', 'submitted'],
  request_supplement: ['draft', 'submitted', 'in_progress'],
  supply: ['supplement_requested'],
  assign: ['received', 'in_progress'],
  transfer: ['received', 'in_progress'],
  consult: ['in_progress'],
  approve: ['in_progress'],
  refuse: ['in_progress'],
  extend: ['received', 'in_progress'],
  withdraw: ['submitted', 'supplement_requested', 'received', 'in_progress'],
  suspend: ['supplement_requested', 'received', 'in_progress'],
  return_result: ['finished'],
};

/**
 * Why `action` cannot run on `state` now, or null if it can (payload and actor aside). One function
 * serves `decide` and `allowedCommands`, so the buttons shown and the rules enforced never differ.
 */
function refusal(state: DossierState, action: DossierAction, ctx: LifecycleContext): DomainError | null {
  if (!ALLOWED_FROM[action].includes(state.status)) return illegal(state, action);
  if (state.status === 'draft') {
    // Online: only the applicant's submit. Counter/postal: the desk acts on the draft directly.
    if ((action === 'submit') !== (state.channel === 'online')) return wrongChannel(state, action);
  }
  if (
    action === 'suspend' &&
    state.status === 'supplement_requested' &&
    supplementPhase(state) === 'intake'
  ) {
    return illegal(state, action);
  }
  if (action === 'request_supplement' && state.status === 'in_progress') {
    const { receivedAt } = requireReceipt(state);
    const lastDay = supplementDeadlineDate(receivedAt, ctx.calendar);
    if (vietnamDateOf(ctx.now) > lastDay) {
      const received = formatInstant(receivedAt);
      const last = formatDate(lastDay);
      return DossierErrors.create('SUPPLEMENT_TOO_LATE', {
        vi: `Không thể «${ACTION_LABELS.request_supplement.vi}»: hồ sơ tiếp nhận lúc ${received.vi}, hạn yêu cầu bổ sung là hết ngày ${last.vi} (3 ngày làm việc).`,
        en: `Cannot “${ACTION_LABELS.request_supplement.en}”: received ${received.en}, a supplement could be requested until the end of ${last.en} (3 working days).`,
      });
    }
  }
  if (action === 'extend') {
    const { dueAt } = requireReceipt(state);
    if (state.extensionCount >= 1 || state.extendedDueAt !== null) {
      return DossierErrors.create('EXTENSION_ALREADY_USED', {
        vi: `Không thể «${ACTION_LABELS.extend.vi}» lần thứ hai: hồ sơ đã được gia hạn một lần.`,
        en: `Cannot “${ACTION_LABELS.extend.en}” a second time: the dossier was already extended once.`,
      });
    }
    const lastDay = extensionDeadlineDate(dueAt, ctx.calendar);
    if (vietnamDateOf(ctx.now) > lastDay) {
      const due = formatInstant(dueAt);
      const last = formatDate(lastDay);
      return DossierErrors.create('EXTENSION_TOO_LATE', {
        vi: `Không thể «${ACTION_LABELS.extend.vi}»: hạn trả là ${due.vi}, phải gia hạn chậm nhất trong ngày ${last.vi}.`,
        en: `Cannot “${ACTION_LABELS.extend.en}”: due ${due.en}, the extension had to be issued by the end of ${last.en}.`,
      });
    }
  }
  return null;
}

/** The commands the state permits now, in `DOSSIER_ACTIONS` order (before authorization). */
export function allowedCommands(state: DossierState, ctx: LifecycleContext): DossierAction[] {
  // The status test first: refusal() builds an error (with its stack) for every action it refuses.
  return DOSSIER_ACTIONS.filter(
    (action) => ALLOWED_FROM[action].includes(state.status) && refusal(state, action, ctx) === null,
  );
}

// ---------------------------------------------------------------------------------------
// Payload checks

function text(action: DossierAction, value: unknown, field: Label): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(action, { vi: `cần ${field.vi}.`, en: `${field.en} is required.` });
  }
  return value.trim();
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isInstant(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function target(action: DossierAction, value: unknown): StepTarget {
  const t = value as Partial<StepTarget> | null | undefined;
  if (!t || (t.kind !== 'unit' && t.kind !== 'agency') || typeof t.id !== 'string' || t.id.trim() === '') {
    throw invalid(action, {
      vi: 'cần đơn vị hoặc cơ quan nhận (loại và mã).',
      en: 'the receiving unit or agency (kind and id) is required.',
    });
  }
  return { kind: t.kind, id: t.id.trim() };
}

/** A step's deadline: exactly one of an instant or a period counted from now; after now. */
function stepDeadline(action: DossierAction, deadline: StepDeadline, ctx: LifecycleContext): Date {
  const hasDate = deadline.dueAt !== undefined;
  const hasDuration = deadline.duration !== undefined;
  if (hasDate === hasDuration) {
    throw invalid(action, {
      vi: 'cần đúng một trong hai: thời hạn của bước (thời điểm) hoặc số ngày/giờ xử lý.',
      en: 'give exactly one of the step deadline (an instant) or its duration.',
    });
  }
  const due = hasDuration ? computeDueAt(ctx.now, deadline.duration!, ctx.calendar) : deadline.dueAt;
  if (!isInstant(due) || due.getTime() <= ctx.now.getTime()) {
    throw invalid(action, {
      vi: 'thời hạn của bước phải sau thời điểm hiện tại.',
      en: 'the step deadline must be after now.',
    });
  }
  return due;
}

/** The latest instant already recorded on the dossier; a command may not be dated before it. */
function lastRecordedInstant(state: DossierState): number {
  const instants = [
    state.submittedAt,
    state.receivedAt,
    state.finishedAt,
    state.returnedAt,
    state.stoppedAt,
    state.currentStep?.startedAt ?? null,
    ...state.pauses.flatMap((p) => [p.start, p.end]),
  ];
  return Math.max(-Infinity, ...instants.filter((d): d is Date => d !== null).map((d) => d.getTime()));
}

/** Close the open pause, if any, at `now`. */
function closePauses(state: DossierState, now: Date): DossierPause[] {
  return state.pauses.map((p) => (p.end === null ? { ...p, end: now } : p));
}

// ---------------------------------------------------------------------------------------
// The machine

/**
 * Apply `command` to `state` at `ctx.now`: the new status, the fields to update and the event row.
 * Throws a `DossierErrors` DomainError when the command is not allowed now or its data is invalid.
 */
export function decide(state: DossierState, command: DossierCommand, ctx: LifecycleContext): Decision {
  const { now, calendar } = ctx;
  if (!isInstant(now)) {
    throw invalid(command.type, { vi: 'thời điểm thực hiện không hợp lệ.', en: 'invalid time.' });
  }
  const refused = refusal(state, command.type, ctx);
  if (refused) throw refused;
  if (now.getTime() < lastRecordedInstant(state)) {
    throw DossierErrors.create('TIME_BEFORE_LAST_EVENT', {
      vi: `Không thể «${ACTION_LABELS[command.type].vi}» lúc ${formatInstant(now).vi}: hồ sơ đã có sự kiện muộn hơn.`,
      en: `Cannot “${ACTION_LABELS[command.type].en}” at ${formatInstant(now).en}: the dossier has a later event.`,
    });
  }

  const decision = (
    to: DossierStatus,
    changes: DossierChanges,
    form: NoticeForm | null,
    data: Record<string, unknown> = {},
  ): Decision => ({
    status: to,
    changes: { ...changes, status: to },
    event: {
      type: command.type,
      from: state.status,
      to,
      at: now,
      actor: command.actor,
      note: optionalText(command.note),
      attachments: command.attachments ?? [],
      form,
      data,
    },
  });

  switch (command.type) {
    case 'submit':
      return decision('submitted', { submittedAt: now }, null);

    case 'receive': {
      const due = computeDueAt(now, state.legalDuration, calendar);
      // §1 step 2: online dossiers go to the competent unit at once, counter ones by this deadline.
      const transferBy = state.channel === 'online' ? now : transferDeadline(now, calendar);
      return decision(
        'received',
        { submittedAt: state.submittedAt ?? now, receivedAt: now, dueAt: due },
        '01',
        {
          appointmentAt: due,
          legalDuration: state.legalDuration,
          transferBy,
        },
      );
    }

    case 'refuse_intake': {
      const reason = text(command.type, command.reason, { vi: 'lý do từ chối', en: 'a reason' });
      return decision(
        'refused_at_intake',
        { submittedAt: state.submittedAt ?? now, stoppedAt: now, pauses: closePauses(state, now) },
        '03',
        { reason },
      );
    }

    case 'request_supplement': {
      const items = Array.isArray(command.items)
        ? command.items.map((i) => optionalText(i)).filter((i): i is string => i !== null)
        : [];
      if (items.length === 0) {
        throw invalid(command.type, {
          vi: 'cần liệt kê đầy đủ các thành phần hồ sơ phải bổ sung.',
          en: 'list every component the applicant must supply.',
        });
      }
      const reason = optionalText(command.reason);
      if (state.status === 'in_progress') {
        const { receivedAt } = requireReceipt(state);
        return decision(
          'supplement_requested',
          {
            pauses: [...state.pauses, { start: now, end: null, reason: 'processing_supplement' }],
            supplementRequests: state.supplementRequests + 1,
          },
          '02',
          {
            phase: 'processing',
            items,
            reason,
            requestNumber: state.supplementRequests + 1,
            lastAllowedDate: supplementDeadlineDate(receivedAt, calendar),
          },
        );
      }
      return decision(
        'supplement_requested',
        {
          submittedAt: state.submittedAt ?? now,
          pauses: [...state.pauses, { start: now, end: null, reason: 'intake_supplement' }],
        },
        '02',
        { phase: 'intake', items, reason },
      );
    }

    case 'supply': {
      const open = state.pauses.find((p) => p.end === null);
      if (!open) {
        throw inconsistent(state, { vi: 'không có khoảng tạm dừng đang mở.', en: 'no pause is open.' });
      }
      const pauses = closePauses(state, now);
      if (supplementPhase(state) === 'intake') {
        return decision('submitted', { pauses }, null, { phase: 'intake', waitedSince: open.start });
      }
      // "The processing time restarts when the complete dossier arrives": the full legal duration again.
      const previousDueAt = currentDueAt(state);
      const due = computeDueAt(now, state.legalDuration, calendar);
      return decision('in_progress', { pauses, dueAt: due, extendedDueAt: null }, null, {
        phase: 'processing',
        waitedSince: open.start,
        previousDueAt,
        dueAt: due,
        voidedExtension: state.extendedDueAt !== null,
      });
    }

    case 'assign': {
      const handlerId = text(command.type, command.handlerId, { vi: 'người xử lý', en: 'a handler' });
      return decision('in_progress', { handlerId }, null, {
        handlerId,
        previousHandlerId: state.handlerId,
      });
    }

    case 'transfer': {
      const to = target(command.type, command.to);
      const stepDueAt = stepDeadline(command.type, command, ctx);
      const handlerId = optionalText(command.handlerId);
      const step: ProcessingStep = { to, startedAt: now, dueAt: stepDueAt };
      return decision('in_progress', { handlerId, currentStep: step }, null, {
        to,
        stepDueAt,
        handlerId,
        previousHandlerId: state.handlerId,
        previousStep: state.currentStep,
      });
    }

    case 'consult': {
      const consulted = target(command.type, command.with);
      const replyDueAt = stepDeadline(command.type, command, ctx);
      return decision('in_progress', {}, null, {
        with: consulted,
        replyDueAt,
        question: optionalText(command.question),
      });
    }

    case 'approve':
      return decision('finished', { result: 'approved', finishedAt: now }, null, { result: 'approved' });

    case 'refuse': {
      const reason = text(command.type, command.reason, { vi: 'lý do từ chối giải quyết', en: 'a reason' });
      return decision('finished', { result: 'refused', finishedAt: now }, null, {
        result: 'refused',
        reason,
      });
    }

    case 'extend': {
      const { dueAt } = requireReceipt(state);
      const reason = text(command.type, command.reason, {
        vi: 'lý do chậm trễ',
        en: 'the reason for the delay',
      });
      if (!isInstant(command.newDueAt)) {
        throw invalid(command.type, { vi: 'cần ngày hẹn trả mới.', en: 'a new due date is required.' });
      }
      if (command.newDueAt.getTime() <= dueAt.getTime()) {
        throw DossierErrors.create('EXTENSION_DATE_NOT_LATER', {
          vi: `Ngày hẹn trả mới (${formatInstant(command.newDueAt).vi}) phải sau ngày hẹn hiện tại (${formatInstant(dueAt).vi}).`,
          en: `The new due date (${formatInstant(command.newDueAt).en}) must be after the current one (${formatInstant(dueAt).en}).`,
        });
      }
      const latest = latestExtendedDueAt(dueAt, state.legalDuration, calendar);
      if (command.newDueAt.getTime() > latest.getTime()) {
        const [asked, limit] = [formatInstant(command.newDueAt), formatInstant(latest)];
        throw DossierErrors.create(
          'EXTENSION_TOO_LONG',
          {
            vi: `Ngày hẹn trả mới (${asked.vi}) quá xa: chỉ được gia hạn thêm tối đa một lần thời hạn giải quyết, tức đến ${limit.vi}.`,
            en: `The new due date (${asked.en}) is too far: an extension adds at most the processing time once more, up to ${limit.en}.`,
          },
          [
            {
              field: 'body.newDueAt',
              vi: `Chọn ngày hẹn trả không muộn hơn ${limit.vi}.`,
              en: `Choose a due date no later than ${limit.en}.`,
            },
          ],
        );
      }
      return decision(
        state.status,
        { extendedDueAt: command.newDueAt, extensionCount: state.extensionCount + 1 },
        '04',
        { previousDueAt: dueAt, newDueAt: command.newDueAt, reason },
      );
    }

    case 'withdraw': {
      if (command.actor.kind !== 'applicant') {
        throw DossierErrors.create('APPLICANT_ONLY', {
          vi: `Chỉ người nộp hồ sơ mới được «${ACTION_LABELS.withdraw.vi}»; cán bộ ghi nhận yêu cầu dừng bằng «${ACTION_LABELS.suspend.vi}».`,
          en: `Only the applicant may “${ACTION_LABELS.withdraw.en}”; an official records a request to stop with “${ACTION_LABELS.suspend.en}”.`,
        });
      }
      return decision('withdrawn', { stoppedAt: now, pauses: closePauses(state, now) }, '05', {
        reason: optionalText(command.reason),
        afterReceipt: state.receivedAt !== null,
      });
    }

    case 'suspend': {
      const reason = text(command.type, command.reason, { vi: 'lý do dừng xử lý', en: 'a reason' });
      return decision('suspended', { stoppedAt: now, pauses: closePauses(state, now) }, '05', { reason });
    }

    case 'return_result': {
      if (!RETURN_METHODS.includes(command.method)) {
        throw invalid(command.type, {
          vi: 'hình thức trả phải là tại quầy, qua bưu chính hoặc điện tử.',
          en: 'the method must be counter, post or electronic.',
        });
      }
      return decision('returned', { returnedAt: now, returnMethod: command.method }, null, {
        method: command.method,
        result: state.result,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Early / on time / late (DOMAIN.md §2, the national 766 engine [S])

export type DossierOutcome = 'early' | 'on_time' | 'late' | 'in_progress_on_time' | 'overdue';

/** If `instant` falls while the clock waited for a processing supplement, the pause's start. */
function clockTimeAt(state: DossierState, instant: Date): Date {
  for (const p of state.pauses) {
    if (p.reason !== 'processing_supplement') continue;
    if (p.start <= instant && (p.end === null || instant <= p.end)) return p.start;
  }
  return instant;
}

/**
 * How the dossier stands against its due date (the extended one if any) at `at`, the end of the
 * measured period; null when it was never received (not counted). Finished = the first terminal
 * event: processing finished (approved or refused to resolve), or a withdrawal/suspension after
 * receipt. Time waiting for the citizen's supplement does not count: `supply` already restarted the
 * due date, and a stop or a measurement while waiting counts at the start of the wait.
 * - finished by `at`: more than one supplement request after receipt → late; finish after the due
 *   instant → late; on an earlier Vietnamese date → early; else (same date, not after) → on time.
 * - not finished by `at`: after the due instant → overdue; else in progress within the deadline.
 * The state is the dossier as it is now: for a past period, pass the state as of that period.
 */
export function outcome(state: DossierState, at: Date): DossierOutcome | null {
  if (state.receivedAt === null) return null;
  const due = currentDueAt(state);
  if (due === null) throw inconsistent(state, { vi: 'thiếu ngày hẹn trả.', en: 'its due date is missing.' });
  const stopped = state.status === 'withdrawn' || state.status === 'suspended' ? state.stoppedAt : null;
  const finish = state.finishedAt ?? state.returnedAt ?? stopped;
  if (finish !== null && finish.getTime() <= at.getTime()) {
    if (state.supplementRequests > 1) return 'late';
    const counted = clockTimeAt(state, finish);
    if (counted.getTime() > due.getTime()) return 'late';
    return vietnamDateOf(counted) < vietnamDateOf(due) ? 'early' : 'on_time';
  }
  return clockTimeAt(state, at).getTime() > due.getTime() ? 'overdue' : 'in_progress_on_time';
}
