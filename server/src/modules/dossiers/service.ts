import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Database, Db, Tx } from '../../db/engine.ts';
import { jsonRows } from '../../db/json-rows.ts';
import { inTransaction } from '../../db/transaction.ts';
import { cacheOf } from '../../platform/cache.ts';
import type { Calendar, LegalDuration } from '../../platform/calendar/index.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import { newId } from '../../platform/ids.ts';
import { currentProcedure, type ProcedureDetail, versionOf } from '../catalog/procedures.ts';
import type { Duration, EForm } from '../catalog/schema.ts';
import { IdentityErrors } from '../identity/errors.ts';
import { type Action, type Actor, can, type Resource } from '../identity/policy.ts';
import { agencies, persons, roleAssignments } from '../identity/schema.ts';
import type { Auth } from '../identity/web-session.ts';
import { notificationOutbox, notifications } from '../notifications/schema.ts';
import { notificationRows } from '../notifications/service.ts';
import { codePrefix, NEXT_CODE, nextDossierCode } from './codes.ts';
import { formErrors, unsafeTextErrors } from './eform.ts';
import { DossierErrors, DossierFileErrors } from './errors.ts';
import { factsOf } from './facts.ts';
import {
  allowedCommands,
  currentDueAt,
  type DossierAction,
  type DossierCommand,
  type DossierEvent,
  type DossierState,
  decide,
  newDossierState,
} from './lifecycle.ts';
import { noticeOf, notifyApplicant } from './notify.ts';
import { checkCommandReferences, checkCommune, competentAgencyFor } from './references.ts';
import { type ApplicantSnapshot, dossierEvents, dossierFiles, dossiers } from './schema.ts';
import { decodeState, encodeState } from './state-codec.ts';

export type DossierContext = {
  database: Database;
  config: Config;
  /** Wakes the mail sender once a transaction that wrote to the outbox has committed. */
  afterCommit?: () => void;
};
type Row = typeof dossiers.$inferSelect;

/** The catalogue's processing time in the calendar's units ("Ngày" = calendar days; years as months). */
function legalDurationOf(d: Duration | null): LegalDuration {
  if (!d) throw DossierErrors.create('NO_DURATION');
  switch (d.unit) {
    case 'working_days':
    case 'working_hours':
    case 'months':
      return { value: d.value, unit: d.unit };
    case 'days':
      return { value: d.value, unit: 'calendar_days' };
    case 'hours':
      return { value: d.value, unit: 'working_hours' };
    case 'years':
      return { value: d.value * 12, unit: 'months' };
  }
}

export const resourceOf = (
  row: Pick<Row, 'applicantId' | 'receivingAgencyId' | 'competentAgencyId' | 'handlerId'>,
): Resource => ({
  type: 'dossier',
  applicantId: row.applicantId,
  receivingAgencyId: row.receivingAgencyId,
  competentAgencyId: row.competentAgencyId,
  handlerId: row.handlerId,
});

/** Which permission each lifecycle command needs; intake-time supplement requests are the desk's. */
function permissionFor(command: DossierAction, state: DossierState): Action {
  switch (command) {
    case 'submit':
    case 'supply':
      return 'dossier.supplement';
    case 'withdraw':
      return 'dossier.withdraw';
    case 'receive':
    case 'refuse_intake':
      return 'dossier.receive';
    case 'request_supplement':
      return state.receivedAt ? 'dossier.process' : 'dossier.receive';
    case 'assign':
    case 'transfer':
      return 'dossier.assign';
    case 'consult':
      return 'dossier.process';
    case 'approve':
    case 'refuse':
    case 'extend':
    case 'suspend':
      return 'dossier.approve';
    case 'return_result':
      return 'dossier.return';
  }
}

type Agency = typeof agencies.$inferSelect;

/**
 * The agency that decides, and the desk that takes the dossier in when filed online: the same for
 * every dossier of a procedure version and commune, so each process keeps it with the catalogue
 * (topic `catalog`, dropped by any change of agencies or procedures).
 */
function routeOnline(
  db: Db,
  procedure: ProcedureDetail,
  communeCode: string | undefined,
): Promise<{ competent: Agency; desk: Agency }> {
  return cacheOf<string, { competent: Agency; desk: Agency }>(db, 'catalog', {
    name: 'online routes',
    ttlMs: 30_000,
  }).get(`${procedure.procedureId}@${procedure.version}:${communeCode ?? ''}`, () =>
    findOnlineRoute(db, procedure, communeCode),
  );
}

async function findOnlineRoute(db: Db, procedure: ProcedureDetail, communeCode: string | undefined) {
  const byKind = async (kind: string, unit: string) =>
    (
      await db
        .select()
        .from(agencies)
        .where(and(eq(agencies.kind, kind), eq(agencies.adminUnitCode, unit)))
    )[0];
  if (procedure.competentAgencyId) {
    // The authority and the service centre of its administrative unit, in one read.
    const id = procedure.competentAgencyId;
    const rows = await db
      .select()
      .from(agencies)
      .where(
        or(
          eq(agencies.id, id),
          and(
            eq(agencies.kind, 'service_center'),
            eq(agencies.adminUnitCode, sql`(SELECT admin_unit_code FROM identity_agency WHERE id = ${id})`),
          ),
        ),
      );
    const competent = rows.find((a) => a.id === id)!;
    const desk = rows.find((a) => a.kind === 'service_center' && a.adminUnitCode === competent.adminUnitCode);
    return { competent, desk: desk ?? competent };
  }
  if (procedure.levels.includes('commune') && communeCode) {
    const committee = await byKind('commune_committee', communeCode);
    const desk = await byKind('one_stop_desk', communeCode);
    if (committee && desk) return { competent: committee, desk };
  }
  throw DossierErrors.create('NO_AUTHORITY', undefined, [
    { field: 'communeCode', vi: 'Chọn xã, phường nơi nộp hồ sơ.', en: 'Choose the commune where you file.' },
  ]);
}

type EventInput = {
  type: string;
  from: string | null;
  to: string;
  at: Date;
  actorId: string | null;
  note: string | null;
  /** After a lifecycle command: the due date then in force. */
  dueAt?: Date | null;
  data: Record<string, unknown>;
};
type EventRow = Omit<typeof dossierEvents.$inferInsert, 'dossierId'>;

function eventRow(seq: number, e: EventInput): EventRow {
  return {
    id: newId(),
    seq,
    type: e.type,
    fromStatus: e.from,
    toStatus: e.to,
    actorId: e.actorId,
    at: e.at,
    note: e.note,
    dueAt: e.dueAt ?? null,
    data: e.data,
  };
}

/** A lifecycle decision's event as the timeline keeps it, with the state it led to. */
function lifecycleEvent(e: DossierEvent, next: DossierState, code: string | null, actorId: string | null) {
  return {
    type: e.type,
    from: e.from,
    to: e.to,
    at: e.at,
    actorId,
    note: e.note,
    dueAt: currentDueAt(next),
    data: { ...e.data, form: e.form, code, attachments: e.attachments },
  };
}

export async function insertEvent(
  tx: Tx,
  dossierId: string,
  e: EventInput,
  /** The event's number when the caller knows it (a dossier made in this transaction): one read less. */
  knownSeq?: number,
) {
  let seq = knownSeq;
  if (seq === undefined) {
    const [last] = await tx
      .select({ seq: sql<number>`coalesce(max(${dossierEvents.seq}), 0)::int` })
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, dossierId));
    seq = (last?.seq ?? 0) + 1;
  }
  await tx.insert(dossierEvents).values({ ...eventRow(seq, e), dossierId });
}

/**
 * Runs one lifecycle command on a locked dossier row and writes the change and its event together.
 * The calendar is loaded before the transaction, so the row lock is held no longer than the writes need.
 */
async function apply(
  tx: Tx,
  calendar: Calendar,
  row: Row,
  command: DossierCommand,
  actorId: string | null,
  now: Date,
  /** The event's number when known (the second event of a dossier made in this transaction). */
  knownSeq?: number,
): Promise<Row> {
  const state = decodeState(row.state);
  const decision = decide(state, command, { now, calendar });
  const next: DossierState = { ...state, ...decision.changes };
  let code = row.code;
  if (decision.status === 'received' && !code) {
    const [desk] = await tx
      .select({ id: agencies.id, code: agencies.code })
      .from(agencies)
      .where(eq(agencies.id, row.receivingAgencyId));
    code = await nextDossierCode(tx, desk!, next.receivedAt ?? now);
  }
  const handler =
    command.type === 'assign'
      ? command.handlerId
      : command.type === 'transfer'
        ? (command.handlerId ?? null)
        : row.handlerId;
  const [updated] = await tx
    .update(dossiers)
    .set({
      code,
      status: decision.status,
      state: encodeState(next),
      handlerId: handler,
      ...factsOf(next, calendar),
      updatedAt: now,
    })
    .where(eq(dossiers.id, row.id))
    .returning();
  await insertEvent(tx, row.id, lifecycleEvent(decision.event, next, code, actorId), knownSeq);
  await notifyApplicant(tx, updated!, decision.event);
  return updated!;
}

export type SubmitInput = {
  procedureCode: string;
  formData: Record<string, unknown>;
  communeCode?: string;
  idempotencyKey?: string;
  /** Keep it as a draft (to attach files, then `submit`) instead of filing it now. */
  draft?: boolean;
};

/**
 * A citizen files online. A retried request with the same Idempotency-Key returns the first
 * dossier (also when both arrive at once: the unique key decides, the loser reads the winner).
 */
export async function submitOnline(
  ctx: DossierContext,
  auth: Auth,
  input: SubmitInput,
): Promise<{ row: Row; created: boolean }> {
  const { person } = auth;
  const db = ctx.database.db;
  const firstWithKey = async () =>
    input.idempotencyKey
      ? (
          await db
            .select()
            .from(dossiers)
            .where(
              and(eq(dossiers.applicantId, person.id), eq(dossiers.idempotencyKey, input.idempotencyKey)),
            )
        )[0]
      : undefined;
  let filed: { row: Row; events: EventRow[] };
  try {
    filed = await newOnlineDossier(ctx, person, input);
  } catch (e) {
    // A retry of a dossier already filed gets it back, even if the procedure has been taken
    // offline or its e-form changed since.
    const first = await firstWithKey();
    if (first) return { row: first, created: false };
    throw e;
  }
  const { row, events } = filed;
  // The dossier with its events, in one statement: atomic on its own, one round trip, and a retry
  // with the same Idempotency-Key (or two at once: the unique key decides) writes nothing.
  const written = await ctx.database.prepared<{ id: string }>('dossier_file_online', FILE_ONLINE, [
    jsonRows(dossiers, [row]),
    jsonRows(dossierEvents, events),
  ]);
  if (written.length) return { row, created: true };
  const first = await firstWithKey();
  if (!first) throw DossierErrors.create('NOT_FOUND');
  return { row: first, created: false };
}

/** A new dossier's row before it is written: what the caller decided, the lifecycle's facts, the rest empty. */
function newRow(
  decided: Pick<
    Row,
    | 'id'
    | 'code'
    | 'procedureId'
    | 'procedureVersion'
    | 'channel'
    | 'status'
    | 'applicantId'
    | 'applicant'
    | 'receivingAgencyId'
    | 'competentAgencyId'
    | 'formData'
    | 'idempotencyKey'
  >,
  state: DossierState,
  calendar: Calendar,
  now: Date,
): Row {
  return {
    ...decided,
    organizationId: null,
    handlerId: null,
    state: encodeState(state),
    ...factsOf(state, calendar),
    digitizedAt: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

const FILE_ONLINE = `
WITH d AS (
  INSERT INTO dossier (id, procedure_id, procedure_version, channel, status, applicant_id, applicant,
    receiving_agency_id, competent_agency_id, form_data, state, received_at, due_at, finished_at,
    returned_at, return_method, result, stopped_at, supplement_requests, outcome_at, outcome,
    working_days_taken, idempotency_key, created_at, updated_at)
  SELECT r.id, r.procedure_id, r.procedure_version, r.channel, r.status, r.applicant_id, r.applicant,
    r.receiving_agency_id, r.competent_agency_id, r.form_data, r.state, r.received_at, r.due_at, r.finished_at,
    r.returned_at, r.return_method, r.result, r.stopped_at, r.supplement_requests, r.outcome_at, r.outcome,
    r.working_days_taken, r.idempotency_key, r.created_at, r.updated_at
  FROM jsonb_populate_record(NULL::dossier, $1::jsonb -> 0) AS r
  ON CONFLICT ON CONSTRAINT dossier_idempotency_uq DO NOTHING
  RETURNING id
), e AS (
  INSERT INTO dossier_event (id, dossier_id, seq, type, from_status, to_status, actor_id, at, note, due_at, data)
  SELECT v.id, d.id, v.seq, v.type, v.from_status, v.to_status, v.actor_id, v.at, v.note, v.due_at, v.data
  FROM d, jsonb_populate_recordset(NULL::dossier_event, $2::jsonb) AS v
)
SELECT id FROM d`;

/**
 * The dossier a citizen files, decided in memory by the lifecycle (created, then submitted unless
 * it is a draft), every check done first; nothing is read from the database here but the caches.
 */
async function newOnlineDossier(
  ctx: DossierContext,
  person: Auth['person'],
  input: SubmitInput,
): Promise<{ row: Row; events: EventRow[] }> {
  const db = ctx.database.db;
  const procedure = await currentProcedure(db, input.procedureCode);
  if (!procedure.enabled) throw DossierErrors.create('NOT_OFFERED');
  if (procedure.onlineType !== 'full' || !procedure.channels.includes('online'))
    throw DossierErrors.create('NOT_ONLINE');
  if (!input.draft) checkForm(procedure.eform, input.formData);
  else checkText(input.formData);
  const legalDuration = legalDurationOf(procedure.processingTime);
  const calendar = await loadCalendar(db, ctx.config);
  const { competent, desk } = await routeOnline(db, procedure, input.communeCode);
  const now = new Date();
  const id = newId();
  let state = newDossierState({ channel: 'online', legalDuration });
  let status: string = state.status;
  const events: EventRow[] = [
    eventRow(1, {
      type: 'create',
      from: null,
      to: 'draft',
      at: now,
      actorId: person.id,
      note: null,
      data: { channel: 'online' },
    }),
  ];
  if (!input.draft) {
    const decision = decide(
      state,
      { type: 'submit', actor: { kind: 'applicant', id: person.id } },
      { now, calendar },
    );
    state = { ...state, ...decision.changes };
    status = decision.status;
    events.push(eventRow(2, lifecycleEvent(decision.event, state, null, person.id)));
  }
  const row = newRow(
    {
      id,
      code: null,
      procedureId: procedure.procedureId,
      procedureVersion: procedure.version,
      channel: 'online',
      status,
      applicantId: person.id,
      applicant: {
        fullName: person.fullName,
        cccd: person.cccd,
        phone: person.phone,
        email: person.email,
        addressCommuneCode: person.addressCommuneCode,
        addressDetail: person.addressDetail,
      },
      receivingAgencyId: desk.id,
      competentAgencyId: competent.id,
      formData: input.formData,
      idempotencyKey: input.idempotencyKey ?? null,
    },
    state,
    calendar,
    now,
  );

  return { row, events };
}

export type CounterInput = {
  procedureCode: string;
  channel: 'direct' | 'postal';
  deskAgencyId: string;
  /** The applicant as the desk checked them against their papers; the account link is derived from `cccd`. */
  applicant: ApplicantSnapshot;
  formData: Record<string, unknown>;
  /** The authority that decides, when the catalogue does not say (a commune procedure: that commune's committee). */
  competentAgencyId?: string;
};

/** A filed form must satisfy the procedure's e-form (a draft may be incomplete). */
export function checkForm(eform: EForm | null, formData: Record<string, unknown>) {
  checkText(formData);
  if (!eform) return;
  const errors = formErrors(eform, formData);
  if (errors.length) throw DossierErrors.create('FORM_INVALID', undefined, errors);
}

/** No form, a draft's included, holds a name with a tab, a newline or U+202E (eform.ts). */
export function checkText(formData: Record<string, unknown>) {
  const errors = unsafeTextErrors(formData);
  if (errors.length) throw DossierErrors.create('FORM_INVALID', undefined, errors);
}

/**
 * The account a counter dossier belongs to: the one whose CCCD is verified (identity level 2, from
 * VNeID or a check in person) and equals the applicant's, or none. Never an id the request names:
 * a desk that could name the account would put one person's dossier, with their CCCD, phone and
 * address, into another person's "my dossiers". A level-1 account's CCCD is only what its holder
 * typed, so it links nothing either; that applicant follows the dossier by its code.
 */
export async function verifiedAccountOf(tx: Tx | Db, cccd: string | null): Promise<string | null> {
  if (!cccd) return null;
  const [account] = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.cccd, cccd), eq(persons.assuranceLevel, 'level2'), eq(persons.status, 'active')));
  return account?.id ?? null;
}

/**
 * A walk-in or postal dossier: the desk checks it and issues the receipt (Form 01) at once. Every
 * reference is checked and the lifecycle decided before anything is written; then one statement
 * takes the desk's next code and writes the dossier, its events and the applicant's notice with it.
 * The code counter row is where a busy desk's receipts queue (gap-free codes: a receipt that fails
 * gives its number back), so it is locked only for that one statement, never across round trips.
 */
export async function counterIntake(ctx: DossierContext, auth: Auth, input: CounterInput): Promise<Row> {
  const { actor } = auth;
  const db = ctx.database.db;
  const isDesk = actor.grants.some((g) => g.role === 'counter_officer' && g.scope.has(input.deskAgencyId));
  if (!isDesk) throw DossierErrors.create('NOT_A_DESK');
  checkText(input.formData);
  const procedure = await currentProcedure(db, input.procedureCode);
  if (!procedure.enabled) throw DossierErrors.create('NOT_OFFERED');
  const legalDuration = legalDurationOf(procedure.processingTime);
  const calendar = await loadCalendar(db, ctx.config);
  const competentAgencyId = await competentAgencyFor(db, procedure, input.competentAgencyId);
  await checkCommune(db, input.applicant.addressCommuneCode, 'body.applicant.addressCommuneCode');
  const applicantId = await verifiedAccountOf(db, input.applicant.cccd);
  const deskCode = await agencyCode(db, input.deskAgencyId);
  const now = new Date();
  const draft = newDossierState({ channel: input.channel, legalDuration });
  const decision = decide(
    draft,
    { type: 'receive', actor: { kind: 'official', id: actor.personId } },
    { now, calendar },
  );
  const state: DossierState = { ...draft, ...decision.changes };
  const row = newRow(
    {
      id: newId(),
      code: CODE,
      procedureId: procedure.procedureId,
      procedureVersion: procedure.version,
      channel: input.channel,
      status: decision.status,
      applicantId,
      applicant: input.applicant,
      receivingAgencyId: input.deskAgencyId,
      competentAgencyId,
      formData: input.formData,
      idempotencyKey: null,
    },
    state,
    calendar,
    now,
  );

  const events = [
    eventRow(1, {
      type: 'create',
      from: null,
      to: 'draft',
      at: now,
      actorId: actor.personId,
      note: null,
      data: { channel: input.channel },
    }),
    eventRow(2, lifecycleEvent(decision.event, state, CODE, actor.personId)),
  ];
  const notice = await noticeOf(db, row, decision.event, true);
  const { notification, outbox } = notice
    ? notificationRows(notice, now)
    : { notification: null, outbox: null };
  const day = vietnamDateOf(state.receivedAt ?? now);
  const [written] = await ctx.database.prepared<{ code: string }>('dossier_counter_intake', COUNTER_INTAKE, [
    input.deskAgencyId,
    day,
    codePrefix(deskCode, day),
    jsonRows(dossiers, [row]),
    CODE,
    jsonRows(dossierEvents, events),
    jsonRows(notifications, notification ? [notification] : []),
    jsonRows(notificationOutbox, outbox ? [outbox] : []),
  ]);
  if (outbox) ctx.afterCommit?.();
  return { ...row, code: written!.code };
}

// Stands for the dossier's code in what is written with it until the statement has taken it.
const CODE = '{{DOSSIER_CODE}}';

const COUNTER_INTAKE = `
WITH c AS (${NEXT_CODE}
), d AS (
  INSERT INTO dossier (id, code, procedure_id, procedure_version, channel, status, applicant_id, applicant,
    receiving_agency_id, competent_agency_id, form_data, state, received_at, due_at, finished_at,
    returned_at, return_method, result, stopped_at, supplement_requests, outcome_at, outcome,
    working_days_taken, created_at, updated_at)
  SELECT r.id, c.code, r.procedure_id, r.procedure_version, r.channel, r.status, r.applicant_id, r.applicant,
    r.receiving_agency_id, r.competent_agency_id, r.form_data, r.state, r.received_at, r.due_at, r.finished_at,
    r.returned_at, r.return_method, r.result, r.stopped_at, r.supplement_requests, r.outcome_at, r.outcome,
    r.working_days_taken, r.created_at, r.updated_at
  FROM c, jsonb_populate_record(NULL::dossier, $4::jsonb -> 0) AS r
  RETURNING id, code
), e AS (
  INSERT INTO dossier_event (id, dossier_id, seq, type, from_status, to_status, actor_id, at, note, due_at, data)
  SELECT v.id, d.id, v.seq, v.type, v.from_status, v.to_status, v.actor_id, v.at, v.note, v.due_at,
    replace(v.data::text, $5, d.code)::jsonb
  FROM d, jsonb_populate_recordset(NULL::dossier_event, $6::jsonb) AS v
), n AS (
  INSERT INTO notification (id, recipient_id, kind, title, body, link, subject_id, created_at)
  SELECT v.id, v.recipient_id, v.kind, replace(v.title::text, $5, d.code)::jsonb,
    replace(v.body::text, $5, d.code)::jsonb, v.link, v.subject_id, v.created_at
  FROM d, jsonb_populate_recordset(NULL::notification, $7::jsonb) AS v
), o AS (
  INSERT INTO notification_outbox (id, notification_id, channel, recipient, subject, text, status, attempts,
    next_attempt_at, created_at)
  SELECT v.id, v.notification_id, v.channel, v.recipient, replace(v.subject, $5, d.code),
    replace(v.text, $5, d.code), v.status, v.attempts, v.next_attempt_at, v.created_at
  FROM d, jsonb_populate_recordset(NULL::notification_outbox, $8::jsonb) AS v
)
SELECT code FROM d`;

/** A desk's code (mã định danh), from this process's cache (agencies change: topic `catalog`). */
function agencyCode(db: Db, id: string): Promise<string> {
  return cacheOf<string, string>(db, 'catalog', { name: 'agency codes', ttlMs: 30_000 }).get(id, async () => {
    const [desk] = await db.select({ code: agencies.code }).from(agencies).where(eq(agencies.id, id));
    if (!desk) throw DossierErrors.create('NOT_A_DESK');
    return desk.code;
  });
}

export async function lockRow(tx: Tx, id: string): Promise<Row> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  if (!row) throw DossierErrors.create('NOT_FOUND');
  return row;
}

/** Any lifecycle command on an existing dossier, checked by the policy and by the lifecycle. */
export async function runCommand(
  ctx: DossierContext,
  auth: Auth,
  dossierId: string,
  command: DossierCommand,
): Promise<Row> {
  const calendar = await loadCalendar(ctx.database.db, ctx.config);
  const updated = await inTransaction(ctx.database, async (tx) => {
    const row = await lockRow(tx, dossierId);
    const permission = permissionFor(command.type, decodeState(row.state));
    // Someone who may not see the dossier does not learn that it exists.
    if (!can(auth.actor, 'dossier.view', resourceOf(row))) throw DossierErrors.create('NOT_FOUND');
    if (!can(auth.actor, permission, resourceOf(row))) throw IdentityErrors.create('FORBIDDEN');
    await checkCommandReferences(tx, row, command);
    if (command.type === 'submit' && row.status === 'draft') {
      checkForm((await versionOf(tx, row))?.eform ?? null, row.formData);
    }
    const attached = command.attachments ?? [];
    if (attached.length) {
      const known = await tx
        .select({ id: dossierFiles.id })
        .from(dossierFiles)
        .where(
          and(
            eq(dossierFiles.dossierId, row.id),
            inArray(
              dossierFiles.id,
              attached.map((a) => a.fileId),
            ),
          ),
        );
      if (known.length !== new Set(attached.map((a) => a.fileId)).size)
        throw DossierErrors.create('INVALID_COMMAND', undefined, [
          {
            field: 'attachments',
            vi: 'Chỉ đính kèm được tệp đã tải lên hồ sơ này.',
            en: 'Only files uploaded to this dossier can be attached.',
          },
        ]);
    }
    // Checked once the lifecycle would allow the return, so an early return gets the lifecycle's reason.
    if (command.type === 'return_result' && command.method === 'electronic' && row.status === 'finished') {
      const results = await tx
        .select({ id: dossierFiles.id })
        .from(dossierFiles)
        .where(and(eq(dossierFiles.dossierId, row.id), eq(dossierFiles.purpose, 'result')));
      if (results.length === 0) throw DossierFileErrors.create('NO_ELECTRONIC_RESULT');
    }
    return apply(tx, calendar, row, command, auth.actor.personId, new Date());
  });
  // After commit: the mail the transaction queued may leave now.
  ctx.afterCommit?.();
  return updated;
}

/** What the caller may do now: the lifecycle's possible commands the policy also allows. */
export async function actionsFor(ctx: DossierContext, actor: Actor, row: Row): Promise<DossierAction[]> {
  const calendar = await loadCalendar(ctx.database.db, ctx.config);
  const state = decodeState(row.state);
  return allowedCommands(state, { now: new Date(), calendar }).filter((c) =>
    can(actor, permissionFor(c, state), resourceOf(row)),
  );
}

export async function getDossier(ctx: DossierContext, actor: Actor, id: string): Promise<Row> {
  const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!row) throw DossierErrors.create('NOT_FOUND');
  if (!can(actor, 'dossier.view', resourceOf(row))) throw DossierErrors.create('NOT_FOUND'); // not even its existence
  return row;
}

/** The steps with who took them (the name shown on the timeline: "who, when, what"). */
export async function timeline(ctx: DossierContext, id: string) {
  const rows = await ctx.database.db
    .select({ event: dossierEvents, actorName: persons.fullName })
    .from(dossierEvents)
    .leftJoin(persons, eq(persons.id, dossierEvents.actorId))
    .where(eq(dossierEvents.dossierId, id))
    .orderBy(dossierEvents.seq);
  return rows.map((r) => ({ ...r.event, actorName: r.actorName }));
}

/** The applicant rates the service once, after the result is returned (an event on the timeline too). */
export async function rate(
  ctx: DossierContext,
  auth: Auth,
  dossierId: string,
  score: number,
  comment: string | null,
): Promise<Row> {
  return inTransaction(ctx.database, async (tx) => {
    const row = await lockRow(tx, dossierId);
    // Someone who may not see the dossier does not learn that it exists (was a 403).
    if (!can(auth.actor, 'dossier.view', resourceOf(row))) throw DossierErrors.create('NOT_FOUND');
    if (!can(auth.actor, 'dossier.rate', resourceOf(row))) throw IdentityErrors.create('FORBIDDEN');
    if (row.status !== 'returned' || row.rating !== null) throw DossierErrors.create('NOT_RATABLE');
    const now = new Date();
    const [updated] = await tx
      .update(dossiers)
      .set({ rating: score, ratingComment: comment, ratedAt: now, updatedAt: now })
      .where(eq(dossiers.id, row.id))
      .returning();
    await insertEvent(tx, row.id, {
      type: 'rate',
      from: row.status,
      to: row.status,
      at: now,
      actorId: auth.actor.personId,
      note: comment,
      data: { score },
    });
    return updated!;
  });
}

/** Who may be assigned the dossier: the specialists and leaders of the authority that decides it. */
export async function assignees(ctx: DossierContext, actor: Actor, dossierId: string) {
  const row = await getDossier(ctx, actor, dossierId);
  if (!can(actor, 'dossier.assign', resourceOf(row))) throw IdentityErrors.create('FORBIDDEN');
  return ctx.database.db
    .selectDistinct({ id: persons.id, fullName: persons.fullName, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(persons, eq(persons.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.agencyId, row.competentAgencyId),
        inArray(roleAssignments.role, ['specialist', 'leader']),
      ),
    )
    .orderBy(persons.fullName);
}

/** A person's name, for a dossier's handler. */
export async function personName(ctx: DossierContext, personId: string): Promise<string | null> {
  const [p] = await ctx.database.db
    .select({ name: persons.fullName })
    .from(persons)
    .where(eq(persons.id, personId));
  return p?.name ?? null;
}
