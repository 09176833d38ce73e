/**
 * A proof file (a plan progress report's, a self-assessment's) judged as dossier files are: by its
 * bytes, not its name (PDF, JPEG or PNG), within FILE_MAX_MB. Each caller turns a problem into its
 * own module's error, naming its own field.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/engine.ts';
import { type Sniffed, sniff } from '../../platform/storage/content-type.ts';
import { sha256Of } from '../../platform/storage/index.ts';
import type { BlobReferences } from '../../platform/storage/sweep.ts';
import { cleanFileName, withExtension } from '../../platform/text.ts';
import type { Evidence } from './schema.ts';

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export type EvidenceCheck =
  | { ok: true; evidence: Evidence }
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'too_large' }
  | { ok: false; problem: 'type'; actually: Extract<Sniffed, { ok: false }>['actually'] };

export function checkEvidenceFile(bytes: Buffer, fileName: string, maxMb: number): EvidenceCheck {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > maxMb * 1024 * 1024) return { ok: false, problem: 'too_large' };
  const kind = sniff(bytes);
  if (!kind.ok) return { ok: false, problem: 'type', actually: kind.actually };
  // Kept as dossier files are: no path or control characters, the extension of what it really is.
  const name = withExtension(
    cleanFileName(fileName, 'minh-chung'),
    kind.extension,
    kind.type === 'image/jpeg' ? ['jpeg', 'jpe'] : [],
  );
  return {
    ok: true,
    evidence: {
      name,
      contentType: kind.type,
      sizeBytes: bytes.length,
      sha256: sha256Of(bytes),
    },
  };
}

/** Of these contents, the ones a progress report or a self-assessment still keeps as evidence. */
export const evidenceBlobReferences =
  (database: Database): BlobReferences =>
  async (sha256s) => {
    if (!sha256s.length) return new Set();
    const rows = await database.rows<{ sha256: string }>(sql`
      SELECT DISTINCT e ->> 'sha256' AS sha256
      FROM (SELECT jsonb_array_elements(evidence) AS e FROM reporting_task_report
            UNION ALL SELECT jsonb_array_elements(evidence) FROM reporting_assessment_score) x
      WHERE e ->> 'sha256' = ANY(string_to_array(${sha256s.join(',')}, ','))`);
    return new Set(rows.map((r) => r.sha256));
  };
