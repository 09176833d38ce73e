import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync as zlibGunzip, gzipSync as zlibGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readLines } from '../src/platform/text-files.ts';
import { NATIONAL_CATALOGUE, readReference, referenceDir, referenceLines } from './reference.ts';

// The folder's own papers: what it holds and how to check it.
const PAPERS = new Set(['README.md', 'SHA256SUMS']);

const sums = new Map(
  fs
    .readFileSync(path.join(referenceDir, 'SHA256SUMS'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(line);
      if (!m) throw new Error(`SHA256SUMS: unreadable line "${line}"`);
      return [m[2]!, m[1]!] as const;
    }),
);

/** Every stored file, relative to the folder, as stored (with `.gz`). */
const stored = (fs.readdirSync(referenceDir, { recursive: true }) as string[])
  .map((f) => f.split(path.sep).join('/'))
  .filter((f) => fs.statSync(path.join(referenceDir, f)).isFile() && !PAPERS.has(f))
  .sort();
const published = (f: string) => f.replace(/\.gz$/, '');

describe('reference data in server/seed/reference', () => {
  it('lists every stored file in SHA256SUMS, and stores every listed file', () => {
    expect(stored.length).toBeGreaterThan(20);
    expect(stored.map(published).sort()).toEqual([...sums.keys()].sort());
  });

  it('is byte-identical to its source once decompressed', () => {
    for (const f of stored) {
      const bytes = fs.readFileSync(path.join(referenceDir, f));
      const content = f.endsWith('.gz') ? zlibGunzip(bytes) : bytes;
      expect(createHash('sha256').update(content).digest('hex'), f).toBe(sums.get(published(f)));
    }
  });

  it('compresses what is large and keeps small files plain', () => {
    for (const f of stored) {
      const size = fs.statSync(path.join(referenceDir, f)).size;
      if (f.endsWith('.gz')) expect(isGzipBytes(path.join(referenceDir, f)), f).toBe(true);
      else expect(size, `${f} should be stored gzip-compressed`).toBeLessThan(256 * 1024);
    }
  });

  it('names every stored file in its README', () => {
    const readme = fs.readFileSync(path.join(referenceDir, 'README.md'), 'utf8');
    for (const f of stored) expect(readme, f).toContain(path.basename(f));
  });

  it('streams the same lines as the whole text', async () => {
    const text = readReference(NATIONAL_CATALOGUE);
    const lines: string[] = [];
    for await (const line of referenceLines(NATIONAL_CATALOGUE)) lines.push(line);
    expect(lines.join('\n')).toBe(text.replace(/\n$/, ''));
    expect(lines.filter(Boolean)).toHaveLength(2642);
  });

  it('reads CRLF, a last line without newline, and reports a truncated .gz', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-lines-'));
    try {
      const plain = path.join(dir, 'a.txt');
      fs.writeFileSync(plain, 'một\r\nhai\nba');
      const read = async (f: string) => {
        const out: string[] = [];
        for await (const l of readLines(f)) out.push(l);
        return out;
      };
      expect(await read(plain)).toEqual(['một', 'hai', 'ba']);
      const gz = path.join(dir, 'a.txt.gz');
      const whole = zlibGzip(Buffer.from('một\nhai\n'.repeat(50_000)));
      fs.writeFileSync(gz, whole);
      expect((await read(gz)).length).toBe(100_000); // a final newline ends the last line, it starts none
      fs.writeFileSync(gz, whole.subarray(0, whole.length - 100));
      await expect(read(gz)).rejects.toThrow(/unexpected end of file/i);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function isGzipBytes(file: string): boolean {
  const head = fs.readFileSync(file).subarray(0, 2);
  return head[0] === 0x1f && head[1] === 0x8b;
}
