import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../localized.ts';

/** The official per-year schedule (days off, make-up working days) an admin enters or imports. */
export const calendarScheduleEntries = pgTable(
  'platform_calendar_entry',
  {
    date: date('date').primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(), // day_off | working_day
    name: jsonb('name').$type<LocalizedText>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('platform_calendar_entry_year_idx').on(t.year)],
);
