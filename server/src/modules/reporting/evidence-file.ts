/**
 * A proof file (a plan progress report's, a self-assessment's) judged as dossier files are: by its
 * bytes, not its name (PDF, JPEG or PNG), within FILE_MAX_MB. Each caller turns a problem into its
 * own module's error, naming its own field.
 */
import { type Sniffed, sniff } from '../../platform/storage/content-type.ts';
import { sha256Of } from '../../platform/storage/index.ts';
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
  return {
    ok: true,
    evidence: {
      name: fileName.trim().slice(0, 255) || `minh-chung.${kind.extension}`,
      contentType: kind.type,
      sizeBytes: bytes.length,
      sha256: sha256Of(bytes),
    },
  };
}
