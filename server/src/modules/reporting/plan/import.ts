import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { newId } from '../../../platform/ids.ts';
import { agencies } from '../../identity/schema.ts';
import { kpis, planGroups, plans, planTasks } from '../schema.ts';
import { KPI_MEASURES } from '../statistics/kpi-measures.ts';
import { PlanErrors } from './errors.ts';
import { readRows } from './import-file.ts';
import { type PlanDraft, toDraft } from './import-format.ts';

/** The platform measure keys a KPI may name (tolerates the list being plain keys or described objects). */
export function measureKeys(): string[] {
  return (KPI_MEASURES as readonly (string | { key: string })[]).map((m) =>
    typeof m === 'string' ? m : m.key,
  );
}

// Names as people write them: case, spacing and the "UBND" abbreviation do not matter.
const norm = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\bubnd\b/g, 'ủy ban nhân dân')
    .replace(/uỷ/g, 'ủy')
    .replace(/\s+/g, ' ')
    .trim();

/** Looks agencies up by their Vietnamese name; a name that is not one of ours stays text. */
export async function agencyMatcher(tx: Tx): Promise<(name: string | null) => string | null> {
  const rows = await tx
    .select({ id: agencies.id, name: agencies.name, level: agencies.level })
    .from(agencies)
    .where(eq(agencies.active, true));
  const byName = new Map<string, string>();
  // Province-level first: a commune agency of the same name never shadows a department.
  const ordered = [...rows].sort(
    (a, b) => (a.level === 'province' ? 0 : 1) - (b.level === 'province' ? 0 : 1),
  );
  for (const r of ordered) {
    const full = norm(r.name.vi);
    // Seeded names end with the province ("Sở Tư pháp tỉnh Tuyên Quang"); plans write "Sở Tư pháp".
    const cut = r.level === 'province' ? full.lastIndexOf(' tỉnh ') : -1;
    const keys = cut > 0 ? [full, full.slice(0, cut + ' tỉnh'.length), full.slice(0, cut)] : [full];
    for (const key of keys) if (!byName.has(key)) byName.set(key, r.id);
  }
  return (name) => (name ? (byName.get(norm(name)) ?? null) : null);
}

export type ImportResult = {
  planId: string;
  groups: number;
  tasks: number;
  kpis: number;
  unmatchedLeads: string[];
};

/** Writes a parsed plan, all or nothing. */
export async function writePlan(tx: Tx, draft: PlanDraft, now: Date): Promise<ImportResult> {
  const [exists] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.number, draft.number));
  if (exists)
    throw PlanErrors.create('EXISTS', {
      vi: `Đã có kế hoạch số ${draft.number}.`,
      en: `Plan ${draft.number} already exists.`,
    });
  const match = await agencyMatcher(tx);
  const planId = newId();
  await tx.insert(plans).values({
    id: planId,
    number: draft.number,
    title: draft.title,
    issuedOn: draft.issuedOn,
    issuer: draft.issuer,
    fromYear: draft.fromYear,
    toYear: draft.toYear,
    leadAgencyId: match(draft.lead),
    createdAt: now,
  });
  const groupIds = new Map<string, string>();
  const groupRows = draft.groups.map((g, position) => {
    const id = newId();
    groupIds.set(g.code, id);
    return { id, planId, code: g.code, name: g.name, position };
  });
  if (groupRows.length) await tx.insert(planGroups).values(groupRows);
  const unmatched = new Set<string>();
  const taskRows = draft.tasks.map((t) => {
    const leadAgencyId = match(t.lead);
    if (t.lead && !leadAgencyId) unmatched.add(t.lead);
    return {
      id: newId(),
      planId,
      groupId: groupIds.get(t.group)!,
      code: t.code,
      title: t.title,
      leadAgencyId,
      leadText: leadAgencyId ? null : t.lead,
      coordinating: t.coordinating,
      deadline: t.deadline,
      deadlineText: t.deadlineText,
      status: t.status,
      progress: t.progress,
      updatedAt: now,
    };
  });
  if (taskRows.length) await tx.insert(planTasks).values(taskRows);
  const kpiRows = draft.kpis.map((k) => ({
    id: newId(),
    planId,
    code: k.code,
    name: k.name,
    unit: k.unit,
    measure: k.measure,
    targets: k.targets,
  }));
  if (kpiRows.length) await tx.insert(kpis).values(kpiRows);
  return {
    planId,
    groups: groupRows.length,
    tasks: taskRows.length,
    kpis: kpiRows.length,
    unmatchedLeads: [...unmatched].sort(),
  };
}

/** Reads a CSV or .xlsx plan file and creates the plan in one transaction. */
export async function importPlan(database: Database, bytes: Buffer, now = new Date()): Promise<ImportResult> {
  const draft = toDraft(await readRows(bytes), measureKeys());
  return inTransaction(database, (tx) => writePlan(tx, draft, now));
}
