import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { procedures } from '../catalog/schema.ts';
import { agencies, organizations, persons } from '../identity/schema.ts';

/** Who the dossier is for, as given at submission (the applicant may have no account). */
export type ApplicantSnapshot = {
  fullName: string;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  addressCommuneCode: string | null;
  addressDetail: string | null;
};

/** A dossier (hồ sơ) of an administrative procedure, from draft to returned result. */
export const dossiers = pgTable(
  'dossier',
  {
    id: uuid('id').primaryKey(),
    // `<agency code>-<YYMMDD>-<NNNN>` (Circular 01/2018 art. 19), given at receipt.
    code: text('code').unique(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    procedureVersion: integer('procedure_version').notNull(),
    channel: text('channel').notNull(), // direct | online | postal
    status: text('status').notNull(),
    applicantId: uuid('applicant_id').references(() => persons.id),
    applicant: jsonb('applicant').$type<ApplicantSnapshot>().notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    receivingAgencyId: uuid('receiving_agency_id')
      .notNull()
      .references(() => agencies.id),
    competentAgencyId: uuid('competent_agency_id')
      .notNull()
      .references(() => agencies.id),
    handlerId: uuid('handler_id').references(() => persons.id),
    formData: jsonb('form_data').$type<Record<string, unknown>>().notNull(),
    // The lifecycle's whole state (lifecycle.ts), dates as ISO strings; the columns around it are
    // copies for queues, search and statistics, written in the same UPDATE.
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }), // the one in force (extended if any)
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    // Copies of the lifecycle state for statistics (reporting reads them, DOMAIN.md §2):
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnMethod: text('return_method'), // counter | post | electronic
    result: text('result'), // approved | refused (to resolve)
    stoppedAt: timestamp('stopped_at', { withTimezone: true }), // refused at intake, withdrawn, suspended
    supplementRequests: integer('supplement_requests').notNull().default(0), // after receipt
    // The first terminal instant after receipt and how it stood against the due date
    // (lifecycle `outcome`: early | on_time | late), fixed once the dossier is done.
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    outcome: text('outcome'),
    // Office time from receipt to that instant, minus waits for the applicant, in working days.
    workingDaysTaken: real('working_days_taken'),
    // The desk has scanned every paper component (Decree 30: the dossier is digitized at intake).
    digitizedAt: timestamp('digitized_at', { withTimezone: true }),
    // The applicant's satisfaction after the return: 1–5 and a comment, once.
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A retried submission (same person, same Idempotency-Key) finds the first dossier.
    unique('dossier_idempotency_uq').on(t.applicantId, t.idempotencyKey),
    index('dossier_receiving_status_idx').on(t.receivingAgencyId, t.status),
    index('dossier_competent_status_idx').on(t.competentAgencyId, t.status),
    index('dossier_applicant_idx').on(t.applicantId),
    index('dossier_due_idx').on(t.dueAt),
    index('dossier_received_at_idx').on(t.receivedAt),
    index('dossier_outcome_at_idx').on(t.outcomeAt),
    // The officers' queues of dossiers still in the office's hands (open, or finished and waiting
    // to be handed back), by due date: a few thousand among millions returned, so a work list reads
    // its page from here instead of filtering the whole history.
    index('dossier_receiving_queue_due_idx')
      .on(t.receivingAgencyId, t.dueAt)
      .where(sql`${t.status} IN ('received', 'in_progress', 'supplement_requested', 'finished')`),
    index('dossier_competent_queue_due_idx')
      .on(t.competentAgencyId, t.dueAt)
      .where(sql`${t.status} IN ('received', 'in_progress', 'supplement_requested', 'finished')`),
    // Officers find an applicant's dossiers by CCCD (12 digits, exact).
    index('dossier_applicant_cccd_idx').on(sql`(${t.applicant}->>'cccd')`),
    // Officers find dossiers by the applicant's name: migration 0020's column and trigram index, below.
  ],
);

/**
 * The applicant's name as a search compares it, f_search_key(applicant->>'fullName') (migration
 * 0007: lower case, no diacritics, đ → d, i/y spellings): a column PostgreSQL generates on every
 * insert and update, whoever writes the row (the API, the benchmarks' COPY, an administrator's SQL),
 * with a trigram index for "the name contains …" (migration 0020, hand-written). Not declared in the
 * table above, so the rows the code builds and reads need not carry it; only the search reads it.
 */
export const applicantSearchKey = sql<string | null>`"dossier"."applicant_search_key"`;

/** Every state change, in order: the audit trail, the citizen's timeline, the source of statistics. */
export const dossierEvents = pgTable(
  'dossier_event',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
    // The due date in force after this lifecycle event (null for file events): the statistics
    // classify a dossier unfinished at a period's end against the due date it had then.
    dueAt: timestamp('due_at', { withTimezone: true }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    unique('dossier_event_seq_uq').on(t.dossierId, t.seq),
    index('dossier_event_type_at_idx').on(t.type, t.at),
  ],
);

/** The last dossier number given per receiving agency and day: codes without gaps or duplicates. */
export const dossierCodeCounters = pgTable(
  'dossier_code_counter',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    day: date('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] })],
);

/**
 * A file of a dossier: a scanned or uploaded document component, a supplement, or the electronic
 * result. Content lives in file storage under its SHA-256; this row says what it is and who put it.
 */
export const dossierFiles = pgTable(
  'dossier_file',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    purpose: text('purpose').notNull(), // component | result
    // Position in the procedure version's document list (null for a result or an extra paper).
    componentIndex: integer('component_index'),
    label: text('label').notNull(), // the component's or result's name, as shown
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(), // from the content, not from the client
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    // Taken from the applicant's earlier electronic result (document wallet) instead of uploaded:
    // the once-only principle, counted by the 766 index.
    reusedFromId: uuid('reused_from_id'),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('dossier_file_dossier_idx').on(t.dossierId),
    // Dossiers that reused an earlier result (766 MDSH "reused digitized data").
    index('dossier_file_reused_idx').on(t.dossierId).where(sql`${t.reusedFromId} is not null`),
    index('dossier_file_purpose_idx').on(t.purpose, t.uploadedAt),
  ],
);
