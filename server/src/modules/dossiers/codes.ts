import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/engine.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { dossierCodeCounters } from './schema.ts';

/**
 * The next dossier code of a receiving agency for the (Vietnamese) day of receipt:
 * `<agency code>-<YYMMDD>-<NNNN>`, e.g. H15.50.05.13-261008-0975. The counter row is bumped in
 * the caller's transaction: concurrent receipts queue on that row, and a receipt that rolls back
 * gives its number back, so codes have neither gaps nor duplicates.
 */
export async function nextDossierCode(
  tx: Tx,
  agency: { id: string; code: string },
  receivedAt: Date,
): Promise<string> {
  const day = vietnamDateOf(receivedAt);
  const [row] = await tx
    .insert(dossierCodeCounters)
    .values({ agencyId: agency.id, day, last: 1 })
    .onConflictDoUpdate({
      target: [dossierCodeCounters.agencyId, dossierCodeCounters.day],
      set: { last: sql`${dossierCodeCounters.last} + 1` },
    })
    .returning({ last: dossierCodeCounters.last });
  // Four digits a day per agency as the national format has; a busier desk gets five rather than a clash.
  return `${codePrefix(agency.code, day)}${String(row!.last).padStart(4, '0')}`;
}

/** `<agency code>-<YYMMDD>-` of a Vietnamese day (YYYY-MM-DD); counter intake adds the number in SQL. */
export function codePrefix(agencyCode: string, day: string): string {
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
}
