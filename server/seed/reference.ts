/**
 * The reference data shipped in `server/seed/reference/` (origin and terms in its README): the one place
 * that knows the folder. A file is named as published (`procedures/national-catalogue-sample.jsonl`);
 * whether the repository stores it gzip-compressed is this module's business.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBytes, readLines, readText } from '../src/platform/text-files.ts';

export const referenceDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reference');

/** Where a reference file is stored: `name` itself, else `name.gz`. */
export function referenceFile(name: string): string {
  const plain = path.join(referenceDir, name);
  for (const file of [plain, `${plain}.gz`]) if (fs.existsSync(file)) return file;
  throw new Error(
    `Thiếu tệp dữ liệu tham chiếu / reference file missing: ${path.relative(process.cwd(), plain)}[.gz] (see server/seed/reference/README.md)`,
  );
}

/** The file's content as published (decompressed). */
export const readReferenceBytes = (name: string): Buffer => readBytes(referenceFile(name));
export const readReference = (name: string): string => readText(referenceFile(name));

/** The file's lines, streamed (and decompressed) rather than read whole. */
export const referenceLines = (name: string): AsyncGenerator<string> => readLines(referenceFile(name));

export const NATIONAL_CATALOGUE = 'procedures/national-catalogue-sample.jsonl';
