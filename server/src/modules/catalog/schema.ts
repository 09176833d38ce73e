import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/localized.ts';
import { agencies } from '../identity/schema.ts';

/** One administrative procedure (thủ tục hành chính), identified by its national code. */
export const procedures = pgTable('catalog_procedure', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(), // national procedure database code, e.g. 1.000178
  // Offered by this province's platform (the national catalogue also lists ministry-level ones).
  enabled: boolean('enabled').notNull().default(false),
  currentVersion: integer('current_version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Duration = {
  value: number;
  unit: 'working_days' | 'days' | 'hours' | 'working_hours' | 'months' | 'years';
};
export type Fee = { label: string; amountVnd: number };
export type DocumentComponent = {
  name: string;
  originals: number;
  copies: number;
  templates: string[];
  required: boolean;
  /** May be taken from the applicant's earlier electronic results (document wallet). */
  reusable: boolean;
  group: string | null;
};
export type EForm = { schema: Record<string, unknown>; ui?: Record<string, unknown> };

/**
 * Every edit makes a new version; a dossier keeps the version it was submitted under.
 * The current version of each procedure is flagged, so search reads one row per procedure.
 */
export const procedureVersions = pgTable(
  'catalog_procedure_version',
  {
    id: uuid('id').primaryKey(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    version: integer('version').notNull(),
    isCurrent: boolean('is_current').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    // The Vietnamese name folded for search (case, diacritics, i/y: f_search_key, migration 0007),
    // kept beside it so a search compares plain text instead of folding every candidate again.
    searchKey: text('search_key').notNull().generatedAlwaysAs(sql`f_search_key(name->>'vi')`),
    field: text('field'),
    levels: text('levels').array().notNull(), // ministry | province | commune | other
    competentAuthority: text('competent_authority'), // as published
    competentAgencyId: uuid('competent_agency_id').references(() => agencies.id), // our agency deciding it, for routing
    receivingPlaces: text('receiving_places'),
    applicantTypes: text('applicant_types').array().notNull(),
    conditions: text('conditions'),
    legalBasis: jsonb('legal_basis').$type<unknown>(),
    resultType: text('result_type').notNull(), // paper | electronic | both | unknown
    results: jsonb('results').$type<{ name: string; code: string | null }[]>().notNull(),
    onlineType: text('online_type').notNull(), // full | partial
    partialReason: text('partial_reason'),
    channels: text('channels').array().notNull(), // direct | online | postal
    processingTime: jsonb('processing_time').$type<Duration | null>(),
    processingTimeText: text('processing_time_text'),
    fees: jsonb('fees').$type<Fee[]>().notNull(),
    feeText: text('fee_text'),
    // "Miễn phí" on every channel: no fee at all (as opposed to a fee whose amount is set elsewhere).
    feeFree: boolean('fee_free').notNull().default(false),
    // Resolution 66.22/2026: listed procedures are free for VNeID level-2 holders from 15 Aug 2026.
    level2FeeWaived: boolean('level2_fee_waived').notNull().default(false),
    documents: jsonb('documents').$type<DocumentComponent[]>().notNull(),
    eform: jsonb('eform').$type<EForm | null>(),
    source: text('source').notNull(), // national_catalogue | manual
    raw: jsonb('raw').$type<Record<string, unknown> | null>(), // unparsed originals
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('catalog_procedure_version_uq').on(t.procedureId, t.version),
    index('catalog_version_search_key_trgm_idx')
      .using('gin', sql`${t.searchKey} gin_trgm_ops`)
      .where(sql`${t.isCurrent}`),
    index('catalog_version_current_idx').on(t.procedureId).where(sql`${t.isCurrent}`),
  ],
);
