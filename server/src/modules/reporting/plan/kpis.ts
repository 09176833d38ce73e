import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/engine.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../identity/policy.ts';
import { kpis, kpiValues } from '../schema.ts';
import { measureKpi } from '../statistics/kpi-measures.ts';
import { demandManage } from './access.ts';
import { PlanErrors } from './errors.ts';
import { loadPlan } from './load.ts';

export type KpiRow = typeof kpis.$inferSelect;
export type KpiStatus = {
  id: string;
  code: string;
  name: string;
  unit: string;
  measure: string | null;
  targets: Record<string, number>;
  year: number;
  /** The target that applies to `year`: its own, else the nearest later target year's. */
  targetYear: number | null;
  target: number | null;
  value: number | null;
  source: 'measured' | 'entered' | null;
  note: string | null;
  met: boolean | null;
};

/** The target of `year`, or of the nearest later year that has one (a 2025 target governs 2023). */
export function targetFor(
  targets: Record<string, number>,
  year: number,
): { year: number; value: number } | null {
  const years = Object.keys(targets)
    .map(Number)
    .filter((y) => y >= year)
    .sort((a, b) => a - b);
  const y = years[0];
  return y === undefined ? null : { year: y, value: targets[String(y)]! };
}

/**
 * A KPI's value for a year. A measured KPI asks the platform's figures (a rate 0–1, shown in % when
 * the KPI's unit is %); when the measure has no figure yet, a value entered by hand still counts.
 */
export async function kpiStatuses(database: Database, planId: string, year: number): Promise<KpiStatus[]> {
  const { db } = database;
  const rows = await db.select().from(kpis).where(eq(kpis.planId, planId)).orderBy(asc(kpis.code));
  const entered = await db
    .select({ kpiId: kpiValues.kpiId, value: kpiValues.value, note: kpiValues.note, kpi: kpis.id })
    .from(kpiValues)
    .innerJoin(kpis, eq(kpis.id, kpiValues.kpiId))
    .where(and(eq(kpis.planId, planId), eq(kpiValues.year, year)));
  const byKpi = new Map(entered.map((e) => [e.kpiId, e]));
  const out: KpiStatus[] = [];
  for (const k of rows) {
    let value: number | null = null;
    let source: KpiStatus['source'] = null;
    if (k.measure) {
      const rate = await measureKpi(database, k.measure, year);
      if (rate !== null) {
        value = k.unit === '%' ? Math.round(rate * 1000) / 10 : rate;
        source = 'measured';
      }
    }
    const hand = byKpi.get(k.id);
    if (value === null && hand) {
      value = hand.value;
      source = 'entered';
    }
    const target = targetFor(k.targets, year);
    out.push({
      id: k.id,
      code: k.code,
      name: k.name,
      unit: k.unit,
      measure: k.measure,
      targets: k.targets,
      year,
      targetYear: target?.year ?? null,
      target: target?.value ?? null,
      value,
      source,
      note: hand?.note ?? null,
      // Every KPI of these plans is "at least" (shares, satisfaction): met when reaching the target.
      met: value === null || target === null ? null : value >= target.value,
    });
  }
  return out;
}

/** The DX office enters (or corrects) a KPI's value for a year. */
export async function setKpiValue(
  database: Database,
  actor: Actor,
  planId: string,
  kpiId: string,
  input: { year: number; value: number; note?: string | undefined },
  now = new Date(),
): Promise<void> {
  demandManage(actor);
  await inTransaction(database, async (tx) => {
    const plan = await loadPlan(tx, planId);
    const [kpi] = await tx
      .select()
      .from(kpis)
      .where(and(eq(kpis.id, kpiId), eq(kpis.planId, planId)));
    if (!kpi) throw PlanErrors.create('KPI_NOT_FOUND');
    if (input.year < plan.fromYear || input.year > plan.toYear)
      throw PlanErrors.create('TASK_INVALID', undefined, [
        {
          field: 'body.year',
          vi: `Năm phải trong giai đoạn của kế hoạch (${plan.fromYear}–${plan.toYear}).`,
          en: `The year must be within the plan's period (${plan.fromYear}–${plan.toYear}).`,
        },
      ]);
    const values = {
      value: input.value,
      note: input.note ?? null,
      recordedBy: actor.personId,
      recordedAt: now,
    };
    await tx
      .insert(kpiValues)
      .values({ id: newId(), kpiId, year: input.year, ...values })
      .onConflictDoUpdate({ target: [kpiValues.kpiId, kpiValues.year], set: values });
  });
}
