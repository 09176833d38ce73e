import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/engine.ts';
import { type ImportResult, importCatalog } from '../src/modules/catalog/import.ts';
import type { Duration, EForm } from '../src/modules/catalog/schema.ts';
import type { Progress } from '../src/platform/progress.ts';
import { NATIONAL_CATALOGUE, referenceLines } from './reference.ts';

const eformsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'eforms.json');

export const loadEforms = (): Record<string, EForm> => JSON.parse(fs.readFileSync(eformsFile, 'utf8'));

/** Statutory processing times the catalogue lacks for the e-form procedures (with their legal basis). */
export function loadProcessingTimes(): Record<string, Duration> {
  const file = path.join(path.dirname(eformsFile), 'processing-times.json');
  const entries = Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Duration>);
  return Object.fromEntries(
    entries
      .filter(([code]) => !code.startsWith('_'))
      .map(([code, d]) => [code, { value: d.value, unit: d.unit }]),
  );
}

/**
 * The national procedure catalogue for a new database (the sample in server/seed/reference/procedures,
 * streamed from its .gz): province- and commune-level procedures are offered, with e-forms for the
 * common ones. Skipped when the catalogue has procedures. (`_config` is kept so callers need not change.)
 */
export async function seedCatalog(
  database: Database,
  _config: unknown,
  makeProgress: (total: number) => Progress,
): Promise<ImportResult | null> {
  const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM catalog_procedure`);
  if ((row?.n ?? 0) > 0) return null;
  return importCatalog(
    database,
    referenceLines(NATIONAL_CATALOGUE),
    { enableLevels: ['province', 'commune'], eforms: loadEforms(), processingTimes: loadProcessingTimes() },
    makeProgress,
  );
}
