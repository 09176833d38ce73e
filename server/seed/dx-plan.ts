import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Database } from '../src/db/engine.ts';
import { importPlan } from '../src/modules/reporting/plan/import.ts';
import { plans } from '../src/modules/reporting/schema.ts';

/** The demo plan (illustrative tasks, see data/dx-plan-tuyen-quang-55-2022.md), in the import layout. */
export const DEMO_PLAN_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'data',
  'dx-plan-tuyen-quang-55-2022.csv',
);
export const DEMO_PLAN_NUMBER = '55/KH-UBND';

/**
 * Loads Tuyên Quang's plan 55/KH-UBND through the same importer the DX office uses; safe to repeat
 * (a plan already there is left as it is, with its progress reports). Returns whether it was added.
 */
export async function seedDemoPlan(database: Database): Promise<boolean> {
  const [exists] = await database.db
    .select({ id: plans.id })
    .from(plans)
    .where(eq(plans.number, DEMO_PLAN_NUMBER));
  if (exists) return false;
  await importPlan(database, await readFile(DEMO_PLAN_FILE));
  return true;
}
