/**
 * One dossier's life, played through the platform's own lifecycle (`decide`), so every generated
 * event is one the API could have written and the statistics copies come from `factsOf` exactly
 * as in production. The outcome is chosen first (early / on time / late, or a stop) and the
 * finishing instant placed to produce it; the rest is timing noise within office hours.
 */

import { type DossierFacts, factsOf } from '../../src/modules/dossiers/facts.ts';
import {
  currentDueAt,
  type DossierCommand,
  type DossierEvent,
  type DossierState,
  decide,
  latestExtendedDueAt,
  newDossierState,
} from '../../src/modules/dossiers/lifecycle.ts';
import {
  addWorkingDays,
  type Calendar,
  isWorkingDay,
  type LegalDuration,
  vietnamDateOf,
  vietnamInstant,
  workingDaysBetween,
} from '../../src/platform/calendar/index.ts';
import type { Random } from './random.ts';

export type Mix = {
  online: number;
  postal: number;
  early: number;
  late: number;
  digitized: number;
  supplement: number;
  extension: number;
  withdrawn: number;
  suspended: number;
  refusedAtIntake: number;
  refusedToResolve: number;
  electronicReturn: number;
  rated: number;
};

/** The seeds' service centre: 63.6% counter / 33.9% online / 2.5% post; 60.52% early, 0.03% late. */
export const DEFAULT_MIX: Mix = {
  online: 0.339,
  postal: 0.025,
  early: 0.6052,
  late: 0.0003,
  digitized: 0.194,
  supplement: 0.04,
  extension: 0.002,
  withdrawn: 0.004,
  suspended: 0.001,
  refusedAtIntake: 0.01,
  refusedToResolve: 0.01,
  electronicReturn: 0.6,
  rated: 0.3,
};

export type Staff = { desk: string; leader: string; specialist: string };

export type Simulated = {
  state: DossierState;
  facts: DossierFacts;
  events: { event: DossierEvent; dueAt: Date | null }[];
  digitizedAt: Date | null;
  rating: number | null;
  ratedAt: Date | null;
};

const MINUTE = 60_000;

/** An instant inside office hours on a working day, `minutesIn` minutes after the day opens. */
function officeInstant(date: string, minutesIn: number, calendar: Calendar): Date {
  const { morning, afternoon } = calendar.officeMinutes;
  const morningLength = morning[1] - morning[0];
  const m = minutesIn < morningLength ? morning[0] + minutesIn : afternoon[0] + (minutesIn - morningLength);
  return vietnamInstant(date, Math.min(m, afternoon[1] - 1));
}

function dayLength(calendar: Calendar) {
  const { morning, afternoon } = calendar.officeMinutes;
  return morning[1] - morning[0] + afternoon[1] - afternoon[0];
}

function randomOfficeTime(date: string, rnd: Random, calendar: Calendar, before = dayLength(calendar)) {
  return officeInstant(date, rnd.int(0, Math.max(0, before - 1)), calendar);
}

function nextWorkingDate(date: string, calendar: Calendar, n = 1) {
  return addWorkingDays(date, n, calendar);
}

export function simulate(
  receivedDate: string,
  channel: 'direct' | 'online' | 'postal',
  legalDuration: LegalDuration,
  staff: Staff,
  applicantId: string,
  mix: Mix,
  rnd: Random,
  calendar: Calendar,
  until: Date,
): Simulated {
  let state = newDossierState({ channel, legalDuration });
  const events: Simulated['events'] = [];
  const official = (id: string) => ({ kind: 'official' as const, id });
  const applicant = { kind: 'applicant' as const, id: applicantId };
  const run = (at: Date, command: DossierCommand): boolean => {
    if (at.getTime() > until.getTime()) return false;
    const d = decide(state, command, { now: at, calendar });
    state = { ...state, ...d.changes };
    events.push({ event: d.event, dueAt: currentDueAt(state) });
    return true;
  };
  const day = dayLength(calendar);
  // Receipt before 15:00 mostly, so the counter's cut-off rarely moves the start.
  const receiptAt = randomOfficeTime(receivedDate, rnd, calendar, day - 90);
  if (channel === 'online')
    run(new Date(receiptAt.getTime() - rnd.int(5, 600) * MINUTE), { type: 'submit', actor: applicant });
  if (rnd.chance(mix.refusedAtIntake) && channel === 'online') {
    run(receiptAt, {
      type: 'refuse_intake',
      reason: 'Hồ sơ không thuộc thẩm quyền giải quyết.',
      actor: official(staff.desk),
    });
    return finish(state, events, calendar, null, null, null);
  }
  run(receiptAt, { type: 'receive', actor: official(staff.desk) });
  let digitizedAt: Date | null = null;
  if (channel !== 'online' && rnd.chance(mix.digitized))
    digitizedAt = new Date(receiptAt.getTime() + rnd.int(2, 20) * MINUTE);
  const t = new Date(receiptAt.getTime() + rnd.int(5, 120) * MINUTE);
  if (!run(t, { type: 'assign', handlerId: staff.specialist, actor: official(staff.leader) }))
    return finish(state, events, calendar, digitizedAt, null, null);

  if (rnd.chance(mix.withdrawn + mix.suspended)) {
    const stopAt = randomOfficeTime(nextWorkingDate(receivedDate, calendar, 1), rnd, calendar);
    const ok = rnd.chance(mix.withdrawn / (mix.withdrawn + mix.suspended))
      ? run(stopAt, { type: 'withdraw', reason: 'Không còn nhu cầu.', actor: applicant })
      : run(stopAt, {
          type: 'suspend',
          reason: 'Người nộp đề nghị dừng giải quyết.',
          actor: official(staff.leader),
        });
    return finish(state, events, calendar, digitizedAt, null, null, ok);
  }
  if (rnd.chance(mix.supplement)) {
    const askAt = randomOfficeTime(nextWorkingDate(receivedDate, calendar, rnd.int(1, 2)), rnd, calendar);
    if (
      !run(askAt, {
        type: 'request_supplement',
        items: ['Bản sao giấy tờ còn thiếu'],
        actor: official(staff.specialist),
      })
    )
      return finish(state, events, calendar, digitizedAt, null, null);
    const supplyAt = randomOfficeTime(
      nextWorkingDate(vietnamDateOf(askAt), calendar, rnd.int(1, 5)),
      rnd,
      calendar,
    );
    if (!run(supplyAt, { type: 'supply', actor: applicant }))
      return finish(state, events, calendar, digitizedAt, null, null);
  }
  const due = currentDueAt(state)!;
  const dueDate = vietnamDateOf(due);
  if (rnd.chance(mix.extension)) {
    const before = addWorkingDays(dueDate, -1, calendar);
    const at = randomOfficeTime(before, rnd, calendar);
    if (at.getTime() > events.at(-1)!.event.at.getTime()) {
      const wanted = officeInstant(addWorkingDays(dueDate, rnd.int(2, 5), calendar), day - 1, calendar);
      // The law lets an extension add at most the processing time once more (lifecycle.ts).
      const limit = latestExtendedDueAt(due, state.legalDuration, calendar);
      const newDue = wanted.getTime() > limit.getTime() ? limit : wanted;
      run(at, {
        type: 'extend',
        newDueAt: newDue,
        reason: 'Cần xác minh thêm.',
        actor: official(staff.leader),
      });
    }
  }
  // Place the finish to give the chosen outcome against the due date in force.
  const inForce = currentDueAt(state)!;
  const inForceDate = vietnamDateOf(inForce);
  const last = events.at(-1)!.event.at;
  const lastDate = vietnamDateOf(last);
  const roll = rnd.next();
  let finishAt: Date;
  if (roll < mix.late) {
    finishAt = randomOfficeTime(nextWorkingDate(inForceDate, calendar, rnd.int(1, 3)), rnd, calendar);
  } else if (roll < mix.late + mix.early && lastDate < inForceDate) {
    // A working day from the last step's to the day before the due date (early = an earlier date).
    const k = rnd.int(0, workingDaysBetween(lastDate, inForceDate, calendar) - 1);
    finishAt =
      k === 0
        ? new Date(last.getTime() + rnd.int(10, 60) * MINUTE)
        : randomOfficeTime(nextWorkingDate(lastDate, calendar, k), rnd, calendar);
  } else {
    finishAt = randomOfficeTime(inForceDate, rnd, calendar, Math.max(1, minutesIntoDay(inForce, calendar)));
  }
  if (finishAt.getTime() <= last.getTime()) finishAt = new Date(last.getTime() + 30 * MINUTE);
  const refused = rnd.chance(mix.refusedToResolve);
  const done = refused
    ? run(finishAt, {
        type: 'refuse',
        reason: 'Không đủ điều kiện theo quy định.',
        actor: official(staff.leader),
      })
    : run(finishAt, { type: 'approve', actor: official(staff.leader) });
  if (!done) return finish(state, events, calendar, digitizedAt, null, null);
  const returnDate = nextWorkingDate(vietnamDateOf(finishAt), calendar, rnd.int(0, 1) || 1);
  const method = channel === 'online' && rnd.chance(mix.electronicReturn) ? 'electronic' : 'counter';
  const returnAt = randomOfficeTime(returnDate, rnd, calendar);
  if (!run(returnAt, { type: 'return_result', method, actor: official(staff.desk) }))
    return finish(state, events, calendar, digitizedAt, null, null);
  if (channel === 'online' && rnd.chance(mix.rated)) {
    const ratedAt = new Date(returnAt.getTime() + rnd.int(10, 600) * MINUTE);
    if (ratedAt.getTime() <= until.getTime()) {
      const rating = rnd.chance(0.9) ? rnd.int(4, 5) : rnd.int(1, 3);
      return finish(state, events, calendar, digitizedAt, rating, ratedAt);
    }
  }
  return finish(state, events, calendar, digitizedAt, null, null);
}

function finish(
  state: DossierState,
  events: Simulated['events'],
  calendar: Calendar,
  digitizedAt: Date | null,
  rating: number | null,
  ratedAt: Date | null,
  _ok = true,
): Simulated {
  return { state, facts: factsOf(state, calendar), events, digitizedAt, rating, ratedAt };
}

function minutesIntoDay(instant: Date, calendar: Calendar): number {
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const { morning, afternoon } = calendar.officeMinutes;
  if (minutes <= morning[1]) return Math.max(0, minutes - morning[0]);
  return morning[1] - morning[0] + Math.max(0, Math.min(minutes, afternoon[1]) - afternoon[0]);
}

/** The working days of a year up to a date, for spreading receipts over them. */
export function workingDaysOf(year: number, until: string, calendar: Calendar): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)) && d <= until; d = nextDay(d)) {
    if (isWorkingDay(d, calendar)) out.push(d);
  }
  return out;
}

function nextDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`).getTime() + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
