/**
 * Removes stored contents that no record references: a file taken off a draft, an upload whose
 * transaction failed after its bytes were stored, what a crash left half-written. Each module that
 * keeps file contents says which of a batch of keys it still references (`BlobReferences`); a
 * content none of them references, and that was not stored in the last `graceMs`, goes. The grace
 * covers a write in flight (content stored, its row not yet committed); `removeIfUntouchedSince`
 * covers the same content being stored again while the sweep runs.
 */
import type { FileStorage } from './index.ts';

/** Of these keys, the ones a module's records still reference. */
export type BlobReferences = (sha256s: readonly string[]) => Promise<ReadonlySet<string>>;

export type SweepResult = { checked: number; removed: number; leftovers: number };

export const SWEEP_GRACE_MS = 60 * 60 * 1000;
const BATCH = 10_000;

export async function sweepBlobs(
  storage: FileStorage,
  references: readonly BlobReferences[],
  { graceMs = SWEEP_GRACE_MS, now = new Date() }: { graceMs?: number; now?: Date } = {},
): Promise<SweepResult> {
  const cutoff = new Date(now.getTime() - graceMs);
  const result: SweepResult = { checked: 0, removed: 0, leftovers: await storage.removeLeftovers(cutoff) };
  const judge = async (batch: string[]) => {
    result.checked += batch.length;
    const kept = new Set<string>();
    for (const referenced of references) for (const k of await referenced(batch)) kept.add(k);
    for (const sha256 of batch) {
      if (!kept.has(sha256) && (await storage.removeIfUntouchedSince(sha256, cutoff))) result.removed++;
    }
  };
  let batch: string[] = [];
  for await (const blob of storage.list()) {
    if (blob.touchedAt >= cutoff) continue;
    batch.push(blob.sha256);
    if (batch.length >= BATCH) {
      await judge(batch);
      batch = [];
    }
  }
  if (batch.length) await judge(batch);
  return result;
}
