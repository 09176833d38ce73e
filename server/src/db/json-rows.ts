import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Rows as one JSON parameter for `jsonb_populate_recordset(NULL::<table>, $n)`: each row's fields
 * under the table's column names (drizzle's camelCase keys → PostgreSQL's), so one prepared
 * statement writes any number of rows of several tables in a single round trip.
 */
export function jsonRows<T extends PgTable>(table: T, rows: readonly Partial<T['$inferInsert']>[]): string {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [columns[key]?.name ?? key, value])),
    ),
  );
}
