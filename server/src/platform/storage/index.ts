import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A stored content and when it was last written or stored again. */
export type StoredBlob = { sha256: string; touchedAt: Date };

/** Where file contents live. Keys are content addresses, so the same scan stored twice is kept once. */
export interface FileStorage {
  /**
   * Stores the bytes (if not there yet) and returns their SHA-256, which is also the key. Storing
   * content that is already there marks it as just stored, so a sweep running at the same moment
   * keeps it (see `removeIfUntouchedSince`).
   */
  put(bytes: Buffer): Promise<{ sha256: string }>;
  get(sha256: string): Promise<Buffer>;
  /** Every stored content, in no particular order. */
  list(): AsyncIterable<StoredBlob>;
  /**
   * Removes the content unless it was stored (again) at or after `since`; true when removed. Safe
   * beside a concurrent `put` of the same content: either the put sees it gone and writes it anew,
   * or the removal sees the put's mark and keeps it.
   */
  removeIfUntouchedSince(sha256: string, since: Date): Promise<boolean>;
  /**
   * After a crash: removes half-written temporary files older than `before`, and puts back content
   * a removal had moved aside (the next sweep judges it again). Returns how many it cleared.
   */
  removeLeftovers(before: Date): Promise<number>;
  readonly describe: string;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const SHA256 = /^[0-9a-f]{64}$/;
const missing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files on local disk under `root/sha256/ab/abcdef…`. A write goes to a temporary name and is
 * renamed into place, so a crash never leaves half a file under a real key.
 */
export function localDiskStorage(root: string): FileStorage {
  const base = path.join(root, 'sha256');
  const where = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(base, sha256.slice(0, 2), sha256);
  };
  const shards = async () =>
    (await readdir(base).catch(() => [] as string[])).filter((d) => /^[0-9a-f]{2}$/.test(d));
  return {
    describe: `local disk ${root}`,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const file = where(sha256);
      // Touching it is what tells a sweep in progress that it is wanted again.
      const now = new Date();
      const there = await utimes(file, now, now).then(
        () => stat(file).then((s) => s.size === bytes.length),
        () => false,
      );
      if (!there) {
        await mkdir(path.dirname(file), { recursive: true });
        const temp = `${file}.${randomBytes(6).toString('hex')}.part`;
        await writeFile(temp, bytes);
        await rename(temp, file);
      }
      return { sha256 };
    },
    get: (sha256) => readFile(where(sha256)),
    async *list() {
      for (const shard of await shards()) {
        const dir = path.join(base, shard);
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          if (!SHA256.test(name)) continue;
          const s = await stat(path.join(dir, name)).catch(() => null);
          if (s?.isFile()) yield { sha256: name, touchedAt: s.mtime };
        }
      }
    },
    async removeIfUntouchedSince(sha256, since) {
      const file = where(sha256);
      // Moved aside first: a put from now on finds nothing and writes the content anew.
      const aside = `${file}.${randomBytes(6).toString('hex')}.sweep`;
      try {
        await rename(file, aside);
      } catch (e) {
        if (missing(e)) return false;
        throw e;
      }
      // (Another process's leftover pass may have put it back meanwhile: then it stays.)
      const s = await stat(aside).catch(() => null);
      if (!s) return false;
      if (s.mtime.getTime() >= since.getTime()) {
        // A put touched it just before it was moved: it is wanted, put it back (same content).
        await rename(aside, file).catch(() => undefined);
        return false;
      }
      await unlink(aside).catch(() => undefined);
      return true;
    },
    async removeLeftovers(before) {
      let removed = 0;
      for (const shard of await shards()) {
        const dir = path.join(base, shard);
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          const key = /^([0-9a-f]{64})\.[0-9a-f]+\.(part|sweep)$/.exec(name);
          if (!key) continue;
          const file = path.join(dir, name);
          const s = await stat(file).catch(() => null);
          if (!s || s.mtime >= before) continue;
          // A half-written file is nothing; content moved aside may still be wanted (same bytes).
          if (key[2] === 'part') await unlink(file).catch(() => undefined);
          else await rename(file, path.join(dir, key[1]!)).catch(() => undefined);
          removed++;
        }
      }
      return removed;
    },
  };
}

/** The storage the configuration chooses (local disk; an S3-compatible adapter would plug in here). */
export function openStorage(config: { filesDir: string }): FileStorage {
  return localDiskStorage(config.filesDir);
}
