import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Administrative units, versioned by validity: the reform of 1 July 2025 ended the
 * 63 provinces / 696 districts / 10,052 communes and began 34 provinces / 3,321 communes.
 * Codes are reused across versions (a new commune keeps one merged unit's code), so a
 * unit is identified by (level, code, validTo), not by code alone.
 */
export const adminUnits = pgTable(
  'admin_unit',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(), // official full name: "Tỉnh Tuyên Quang", "Xã Tân Trào"
    shortName: text('short_name').notNull(), // without the type word: "Tuyên Quang", "Tân Trào"
    type: text('type').notNull(), // tinh | thanh_pho | quan | huyen | thi_xa | thanh_pho_thuoc_tinh | xa | phuong | thi_tran | dac_khu
    level: text('level').notNull(), // province | district | commune
    parentCode: text('parent_code'),
    provinceCode: text('province_code').notNull(),
    validFrom: date('valid_from'), // null: in force before the earliest list we hold
    validTo: date('valid_to'), // exclusive; null: still in force
    source: text('source').notNull(),
  },
  (t) => [
    unique('admin_unit_version_uq').on(t.level, t.code, t.validTo).nullsNotDistinct(),
    index('admin_unit_province_idx').on(t.provinceCode, t.level),
    index('admin_unit_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
  ],
);

/** Which old units a new unit was formed from (whole or part), from the official merge lists. */
export const adminUnitSuccessions = pgTable(
  'admin_unit_succession',
  {
    successorId: uuid('successor_id')
      .notNull()
      .references(() => adminUnits.id),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => adminUnits.id),
    extent: text('extent').notNull(), // full | partial
    effectiveOn: date('effective_on').notNull(),
  },
  (t) => [
    unique('admin_unit_succession_uq').on(t.successorId, t.predecessorId),
    index('admin_unit_succession_pred_idx').on(t.predecessorId),
  ],
);
