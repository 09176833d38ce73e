import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/localized.ts';

/**
 * Agencies (cơ quan, đơn vị): the province's People's Committee, its Office, departments,
 * the Public Administration Service Centre, and each commune's People's Committee with its
 * one-stop desk. Officials belong to agencies (later: accounts and roles).
 */
export const agencies = pgTable(
  'identity_agency',
  {
    id: uuid('id').primaryKey(),
    // Decision 20/2020/QĐ-TTg identifier: ≤35 chars of [0-9A-Z.], editable per agency.
    code: text('code').notNull().unique(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(), // province | commune
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    adminUnitCode: text('admin_unit_code').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('identity_agency_parent_idx').on(t.parentId),
    index('identity_agency_unit_idx').on(t.adminUnitCode),
    index('identity_agency_name_trgm_idx').using(
      'gin',
      sql`f_unaccent(lower(${t.name}->>'vi')) gin_trgm_ops`,
    ),
  ],
);
