import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Config } from '../src/config.ts';
import type { Database } from '../src/db/engine.ts';
import { type ImportResult, importCatalog } from '../src/modules/catalog/import.ts';
import type { Duration, EForm } from '../src/modules/catalog/schema.ts';
import type { Progress } from '../src/platform/progress.ts';

const eformsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'eforms.json');

export const nationalCatalogueFile = (config: Pick<Config, 'SHARED_DATA_DIR'>) =>
  path.join(config.SHARED_DATA_DIR, 'procedures', 'national-catalogue-sample.jsonl');

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
 * The national procedure catalogue for a new database: province- and commune-level procedures
 * are offered, with e-forms for the common ones. Skipped when the catalogue has procedures.
 */
export async function seedCatalog(
  database: Database,
  config: Pick<Config, 'SHARED_DATA_DIR'>,
  makeProgress: (total: number) => Progress,
): Promise<ImportResult | null> {
  const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM catalog_procedure`);
  if ((row?.n ?? 0) > 0) return null;
  const file = nationalCatalogueFile(config);
  return importCatalog(
    database,
    fs.readFileSync(file, 'utf8'),
    { enableLevels: ['province', 'commune'], eforms: loadEforms(), processingTimes: loadProcessingTimes() },
    makeProgress,
  );
}
