/**
 * Online-services statistics (issue 6 §2) and the procedure counts the 766 index needs: the
 * procedures in an authority's remit by online type, and how many of them had dossiers (counted
 * from the kept months and the live rest, rollup.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import type { Window } from './dossier-sets.ts';
import { countedParts, type Keeping, receivedBy } from './rollup.ts';
import { uuidList } from './scope.ts';

export type ServiceKind = 'full' | 'partial' | 'offline';

export type ServiceRow = {
  kind: ServiceKind;
  procedures: number;
  /** Procedures with at least one dossier received in the period, any channel. */
  withDossiers: number;
  /** Procedures with at least one online dossier received in the period. */
  withOnlineDossiers: number;
  received: number;
  receivedOnline: number;
  onlineShare: number | null;
};

export type ProcedureCounts = {
  /** Enabled procedures in the remit. */
  total: number;
  /** Offered online (full or partial). */
  online: number;
  /** Offered online and received an online dossier in the period. */
  onlineWithDossiers: number;
  /** With a fee (not free). */
  withFee: number;
  /** With a fee and a dossier in the period. */
  withFeeAndDossiers: number;
};

/**
 * The procedures an authority answers for: those our catalogue routes to it (or to a unit acting
 * in its name), and for a commune authority every procedure of the commune level.
 */
export function remitCondition(agencyIds: readonly string[] | undefined, communeLevel: boolean): SQL {
  if (!agencyIds) return sql`true`;
  const ids = uuidList(agencyIds);
  return communeLevel
    ? sql`(v.competent_agency_id IN (${ids}) OR (v.competent_agency_id IS NULL AND 'commune' = ANY(v.levels)))`
    : sql`v.competent_agency_id IN (${ids})`;
}

function dossierScope(agencyIds: readonly string[] | undefined): SQL {
  if (!agencyIds) return sql`true`;
  const ids = uuidList(agencyIds);
  return sql`(d.competent_agency_id IN (${ids}) OR d.receiving_agency_id IN (${ids}))`;
}

const KIND = sql`CASE WHEN NOT ('online' = ANY(v.channels)) THEN 'offline' ELSE v.online_type END`;

async function perProcedure(
  database: Database,
  w: Window,
  agencyIds: readonly string[] | undefined,
  communeLevel: boolean,
  keeping: Keeping = {},
) {
  const parts = await countedParts(database, w, keeping);
  return database.rows<{
    code: string;
    name: string;
    kind: ServiceKind;
    with_fee: boolean;
    received: number;
    online: number;
  }>(sql`
    SELECT p.code, v.name->>'vi' AS name, ${KIND} AS kind,
      (NOT v.fee_free AND jsonb_array_length(v.fees) > 0) AS with_fee,
      coalesce(r.received, 0)::int AS received, coalesce(r.online, 0)::int AS online
    FROM catalog_procedure p
    JOIN catalog_procedure_version v ON v.procedure_id = p.id AND v.is_current
    LEFT JOIN ${receivedBy(parts, sql`d.procedure_id`, dossierScope(agencyIds))} r ON r.procedure_id = p.id
    WHERE p.enabled AND ${remitCondition(agencyIds, communeLevel)}`);
}

export async function servicesStatistics(
  database: Database,
  w: Window,
  agencyIds: readonly string[] | undefined,
  communeLevel: boolean,
): Promise<ServiceRow[]> {
  const rows = await perProcedure(database, w, agencyIds, communeLevel);
  return (['full', 'partial', 'offline'] as const).map((kind) => {
    const of = rows.filter((r) => r.kind === kind);
    const received = of.reduce((s, r) => s + Number(r.received), 0);
    const receivedOnline = of.reduce((s, r) => s + Number(r.online), 0);
    return {
      kind,
      procedures: of.length,
      withDossiers: of.filter((r) => Number(r.received) > 0).length,
      withOnlineDossiers: of.filter((r) => Number(r.online) > 0).length,
      received,
      receivedOnline,
      onlineShare: received > 0 ? Math.round((receivedOnline / received) * 10_000) / 10_000 : null,
    };
  });
}

export async function procedureCounts(
  database: Database,
  w: Window,
  agencyIds: readonly string[] | undefined,
  communeLevel: boolean,
  keeping: Keeping = {},
): Promise<ProcedureCounts> {
  return countsOf(await perProcedure(database, w, agencyIds, communeLevel, keeping));
}

/** `procedureCounts` for every deciding agency at once (the 766 ranking of departments or communes). */
export async function procedureCountsByAgency(
  database: Database,
  w: Window,
  keeping: Keeping = {},
): Promise<Map<string, ProcedureCounts>> {
  const parts = await countedParts(database, w, keeping);
  const rows = await database.rows<{
    agency_id: string;
    kind: ServiceKind;
    with_fee: boolean;
    received: number;
    online: number;
  }>(sql`
    WITH counts AS ${receivedBy(parts, sql`d.procedure_id, d.competent_agency_id`, sql`true`)}
    SELECT a.id AS agency_id, ${KIND} AS kind,
      (NOT v.fee_free AND jsonb_array_length(v.fees) > 0) AS with_fee,
      coalesce(c.received, 0)::int AS received, coalesce(c.online, 0)::int AS online
    FROM identity_agency a
    JOIN catalog_procedure_version v ON v.is_current AND (v.competent_agency_id = a.id
      OR (a.level = 'commune' AND a.kind = 'commune_committee' AND v.competent_agency_id IS NULL AND 'commune' = ANY(v.levels)))
    JOIN catalog_procedure p ON p.id = v.procedure_id AND p.enabled
    LEFT JOIN counts c ON c.procedure_id = p.id AND c.competent_agency_id = a.id`);
  const by = new Map<string, typeof rows>();
  for (const r of rows) by.set(r.agency_id, [...(by.get(r.agency_id) ?? []), r]);
  return new Map([...by].map(([id, list]) => [id, countsOf(list)]));
}

function countsOf(
  rows: { kind: ServiceKind; with_fee: boolean; received: number; online: number }[],
): ProcedureCounts {
  const online = rows.filter((r) => r.kind !== 'offline');
  const fee = rows.filter((r) => r.with_fee);
  return {
    total: rows.length,
    online: online.length,
    onlineWithDossiers: online.filter((r) => Number(r.online) > 0).length,
    withFee: fee.length,
    withFeeAndDossiers: fee.filter((r) => Number(r.received) > 0).length,
  };
}

/** The procedure lists behind the 766 procedure counts (`drill.procedures` of a component). */
export const PROCEDURE_SETS = ['all', 'online', 'online_used', 'fee', 'fee_used'] as const;
export type ProcedureSet = (typeof PROCEDURE_SETS)[number];

const IN_SET: Record<
  ProcedureSet,
  (r: { kind: ServiceKind; with_fee: boolean; received: number; online: number }) => boolean
> = {
  all: () => true,
  online: (r) => r.kind !== 'offline',
  online_used: (r) => r.kind !== 'offline' && Number(r.online) > 0,
  fee: (r) => r.with_fee,
  fee_used: (r) => r.with_fee && Number(r.received) > 0,
};

export type ProcedureRow = {
  code: string;
  name: string;
  kind: ServiceKind;
  withFee: boolean;
  received: number;
  receivedOnline: number;
};

export async function proceduresInSet(
  database: Database,
  w: Window,
  agencyIds: readonly string[] | undefined,
  communeLevel: boolean,
  set: ProcedureSet,
): Promise<ProcedureRow[]> {
  const rows = await perProcedure(database, w, agencyIds, communeLevel);
  return rows
    .filter(IN_SET[set])
    .sort((a, b) => Number(b.received) - Number(a.received) || a.code.localeCompare(b.code))
    .map((r) => ({
      code: r.code,
      name: r.name,
      kind: r.kind,
      withFee: r.with_fee,
      received: Number(r.received),
      receivedOnline: Number(r.online),
    }));
}
