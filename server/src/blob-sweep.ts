/**
 * The file-storage sweep over every module that keeps file contents (dossier files; DX progress
 * reports' and self-assessments' evidence): a content none of them references, older than an hour,
 * is removed. Run by the worker role every six hours; `sweepUnreferencedBlobs` once from a CLI verb
 * or a test. A module that starts keeping file contents adds its `BlobReferences` here.
 */
import type { Config } from './config.ts';
import type { Database } from './db/engine.ts';
import { dossierBlobReferences } from './modules/dossiers/files.ts';
import { evidenceBlobReferences } from './modules/reporting/evidence-file.ts';
import { startPeriodic } from './platform/periodic.ts';
import { openStorage } from './platform/storage/index.ts';
import { SWEEP_GRACE_MS, type SweepResult, sweepBlobs } from './platform/storage/sweep.ts';

export function sweepUnreferencedBlobs(
  database: Database,
  config: Pick<Config, 'filesDir'>,
  options: { graceMs?: number; now?: Date } = {},
): Promise<SweepResult> {
  return sweepBlobs(
    openStorage(config),
    [dossierBlobReferences(database), evidenceBlobReferences(database)],
    { graceMs: SWEEP_GRACE_MS, ...options },
  );
}

export function startBlobSweeper(
  database: Database,
  config: Pick<Config, 'filesDir'>,
  log: { error(obj: unknown, msg: string): void; info?(obj: unknown, msg: string): void },
  everyMs = 6 * 60 * 60 * 1000,
): { close(): Promise<void> } {
  return startPeriodic(
    'sweeping unreferenced files',
    async () => {
      const result = await sweepUnreferencedBlobs(database, config);
      if (result.removed || result.leftovers) log.info?.(result, 'unreferenced files removed');
    },
    everyMs,
    log,
  );
}
