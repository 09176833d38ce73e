/** The dossiers behind a figure: the same set definition the figure counted, listed. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import { type DossierSet, setCondition, type Window } from './dossier-sets.ts';
import { touchesWindow } from './rollup.ts';
import { dossierFacets, type Scope } from './scope.ts';

export type DrillRow = {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  agencyName: string;
  channel: string;
  status: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  doneAt: Date | null;
  outcome: string | null;
  workingDaysTaken: number | null;
  rating: number | null;
};

/** Officials see codes, procedures and dates here, never the applicant's personal data. */
export async function dossiersInSet(
  database: Database,
  w: Window,
  scope: Scope,
  set: DossierSet,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: DrillRow[] }> {
  // Only dossiers active in the window can be in a set, except a supplement asked before receipt.
  const facets = dossierFacets(
    w,
    scope,
    'none',
    set === 'supplement_requested' ? undefined : touchesWindow(w),
  );
  const [count] = await database.rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM ${facets} WHERE ${setCondition(set)}`,
  );
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT d.id, d.code, p.code AS procedure_code, v.name->>'vi' AS procedure_name,
      ca.name->>'vi' AS agency_name, d.channel, d.status, d.received_at, d.due_at, d.outcome_at,
      d.outcome, d.working_days_taken, d.rating
    FROM ${facets}
    JOIN dossier d ON d.id = f.id
    JOIN identity_agency ca ON ca.id = d.competent_agency_id
    JOIN catalog_procedure p ON p.id = d.procedure_id
    JOIN catalog_procedure_version v ON v.procedure_id = d.procedure_id AND v.version = d.procedure_version
    WHERE ${setCondition(set)}
    ORDER BY d.received_at NULLS LAST, d.id
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  const instant = (x: unknown) => (x === null || x === undefined ? null : new Date(x as string));
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      id: String(r.id),
      code: (r.code as string | null) ?? null,
      procedureCode: String(r.procedure_code),
      procedureName: String(r.procedure_name),
      agencyName: String(r.agency_name),
      channel: String(r.channel),
      status: String(r.status),
      receivedAt: instant(r.received_at),
      dueAt: instant(r.due_at),
      doneAt: instant(r.outcome_at),
      outcome: (r.outcome as string | null) ?? null,
      workingDaysTaken: r.working_days_taken === null ? null : Number(r.working_days_taken),
      rating: r.rating === null ? null : Number(r.rating),
    })),
  };
}
