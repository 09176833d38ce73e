import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/engine.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';

/**
 * Takes a receiving agency's next dossier code for a (Vietnamese) day: `<agency code>-<YYMMDD>-<NNNN>`,
 * e.g. H15.50.05.13-261008-0975. $1 is the agency's id, $2 the day, $3 the code's prefix
 * (codePrefix). The counter row is bumped in the caller's transaction: concurrent receipts queue on
 * that row, and a receipt that rolls back gives its number back, so codes have neither gaps nor
 * duplicates. Four digits a day per agency as the national format has; a busier desk gets five
 * rather than a clash. One text for both receipts: an online dossier's (nextDossierCode) and the
 * desk's intake, which writes it in the same statement as the dossier (service.ts).
 */
export const NEXT_CODE = `
  INSERT INTO dossier_code_counter AS k (agency_id, day, last) VALUES ($1, $2::date, 1)
  ON CONFLICT (agency_id, day) DO UPDATE SET last = k.last + 1
  RETURNING $3::text || CASE WHEN k.last < 10000 THEN lpad(k.last::text, 4, '0') ELSE k.last::text END AS code`;

/** NEXT_CODE for an agency and the day of `receivedAt`, in the caller's transaction. */
export async function nextDossierCode(
  tx: Tx,
  agency: { id: string; code: string },
  receivedAt: Date,
): Promise<string> {
  const day = vietnamDateOf(receivedAt);
  const { rows } = (await tx.execute(
    withValues(NEXT_CODE, [agency.id, day, codePrefix(agency.code, day)]),
  )) as {
    rows: { code: string }[];
  };
  return rows[0]!.code;
}

/** `<agency code>-<YYMMDD>-` of a Vietnamese day (YYYY-MM-DD). */
export function codePrefix(agencyCode: string, day: string): string {
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
}

/** A statement written with $1, $2… as drizzle SQL, each $n bound to values[n - 1]. */
function withValues(text: string, values: unknown[]): SQL {
  return sql.join(
    text.split(/\$(\d+)/).map((part, i) => (i % 2 ? sql`${values[Number(part) - 1]}` : sql.raw(part))),
  );
}
