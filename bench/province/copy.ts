/** Bulk writing with PostgreSQL's COPY (text format): the generator's rows go in at disk speed. */

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | Date | null | object;

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function encode(value: Cell): string {
  if (value === null) return '\\N';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: string[],
  rows: Cell[][],
) {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const lines = function* () {
    for (const row of rows) yield `${row.map(encode).join('\t')}\n`;
  };
  await pipeline(Readable.from(lines()), stream);
}
