import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where file contents live. Keys are content addresses, so the same scan stored twice is kept once. */
export interface FileStorage {
  /** Stores the bytes (if not there yet) and returns their SHA-256, which is also the key. */
  put(bytes: Buffer): Promise<{ sha256: string }>;
  get(sha256: string): Promise<Buffer>;
  readonly describe: string;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Files on local disk under `root/sha256/ab/abcdef…`. A write goes to a temporary name and is
 * renamed into place, so a crash never leaves half a file under a real key.
 */
export function localDiskStorage(root: string): FileStorage {
  const where = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(root, 'sha256', sha256.slice(0, 2), sha256);
  };
  return {
    describe: `local disk ${root}`,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const file = where(sha256);
      const exists = await stat(file).then(
        (s) => s.size === bytes.length,
        () => false,
      );
      if (!exists) {
        await mkdir(path.dirname(file), { recursive: true });
        const temp = `${file}.${randomBytes(6).toString('hex')}.part`;
        await writeFile(temp, bytes);
        await rename(temp, file);
      }
      return { sha256 };
    },
    get: (sha256) => readFile(where(sha256)),
  };
}

/** The storage the configuration chooses (local disk; an S3-compatible adapter would plug in here). */
export function openStorage(config: { filesDir: string }): FileStorage {
  return localDiskStorage(config.filesDir);
}
