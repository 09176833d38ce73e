/**
 * Which dossiers a statistic covers (filters) and how it is broken down (dimension), as the
 * per-dossier facet rows the figures count. An agency covers what it, or a unit acting in its name,
 * received or decides: a service centre's figures are its intake, a department's what it decides.
 */
import { type SQL, sql } from 'drizzle-orm';
import { facetColumns, type Window } from './dossier-sets.ts';

export const DIMENSIONS = ['none', 'agency', 'desk', 'commune', 'field', 'procedure', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Scope = {
  /** The agency and the units acting in its name. */
  agencyIds?: readonly string[];
  /** Only what those agencies decide (the 766 index scores the competent authority), not what they received. */
  decidedOnly?: boolean;
  /** Exactly this deciding agency (a row of the breakdown by agency). */
  decidedBy?: string;
  /** Exactly this receiving desk (a row of the breakdown by desk). */
  deskId?: string;
  /** The commune (its code) whose authorities decide. */
  communeCode?: string;
  field?: string;
  procedureCode?: string;
  channel?: 'direct' | 'online' | 'postal';
};

type Join = 'ca' | 'ra' | 'p' | 'v';
const JOINS: Record<Join, SQL> = {
  ca: sql`JOIN identity_agency ca ON ca.id = d.competent_agency_id`,
  ra: sql`JOIN identity_agency ra ON ra.id = d.receiving_agency_id`,
  p: sql`JOIN catalog_procedure p ON p.id = d.procedure_id`,
  v: sql`JOIN catalog_procedure_version v ON v.procedure_id = d.procedure_id AND v.version = d.procedure_version`,
};

/** The group key and its labels per dimension, and the tables they need. */
const DIMENSION_COLUMNS: Record<Dimension, { key: SQL; label: SQL; labelEn: SQL; joins: Join[] }> = {
  none: { key: sql`'all'`, label: sql`'Tổng cộng'`, labelEn: sql`'Total'`, joins: [] },
  agency: {
    key: sql`ca.id::text`,
    label: sql`ca.name->>'vi'`,
    labelEn: sql`coalesce(ca.name->>'en', ca.name->>'vi')`,
    joins: ['ca'],
  },
  desk: {
    key: sql`ra.id::text`,
    label: sql`ra.name->>'vi'`,
    labelEn: sql`coalesce(ra.name->>'en', ra.name->>'vi')`,
    joins: ['ra'],
  },
  commune: {
    key: sql`CASE WHEN ca.level = 'commune' THEN ca.admin_unit_code ELSE 'province' END`,
    label: sql`CASE WHEN ca.level = 'commune' THEN ca.name->>'vi' ELSE 'Các cơ quan cấp tỉnh' END`,
    labelEn: sql`CASE WHEN ca.level = 'commune' THEN coalesce(ca.name->>'en', ca.name->>'vi') ELSE 'Provincial agencies' END`,
    joins: ['ca'],
  },
  field: {
    key: sql`coalesce(v.field, '')`,
    label: sql`coalesce(v.field, 'Chưa phân lĩnh vực')`,
    labelEn: sql`coalesce(v.field, 'No field')`,
    joins: ['v'],
  },
  procedure: {
    key: sql`p.code`,
    label: sql`v.name->>'vi'`,
    labelEn: sql`coalesce(v.name->>'en', v.name->>'vi')`,
    joins: ['p', 'v'],
  },
  channel: {
    key: sql`d.channel`,
    label: sql`CASE d.channel WHEN 'direct' THEN 'Trực tiếp' WHEN 'online' THEN 'Trực tuyến' ELSE 'Bưu chính công ích' END`,
    labelEn: sql`CASE d.channel WHEN 'direct' THEN 'Counter' WHEN 'online' THEN 'Online' ELSE 'Post' END`,
    joins: [],
  },
};

/** `'<uuid>'::uuid, …` for an `IN (…)`. */
export const uuidList = (ids: readonly string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

function scopeParts(scope: Scope): { where: SQL; joins: Join[] } {
  const parts: SQL[] = [sql`true`];
  const joins: Join[] = [];
  if (scope.agencyIds) {
    const ids = uuidList(scope.agencyIds);
    parts.push(
      scope.decidedOnly
        ? sql`d.competent_agency_id IN (${ids})`
        : sql`(d.competent_agency_id IN (${ids}) OR d.receiving_agency_id IN (${ids}))`,
    );
  }
  if (scope.decidedBy) parts.push(sql`d.competent_agency_id = ${scope.decidedBy}::uuid`);
  if (scope.deskId) parts.push(sql`d.receiving_agency_id = ${scope.deskId}::uuid`);
  if (scope.communeCode) {
    parts.push(sql`(ca.level = 'commune' AND ca.admin_unit_code = ${scope.communeCode})`);
    joins.push('ca');
  }
  if (scope.field) {
    parts.push(sql`v.field = ${scope.field}`);
    joins.push('v');
  }
  if (scope.procedureCode) {
    parts.push(sql`p.code = ${scope.procedureCode}`);
    joins.push('p');
  }
  if (scope.channel) parts.push(sql`d.channel = ${scope.channel}`);
  return { where: sql.join(parts, sql` AND `), joins };
}

/** The dossiers in scope with the tables a filter or the dimension needs, and nothing else. */
export function scopedDossiers(scope: Scope, extraJoins: Join[] = [], from: SQL = sql`dossier d`): SQL {
  const { where, joins } = scopeParts(scope);
  const needed = (['ca', 'ra', 'p', 'v'] as const).filter((j) => joins.includes(j) || extraJoins.includes(j));
  return sql`FROM ${from} ${sql.join(
    needed.map((j) => JOINS[j]),
    sql` `,
  )} WHERE ${where}`;
}

/**
 * One row per dossier in scope: its facets for the window, its group key and label (alias f);
 * `only` narrows the dossiers further (a condition on alias d).
 */
export function dossierFacets(w: Window, scope: Scope, dimension: Dimension, only: SQL = sql`true`): SQL {
  const dim = DIMENSION_COLUMNS[dimension];
  return sql`(SELECT ${facetColumns(w)}, ${dim.key} AS key, ${dim.label} AS label, ${dim.labelEn} AS label_en
    ${scopedDossiers(scope, dim.joins)} AND ${only}) f`;
}

/** The group key, its labels and the tables they need, for queries that group other rows the same way. */
export function dimensionColumns(dimension: Dimension): Readonly<{
  key: SQL;
  label: SQL;
  labelEn: SQL;
  joins: Join[];
}> {
  return DIMENSION_COLUMNS[dimension];
}
