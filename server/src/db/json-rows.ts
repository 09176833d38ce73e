import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** Each table's drizzle keys → PostgreSQL column names, worked out once (this runs on every submission). */
const columnNames = new WeakMap<PgTable, Map<string, string>>();

function namesOf(table: PgTable): Map<string, string> {
  let names = columnNames.get(table);
  if (!names) {
    const columns = getTableColumns(table) as Record<string, { name: string }>;
    names = new Map(Object.entries(columns).map(([key, column]) => [key, column.name]));
    columnNames.set(table, names);
  }
  return names;
}

/**
 * Rows as one JSON parameter for `jsonb_populate_recordset(NULL::<table>, $n)`: each row's fields
 * under the table's column names (drizzle's camelCase keys → PostgreSQL's), so one prepared
 * statement writes any number of rows of several tables in a single round trip.
 */
export function jsonRows<T extends PgTable>(table: T, rows: readonly Partial<T['$inferInsert']>[]): string {
  const names = namesOf(table);
  const renamed = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const key in row) out[names.get(key) ?? key] = (row as Record<string, unknown>)[key];
    return out;
  });
  return JSON.stringify(renamed);
}
