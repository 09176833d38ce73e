/**
 * The dossier state machine. Default office hours 07:30–11:30, 13:30–16:00 (UTC+7): closing time
 * 16:00 local is 09:00Z. October 2026 has no holiday: Mon 5, Tue 6, … Fri 9, Mon 12, … Tue 20.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/index.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  ACTION_LABELS,
  allowedCommands,
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type DossierAction,
  type DossierActor,
  type DossierCommand,
  type DossierState,
  type DossierStatus,
  decide,
  isTerminal,
  type LifecycleContext,
  NATIONAL_SYNC_STATUS,
  newDossierState,
  outcome,
} from './lifecycle.ts';

const calendar = createCalendar();
/** An instant given as Vietnamese local time 'YYYY-MM-DDTHH:MM'. */
const vn = (local: string) => new Date(`${local}:00+07:00`);
const at = (local: string): LifecycleContext => ({ now: vn(local), calendar });

const official: DossierActor = { kind: 'official', id: 'officer-1' };
const applicant: DossierActor = { kind: 'applicant', id: 'citizen-1' };
const FIVE_DAYS = { value: 5, unit: 'working_days' } as const;

/** Apply a command and return the next state, as the service would after writing `changes`. */
function run(state: DossierState, command: DossierCommand, local: string): DossierState {
  const { changes } = decide(state, command, at(local));
  return { ...state, ...changes };
}

function refusedWith(fn: () => unknown, code: string): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return error as DomainError;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

// ---------------------------------------------------------------------------------------
// Commands with valid data, one per action.

const COMMANDS = {
  submit: { type: 'submit', actor: applicant },
  receive: { type: 'receive', actor: official, attachments: [{ fileId: 'scan-1', name: 'don.pdf' }] },
  refuse_intake: { type: 'refuse_intake', actor: official, reason: 'Không thuộc thẩm quyền' },
  request_supplement: { type: 'request_supplement', actor: official, items: ['Bản sao CCCD'] },
  supply: { type: 'supply', actor: applicant },
  assign: { type: 'assign', actor: official, handlerId: 'specialist-1' },
  transfer: {
    type: 'transfer',
    actor: official,
    to: { kind: 'agency', id: 'H15.10' },
    duration: { value: 2, unit: 'working_days' },
  },
  consult: {
    type: 'consult',
    actor: official,
    with: { kind: 'unit', id: 'legal' },
    duration: { value: 1, unit: 'working_days' },
  },
  approve: { type: 'approve', actor: official },
  refuse: { type: 'refuse', actor: official, reason: 'Không đủ điều kiện' },
  extend: { type: 'extend', actor: official, newDueAt: vn('2026-10-14T16:00'), reason: 'Chờ xác minh' },
  withdraw: { type: 'withdraw', actor: applicant },
  suspend: { type: 'suspend', actor: official, reason: 'Người nộp đề nghị dừng' },
  return_result: { type: 'return_result', actor: official, method: 'counter' },
} satisfies Record<DossierAction, DossierCommand>;

// ---------------------------------------------------------------------------------------
// One state per row of the table, built by hand (not through the machine). Received Mon 5 Oct
// 09:00 with 5 working days → due Mon 12 Oct 16:00. The table runs on Tue 6 Oct 10:00: inside the
// 3-working-day supplement window and early enough to extend.

const TABLE_NOW = '2026-10-06T10:00';
const online = newDossierState({ channel: 'online', legalDuration: FIVE_DAYS });
const submitted: DossierState = { ...online, status: 'submitted', submittedAt: vn('2026-10-04T20:00') };
const received: DossierState = {
  ...submitted,
  status: 'received',
  receivedAt: vn('2026-10-05T09:00'),
  dueAt: vn('2026-10-12T16:00'),
};
const inProgress: DossierState = { ...received, status: 'in_progress', handlerId: 'specialist-1' };
const finished: DossierState = {
  ...inProgress,
  status: 'finished',
  result: 'approved',
  finishedAt: vn('2026-10-06T09:00'),
};

const ROWS: Record<string, DossierState> = {
  'draft (online)': online,
  'draft (direct)': newDossierState({ channel: 'direct', legalDuration: FIVE_DAYS }),
  'draft (postal)': newDossierState({ channel: 'postal', legalDuration: FIVE_DAYS }),
  submitted,
  'supplement_requested (intake)': {
    ...submitted,
    status: 'supplement_requested',
    pauses: [{ start: vn('2026-10-05T08:00'), end: null, reason: 'intake_supplement' }],
  },
  'supplement_requested (processing)': {
    ...inProgress,
    status: 'supplement_requested',
    supplementRequests: 1,
    pauses: [{ start: vn('2026-10-06T08:00'), end: null, reason: 'processing_supplement' }],
  },
  received,
  in_progress: inProgress,
  finished,
  returned: { ...finished, status: 'returned', returnedAt: vn('2026-10-06T09:30'), returnMethod: 'post' },
  refused_at_intake: { ...submitted, status: 'refused_at_intake', stoppedAt: vn('2026-10-05T09:00') },
  withdrawn: { ...inProgress, status: 'withdrawn', stoppedAt: vn('2026-10-06T08:00') },
  suspended: { ...inProgress, status: 'suspended', stoppedAt: vn('2026-10-06T08:00') },
};

/**
 * The expected table, by hand. A cell is the status the command leads to, `--` for
 * DOSSIER.ILLEGAL_TRANSITION or `ch` for DOSSIER.WRONG_CHANNEL.
 * SUB submitted · SUP supplement_requested · REC received · PRO in_progress · FIN finished ·
 * RET returned · RFI refused_at_intake · WDR withdrawn · SUS suspended.
 */
const TABLE = `
                                  submit receive refuse_intake request_supplement supply assign transfer consult approve refuse extend withdraw suspend return_result
draft (online)                    SUB    ch      ch            ch                 --     --     --       --      --      --     --     --       --      --
draft (direct)                    ch     REC     RFI           SUP                --     --     --       --      --      --     --     --       --      --
draft (postal)                    ch     REC     RFI           SUP                --     --     --       --      --      --     --     --       --      --
submitted                         --     REC     RFI           SUP                --     --     --       --      --      --     --     WDR      --      --
supplement_requested (intake)     --     --      --            --                 SUB    --     --       --      --      --     --     WDR      --      --
supplement_requested (processing) --     --      --            --                 PRO    --     --       --      --      --     --     WDR      SUS     --
received                          --     --      --            --                 --     PRO    PRO      --      --      --     REC    WDR      SUS     --
in_progress                       --     --      --            SUP                --     PRO    PRO      PRO     FIN     FIN    PRO    WDR      SUS     --
finished                          --     --      --            --                 --     --     --       --      --      --     --     --       --      RET
returned                          --     --      --            --                 --     --     --       --      --      --     --     --       --      --
refused_at_intake                 --     --      --            --                 --     --     --       --      --      --     --     --       --      --
withdrawn                         --     --      --            --                 --     --     --       --      --      --     --     --       --      --
suspended                         --     --      --            --                 --     --     --       --      --      --     --     --       --      --
`;

const CELL_STATUS: Record<string, DossierStatus> = {
  SUB: 'submitted',
  SUP: 'supplement_requested',
  REC: 'received',
  PRO: 'in_progress',
  FIN: 'finished',
  RET: 'returned',
  RFI: 'refused_at_intake',
  WDR: 'withdrawn',
  SUS: 'suspended',
};

const [header, ...lines] = TABLE.trim().split('\n');
const columns = header!.trim().split(/\s+/) as DossierAction[];
const table = lines.map((line) => {
  const match = /^(\S+(?: \(\w+\))?)\s+(.*)$/.exec(line)!;
  return { row: match[1]!, cells: match[2]!.trim().split(/\s+/) };
});
const pairs = table.flatMap(({ row, cells }) =>
  columns.map((action, i) => ({ row, action, cell: cells[i]! })),
);

describe('every status × command pair', () => {
  it('the table covers every status and every command', () => {
    expect(columns).toEqual([...DOSSIER_ACTIONS]);
    expect(table.map((r) => r.row)).toEqual(Object.keys(ROWS));
    expect(new Set(Object.values(ROWS).map((s) => s.status))).toEqual(new Set(DOSSIER_STATUSES));
    for (const { cells } of table) expect(cells).toHaveLength(DOSSIER_ACTIONS.length);
    expect(pairs).toHaveLength(13 * 14);
  });

  it.each(pairs)('$row × $action → $cell', ({ row, action, cell }) => {
    const state = ROWS[row]!;
    const ctx = at(TABLE_NOW);
    const allowed = allowedCommands(state, ctx).includes(action);
    if (cell === '--' || cell === 'ch') {
      expect(allowed).toBe(false);
      const error = refusedWith(
        () => decide(state, COMMANDS[action], ctx),
        cell === '--' ? 'DOSSIER.ILLEGAL_TRANSITION' : 'DOSSIER.WRONG_CHANNEL',
      );
      expect(error.detail?.vi).toContain(`«${ACTION_LABELS[action].vi}»`);
      expect(error.detail?.en).toContain(`“${ACTION_LABELS[action].en}”`);
    } else {
      expect(allowed).toBe(true);
      const { status, changes, event } = decide(state, COMMANDS[action], ctx);
      expect(status).toBe(CELL_STATUS[cell]);
      expect(changes.status).toBe(status);
      expect(event).toMatchObject({ type: action, from: state.status, to: status, at: ctx.now });
      expect(event.actor).toBe(COMMANDS[action].actor);
    }
  });

  it('names the action and the status in Vietnamese and English', () => {
    const error = refusedWith(
      () => decide(inProgress, COMMANDS.return_result, at(TABLE_NOW)),
      'DOSSIER.ILLEGAL_TRANSITION',
    );
    expect(error.detail).toEqual({
      vi: 'Không thể «trả kết quả» khi hồ sơ đang ở trạng thái «Đang xử lý».',
      en: 'Cannot “return the result” while the dossier is “In progress”.',
    });
    expect(error.status).toBe(409);
  });

  it('terminal statuses and national sync statuses', () => {
    const terminal = DOSSIER_STATUSES.filter(isTerminal);
    expect(terminal).toEqual(['returned', 'refused_at_intake', 'withdrawn', 'suspended']);
    expect(NATIONAL_SYNC_STATUS).toEqual({
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
    });
  });
});

// ---------------------------------------------------------------------------------------

describe('intake', () => {
  it('online: submit, receive with the legal due date (Mon 5 Oct 09:00 + 5 working days → Mon 12 Oct 16:00)', () => {
    const s1 = run(online, COMMANDS.submit, '2026-10-04T20:00');
    expect(s1).toMatchObject({ status: 'submitted', submittedAt: vn('2026-10-04T20:00') });
    const { changes, event } = decide(s1, COMMANDS.receive, at('2026-10-05T09:00'));
    expect(changes).toEqual({
      status: 'received',
      submittedAt: vn('2026-10-04T20:00'),
      receivedAt: vn('2026-10-05T09:00'),
      dueAt: vn('2026-10-12T16:00'),
    });
    expect(event.form).toBe('01');
    expect(event.attachments).toEqual([{ fileId: 'scan-1', name: 'don.pdf' }]);
    // Online dossiers go to the competent unit at once.
    expect(event.data).toMatchObject({
      appointmentAt: vn('2026-10-12T16:00'),
      transferBy: vn('2026-10-05T09:00'),
    });
  });

  it('counter: received after 15:00 must reach the competent unit at the next opening', () => {
    const counter = newDossierState({ channel: 'direct', legalDuration: FIVE_DAYS });
    const { changes, event } = decide(counter, COMMANDS.receive, at('2026-10-05T15:30'));
    expect(changes).toMatchObject({
      submittedAt: vn('2026-10-05T15:30'),
      receivedAt: vn('2026-10-05T15:30'),
      dueAt: vn('2026-10-12T16:00'),
    });
    expect(event.data.transferBy).toEqual(vn('2026-10-06T07:30'));
  });

  it('counts a Sunday online receipt from Monday (2 working days → Tue 6 Oct)', () => {
    const twoDays: DossierState = { ...submitted, legalDuration: { value: 2, unit: 'working_days' } };
    expect(run(twoDays, COMMANDS.receive, '2026-10-04T21:00').dueAt).toEqual(vn('2026-10-06T16:00'));
    expect(run(submitted, COMMANDS.receive, '2026-10-04T21:00').dueAt).toEqual(vn('2026-10-09T16:00'));
  });

  it('intake supplement: no clock, not counted; once supplied the dossier awaits the intake check again', () => {
    const s1 = run(submitted, COMMANDS.request_supplement, '2026-10-05T08:00');
    expect(s1.status).toBe('supplement_requested');
    expect(s1.pauses).toEqual([{ start: vn('2026-10-05T08:00'), end: null, reason: 'intake_supplement' }]);
    expect(s1.supplementRequests).toBe(0);
    const s2 = run(s1, COMMANDS.supply, '2026-10-07T10:00');
    expect(s2.status).toBe('submitted');
    expect(s2.pauses[0]!.end).toEqual(vn('2026-10-07T10:00'));
    const s3 = run(s2, COMMANDS.receive, '2026-10-07T14:00');
    expect(s3.dueAt).toEqual(vn('2026-10-14T16:00'));
    expect(s3.supplementRequests).toBe(0);
  });

  it('counter intake supplement from the draft, then refusal at intake with Form 03', () => {
    const counter = newDossierState({ channel: 'postal', legalDuration: FIVE_DAYS });
    const s1 = run(counter, COMMANDS.request_supplement, '2026-10-05T08:00');
    expect(s1).toMatchObject({ status: 'supplement_requested', submittedAt: vn('2026-10-05T08:00') });
    const s2 = run(s1, COMMANDS.supply, '2026-10-06T08:00');
    expect(s2.status).toBe('submitted');
    const { changes, event } = decide(s2, COMMANDS.refuse_intake, at('2026-10-06T09:00'));
    expect(changes).toMatchObject({ status: 'refused_at_intake', stoppedAt: vn('2026-10-06T09:00') });
    expect(event).toMatchObject({ form: '03', data: { reason: 'Không thuộc thẩm quyền' } });
    expect(outcome({ ...s2, ...changes }, vn('2026-12-31T00:00'))).toBeNull();
  });

  it('a counter dossier is not submitted online; an online draft is not received at the desk', () => {
    const counter = newDossierState({ channel: 'direct', legalDuration: FIVE_DAYS });
    refusedWith(() => decide(counter, COMMANDS.submit, at(TABLE_NOW)), 'DOSSIER.WRONG_CHANNEL');
    const error = refusedWith(() => decide(online, COMMANDS.receive, at(TABLE_NOW)), 'DOSSIER.WRONG_CHANNEL');
    expect(error.detail?.vi).toContain('nộp trực tuyến');
  });
});

describe('processing: assignment, transfer, consultation', () => {
  it('transfer records a step with its own deadline and keeps the dossier in progress', () => {
    const s1 = run(received, COMMANDS.transfer, '2026-10-05T10:00');
    expect(s1.status).toBe('in_progress');
    expect(s1.currentStep).toEqual({
      to: { kind: 'agency', id: 'H15.10' },
      startedAt: vn('2026-10-05T10:00'),
      dueAt: vn('2026-10-07T16:00'),
    });
    expect(s1.handlerId).toBeNull(); // the receiving agency assigns
    const s2 = run(s1, COMMANDS.assign, '2026-10-05T11:00');
    expect(s2).toMatchObject({ status: 'in_progress', handlerId: 'specialist-1' });
    const back = decide(
      s2,
      {
        type: 'transfer',
        actor: official,
        to: { kind: 'unit', id: 'one-stop' },
        handlerId: 'specialist-2',
        dueAt: vn('2026-10-08T11:00'),
      },
      at('2026-10-07T09:00'),
    );
    expect(back.status).toBe('in_progress');
    expect(back.changes.handlerId).toBe('specialist-2');
    expect(back.event.data).toMatchObject({
      stepDueAt: vn('2026-10-08T11:00'),
      previousHandlerId: 'specialist-1',
    });
  });

  it('consultation keeps status and handler, and records the reply deadline', () => {
    const { changes, event } = decide(inProgress, COMMANDS.consult, at('2026-10-06T10:00'));
    expect(changes).toEqual({ status: 'in_progress' });
    expect(event.data).toMatchObject({
      with: { kind: 'unit', id: 'legal' },
      replyDueAt: vn('2026-10-07T16:00'),
    });
  });

  it('refuses bad step data', () => {
    const ctx = at('2026-10-06T10:00');
    const to = { kind: 'agency', id: 'X' } as const;
    refusedWith(
      () => decide(inProgress, { type: 'transfer', actor: official, to }, ctx),
      'DOSSIER.INVALID_COMMAND',
    );
    refusedWith(
      () =>
        decide(
          inProgress,
          { type: 'transfer', actor: official, to, dueAt: vn('2026-10-07T10:00'), duration: FIVE_DAYS },
          ctx,
        ),
      'DOSSIER.INVALID_COMMAND',
    );
    refusedWith(
      () => decide(inProgress, { type: 'transfer', actor: official, to, dueAt: vn('2026-10-06T09:00') }, ctx),
      'DOSSIER.INVALID_COMMAND',
    );
    refusedWith(
      () => decide(inProgress, { type: 'assign', actor: official, handlerId: ' ' }, ctx),
      'DOSSIER.INVALID_COMMAND',
    );
    refusedWith(
      () => decide(inProgress, { type: 'refuse', actor: official, reason: '' }, ctx),
      'DOSSIER.INVALID_COMMAND',
    );
    refusedWith(
      () => decide(inProgress, { type: 'request_supplement', actor: official, items: ['  '] }, ctx),
      'DOSSIER.INVALID_COMMAND',
    );
  });

  it('refusal to resolve finishes the dossier with its reason', () => {
    const { changes, event } = decide(inProgress, COMMANDS.refuse, at('2026-10-08T10:00'));
    expect(changes).toEqual({ status: 'finished', result: 'refused', finishedAt: vn('2026-10-08T10:00') });
    expect(event.data).toEqual({ result: 'refused', reason: 'Không đủ điều kiện' });
  });

  it('refuses a command dated before an event already recorded', () => {
    refusedWith(
      () => decide(inProgress, COMMANDS.approve, at('2026-10-05T08:59')),
      'DOSSIER.TIME_BEFORE_LAST_EVENT',
    );
  });
});

describe('supplement during processing (received Mon 5 Oct 09:00, 5 working days)', () => {
  it('may be requested until the end of the 3rd working day after receipt (Thu 8 Oct), not later', () => {
    const { changes, event } = decide(inProgress, COMMANDS.request_supplement, at('2026-10-08T15:00'));
    expect(changes).toEqual({
      status: 'supplement_requested',
      pauses: [{ start: vn('2026-10-08T15:00'), end: null, reason: 'processing_supplement' }],
      supplementRequests: 1,
    });
    expect(event).toMatchObject({ form: '02', data: { phase: 'processing', items: ['Bản sao CCCD'] } });
    expect(decide(inProgress, COMMANDS.request_supplement, at('2026-10-08T17:30')).status).toBe(
      'supplement_requested',
    );

    const error = refusedWith(
      () => decide(inProgress, COMMANDS.request_supplement, at('2026-10-09T08:00')),
      'DOSSIER.SUPPLEMENT_TOO_LATE',
    );
    expect(error.detail?.vi).toContain('08/10/2026');
    expect(allowedCommands(inProgress, at('2026-10-09T08:00'))).not.toContain('request_supplement');
    expect(allowedCommands(inProgress, at('2026-10-08T15:00'))).toContain('request_supplement');
  });

  it('counts the window in working days: received Fri 28 Aug 2026, Mon 31 = 1, 1–2 Sep off, Thu 3 = 2 → until Fri 4 Sep', () => {
    const state: DossierState = {
      ...inProgress,
      submittedAt: vn('2026-08-28T10:00'),
      receivedAt: vn('2026-08-28T10:00'),
      dueAt: vn('2026-09-08T16:00'),
    };
    expect(decide(state, COMMANDS.request_supplement, at('2026-09-04T10:00')).status).toBe(
      'supplement_requested',
    );
    refusedWith(
      () => decide(state, COMMANDS.request_supplement, at('2026-09-07T08:00')),
      'DOSSIER.SUPPLEMENT_TOO_LATE',
    );
  });

  it('the clock stops while waiting and restarts with the full legal duration on supply', () => {
    const s1 = run(inProgress, COMMANDS.request_supplement, '2026-10-07T10:00');
    expect(outcome(s1, vn('2026-10-13T09:00'))).toBe('in_progress_on_time'); // waiting: not overdue
    const { changes, event } = decide(s1, COMMANDS.supply, at('2026-10-13T10:00'));
    // Tue 13 Oct + 5 working days: Wed 14, Thu 15, Fri 16, Mon 19, Tue 20.
    expect(changes).toEqual({
      status: 'in_progress',
      pauses: [
        { start: vn('2026-10-07T10:00'), end: vn('2026-10-13T10:00'), reason: 'processing_supplement' },
      ],
      dueAt: vn('2026-10-20T16:00'),
      extendedDueAt: null,
    });
    expect(event.data).toMatchObject({
      previousDueAt: vn('2026-10-12T16:00'),
      dueAt: vn('2026-10-20T16:00'),
    });
    const s2 = { ...s1, ...changes };
    expect(s2.handlerId).toBe('specialist-1');
    expect(s2.receivedAt).toEqual(vn('2026-10-05T09:00'));
    expect(outcome(s2, vn('2026-10-14T09:00'))).toBe('in_progress_on_time');
    expect(outcome(run(s2, COMMANDS.approve, '2026-10-20T11:00'), vn('2026-10-31T00:00'))).toBe('on_time');
    expect(outcome(s2, vn('2026-10-21T08:00'))).toBe('overdue');
  });

  it('a supply voids an earlier extension, which stays used', () => {
    const s1 = run(inProgress, COMMANDS.extend, '2026-10-05T10:00');
    expect(s1.extendedDueAt).toEqual(vn('2026-10-14T16:00'));
    const s2 = run(s1, COMMANDS.request_supplement, '2026-10-06T10:00');
    const s3 = run(s2, COMMANDS.supply, '2026-10-07T10:00');
    expect(s3).toMatchObject({ dueAt: vn('2026-10-14T16:00'), extendedDueAt: null, extensionCount: 1 });
    refusedWith(
      () => decide(s3, { ...COMMANDS.extend, newDueAt: vn('2026-10-16T16:00') }, at('2026-10-08T10:00')),
      'DOSSIER.EXTENSION_ALREADY_USED',
    );
  });
});

describe('apology and extension (due Mon 12 Oct 16:00)', () => {
  it('once, at the latest on the working day before the due date; a second one is refused', () => {
    const { changes, event } = decide(inProgress, COMMANDS.extend, at('2026-10-09T15:00'));
    expect(changes).toEqual({
      status: 'in_progress',
      extendedDueAt: vn('2026-10-14T16:00'),
      extensionCount: 1,
    });
    expect(event).toMatchObject({
      form: '04',
      from: 'in_progress',
      to: 'in_progress',
      data: {
        previousDueAt: vn('2026-10-12T16:00'),
        newDueAt: vn('2026-10-14T16:00'),
        reason: 'Chờ xác minh',
      },
    });
    const extended = { ...inProgress, ...changes };
    expect(allowedCommands(extended, at('2026-10-09T15:30'))).not.toContain('extend');
    refusedWith(
      () =>
        decide(extended, { ...COMMANDS.extend, newDueAt: vn('2026-10-16T16:00') }, at('2026-10-09T15:30')),
      'DOSSIER.EXTENSION_ALREADY_USED',
    );
  });

  it('is refused on the due date itself', () => {
    const error = refusedWith(
      () => decide(inProgress, COMMANDS.extend, at('2026-10-12T08:00')),
      'DOSSIER.EXTENSION_TOO_LATE',
    );
    expect(error.detail?.vi).toContain('09/10/2026');
    expect(allowedCommands(inProgress, at('2026-10-12T08:00'))).not.toContain('extend');
  });

  it('counts working days: due Thu 3 Sep 2026 after the 1–2 Sep holiday → latest Mon 31 Aug', () => {
    const state: DossierState = {
      ...inProgress,
      submittedAt: vn('2026-08-28T10:00'),
      receivedAt: vn('2026-08-28T10:00'),
      dueAt: vn('2026-09-03T16:00'),
    };
    const extend = { ...COMMANDS.extend, newDueAt: vn('2026-09-08T16:00') };
    expect(decide(state, extend, at('2026-08-31T15:00')).changes.extendedDueAt).toEqual(
      vn('2026-09-08T16:00'),
    );
    refusedWith(() => decide(state, extend, at('2026-09-01T10:00')), 'DOSSIER.EXTENSION_TOO_LATE');
  });

  it('moves the due date at most one more processing time (a date in 2099 was accepted)', () => {
    // Due Mon 12 Oct 16:00, 5 working days: at most Mon 19 Oct 16:00.
    const to = (local: string) => ({ ...COMMANDS.extend, newDueAt: vn(local) });
    expect(decide(inProgress, to('2026-10-19T16:00'), at(TABLE_NOW)).changes.extendedDueAt).toEqual(
      vn('2026-10-19T16:00'),
    );
    for (const late of ['2026-10-19T16:01', '2026-10-20T09:00', '2099-12-31T16:00']) {
      const e = refusedWith(() => decide(inProgress, to(late), at(TABLE_NOW)), 'DOSSIER.EXTENSION_TOO_LONG');
      expect(e.status).toBe(422);
      expect(e.fieldErrors[0]?.field).toBe('body.newDueAt');
      expect(e.detail?.vi).toContain('19/10/2026');
    }
    // A half-day procedure may still be moved by a working day.
    const halfDay = { ...inProgress, legalDuration: { value: 4, unit: 'working_hours' } as const };
    expect(decide(halfDay, to('2026-10-13T16:00'), at(TABLE_NOW)).changes.extendedDueAt).toEqual(
      vn('2026-10-13T16:00'),
    );
  });

  it('needs a new date after the current one, and a reason', () => {
    refusedWith(
      () =>
        decide(inProgress, { ...COMMANDS.extend, newDueAt: vn('2026-10-12T16:00') }, at('2026-10-06T10:00')),
      'DOSSIER.EXTENSION_DATE_NOT_LATER',
    );
    refusedWith(
      () => decide(inProgress, { ...COMMANDS.extend, reason: '' }, at('2026-10-06T10:00')),
      'DOSSIER.INVALID_COMMAND',
    );
  });
});

describe('withdrawal and suspension', () => {
  it('the applicant withdraws before the result (Form 05); an official cannot', () => {
    const { changes, event } = decide(inProgress, COMMANDS.withdraw, at('2026-10-07T10:00'));
    expect(changes).toEqual({ status: 'withdrawn', stoppedAt: vn('2026-10-07T10:00'), pauses: [] });
    expect(event).toMatchObject({ form: '05', data: { afterReceipt: true } });
    const error = refusedWith(
      () => decide(inProgress, { type: 'withdraw', actor: official }, at('2026-10-07T10:00')),
      'DOSSIER.APPLICANT_ONLY',
    );
    expect(error.status).toBe(403);
    refusedWith(
      () => decide(finished, COMMANDS.withdraw, at('2026-10-07T10:00')),
      'DOSSIER.ILLEGAL_TRANSITION',
    );
  });

  it('a withdrawal while waiting for a supplement closes the pause and counts at the start of the wait', () => {
    const oneDay: DossierState = {
      ...inProgress,
      legalDuration: { value: 1, unit: 'working_days' },
      dueAt: vn('2026-10-06T16:00'),
    };
    const waiting = run(oneDay, COMMANDS.request_supplement, '2026-10-06T10:00');
    const stopped = run(waiting, COMMANDS.withdraw, '2026-10-09T10:00');
    expect(stopped.pauses[0]!.end).toEqual(vn('2026-10-09T10:00'));
    expect(outcome(stopped, vn('2026-10-31T00:00'))).toBe('on_time');
    // Without the wait, the same stop is late; before receipt, it is not counted at all.
    expect(outcome(run(oneDay, COMMANDS.withdraw, '2026-10-09T10:00'), vn('2026-10-31T00:00'))).toBe('late');
    expect(outcome(run(submitted, COMMANDS.withdraw, '2026-10-05T08:00'), vn('2026-10-31T00:00'))).toBeNull();
  });

  it('the authority suspends with a reason (Form 05)', () => {
    const { changes, event } = decide(received, COMMANDS.suspend, at('2026-10-06T10:00'));
    expect(changes).toMatchObject({ status: 'suspended', stoppedAt: vn('2026-10-06T10:00') });
    expect(event).toMatchObject({ form: '05', data: { reason: 'Người nộp đề nghị dừng' } });
    refusedWith(
      () => decide(received, { type: 'suspend', actor: official, reason: ' ' }, at('2026-10-06T10:00')),
      'DOSSIER.INVALID_COMMAND',
    );
  });
});

describe('end to end and return of the result', () => {
  it('online: submit → receive → transfer → assign → approve → return electronically', () => {
    let s = run(online, COMMANDS.submit, '2026-10-04T20:00');
    s = run(s, COMMANDS.receive, '2026-10-05T09:00');
    s = run(s, COMMANDS.transfer, '2026-10-05T09:05');
    s = run(s, COMMANDS.assign, '2026-10-05T10:00');
    s = run(s, COMMANDS.approve, '2026-10-09T10:00');
    expect(s).toMatchObject({ status: 'finished', result: 'approved', finishedAt: vn('2026-10-09T10:00') });
    expect(allowedCommands(s, at('2026-10-09T10:30'))).toEqual(['return_result']);
    const { changes, event } = decide(
      s,
      { type: 'return_result', actor: official, method: 'electronic' },
      at('2026-10-09T10:30'),
    );
    expect(changes).toEqual({
      status: 'returned',
      returnedAt: vn('2026-10-09T10:30'),
      returnMethod: 'electronic',
    });
    expect(event.data).toEqual({ method: 'electronic', result: 'approved' });
    s = { ...s, ...changes };
    expect(allowedCommands(s, at('2026-10-09T11:00'))).toEqual([]);
    expect(outcome(s, vn('2026-10-31T00:00'))).toBe('early');
  });

  it('refuses an unknown return method', () => {
    refusedWith(
      () =>
        decide(
          finished,
          { type: 'return_result', actor: official, method: 'pigeon' as 'post' },
          at('2026-10-06T10:00'),
        ),
      'DOSSIER.INVALID_COMMAND',
    );
  });
});

describe('outcome (due Mon 12 Oct 16:00)', () => {
  const finishAt = (local: string, state: DossierState = inProgress) =>
    outcome(run(state, COMMANDS.approve, local), vn('2026-10-31T00:00'));

  it('early = finished on a date before the due date; on time = the due date; late = after', () => {
    expect(finishAt('2026-10-09T15:00')).toBe('early');
    expect(finishAt('2026-10-12T10:00')).toBe('on_time');
    expect(finishAt('2026-10-12T16:00')).toBe('on_time');
    expect(finishAt('2026-10-12T16:30')).toBe('late'); // after the appointment instant
    expect(finishAt('2026-10-13T09:00')).toBe('late');
  });

  it('against the extended date when there is one', () => {
    const extended = run(inProgress, COMMANDS.extend, '2026-10-09T10:00'); // → Wed 14 Oct 16:00
    expect(finishAt('2026-10-13T09:00', extended)).toBe('early');
    expect(finishAt('2026-10-14T15:00', extended)).toBe('on_time');
    expect(finishAt('2026-10-15T09:00', extended)).toBe('late');
  });

  it('unfinished at the end of the period: in progress within the deadline, or overdue', () => {
    expect(outcome(inProgress, vn('2026-10-12T16:00'))).toBe('in_progress_on_time');
    expect(outcome(inProgress, vn('2026-10-13T00:00'))).toBe('overdue');
    // Finished after the period's end: measured as unfinished at that end.
    const done = run(inProgress, COMMANDS.approve, '2026-10-14T10:00');
    expect(outcome(done, vn('2026-10-10T00:00'))).toBe('in_progress_on_time');
    expect(outcome(done, vn('2026-10-13T00:00'))).toBe('overdue');
    expect(outcome(done, vn('2026-10-14T10:00'))).toBe('late');
  });

  it('two supplement requests after receipt count as late, even when finished early', () => {
    let s = run(inProgress, COMMANDS.request_supplement, '2026-10-05T14:00');
    s = run(s, COMMANDS.supply, '2026-10-06T09:00'); // due Tue 13 Oct
    s = run(s, COMMANDS.request_supplement, '2026-10-07T10:00'); // still within Thu 8 Oct
    s = run(s, COMMANDS.supply, '2026-10-08T10:00'); // due Thu 15 Oct
    expect(s.dueAt).toEqual(vn('2026-10-15T16:00'));
    expect(s.supplementRequests).toBe(2);
    expect(finishAt('2026-10-09T10:00', s)).toBe('late');
    // One request: the same finish is early.
    const once = run(
      run(inProgress, COMMANDS.request_supplement, '2026-10-05T14:00'),
      COMMANDS.supply,
      '2026-10-06T09:00',
    );
    expect(finishAt('2026-10-09T10:00', once)).toBe('early');
  });

  it('a result returned counts from when processing finished; never-received dossiers are not counted', () => {
    const returned = run(
      run(inProgress, COMMANDS.approve, '2026-10-12T11:00'),
      COMMANDS.return_result,
      '2026-10-15T09:00',
    );
    expect(outcome(returned, vn('2026-10-31T00:00'))).toBe('on_time');
    expect(outcome(online, vn('2026-10-31T00:00'))).toBeNull();
    expect(outcome(submitted, vn('2026-10-31T00:00'))).toBeNull();
  });
});
