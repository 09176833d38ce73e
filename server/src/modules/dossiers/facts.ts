/**
 * The figures a dossier contributes to statistics, as columns beside its state: what the
 * `reporting` module reads (ARCHITECTURE: reporting reads what the owning module publishes). They
 * are derived from the lifecycle state in the same UPDATE as every transition, never counted
 * separately, so they cannot drift from the events; `backfillFacts` recomputes them from the state.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../db/engine.ts';
import { type Calendar, elapsedWorkingTime } from '../../platform/calendar/index.ts';
import { currentDueAt, type DossierState, outcome } from './lifecycle.ts';
import { dossiers } from './schema.ts';
import { decodeState } from './state-codec.ts';

/** Office time of one full working day, from the configured office hours. */
function workingDayMs(calendar: Calendar): number {
  const { morning, afternoon } = calendar.officeMinutes;
  return (morning[1] - morning[0] + afternoon[1] - afternoon[0]) * 60_000;
}

/** The instant the dossier counts as done (DOMAIN.md §2): null while it is not, or was never received. */
export function doneAt(state: DossierState): Date | null {
  if (state.receivedAt === null) return null;
  const stopped = state.status === 'withdrawn' || state.status === 'suspended' ? state.stoppedAt : null;
  return state.finishedAt ?? state.returnedAt ?? stopped;
}

export type DossierFacts = {
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  returnMethod: string | null;
  result: string | null;
  stoppedAt: Date | null;
  supplementRequests: number;
  outcomeAt: Date | null;
  outcome: string | null;
  workingDaysTaken: number | null;
};

export function factsOf(state: DossierState, calendar: Calendar): DossierFacts {
  const done = doneAt(state);
  const taken =
    done && state.receivedAt
      ? elapsedWorkingTime(state.receivedAt, done, state.pauses, calendar) / workingDayMs(calendar)
      : null;
  return {
    receivedAt: state.receivedAt,
    dueAt: currentDueAt(state),
    finishedAt: state.finishedAt,
    returnedAt: state.returnedAt,
    returnMethod: state.returnMethod,
    result: state.result,
    stoppedAt: state.stoppedAt,
    supplementRequests: state.supplementRequests,
    outcomeAt: done,
    outcome: done ? outcome(state, done) : null,
    workingDaysTaken: taken === null ? null : Math.round(taken * 100) / 100,
  };
}

/** Fills the facts of dossiers done before these columns existed (run at start; cheap when none). */
export async function backfillFacts(database: Database, calendar: Calendar): Promise<number> {
  const db = database.db;
  const rows = await db
    .select({ id: dossiers.id, state: dossiers.state })
    .from(dossiers)
    .where(
      and(
        isNotNull(dossiers.receivedAt),
        isNull(dossiers.outcomeAt),
        inArray(dossiers.status, ['finished', 'returned', 'withdrawn', 'suspended']),
      ),
    );
  for (const row of rows) {
    await db
      .update(dossiers)
      .set(factsOf(decodeState(row.state), calendar))
      .where(eq(dossiers.id, row.id));
  }
  return rows.length;
}
