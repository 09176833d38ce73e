import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDiskStorage, sha256Of } from './index.ts';

const root = () => mkdtempSync(path.join(tmpdir(), 'cqs-storage-'));
const hourAgo = () => new Date(Date.now() - 3600_000);

describe('local disk storage: removal beside a concurrent store', () => {
  it('keeps content stored again after the cut-off, removes content left alone', async () => {
    const dir = root();
    const storage = localDiskStorage(dir);
    const bytes = randomBytes(100);
    const { sha256 } = await storage.put(bytes);
    const file = path.join(dir, 'sha256', sha256.slice(0, 2), sha256);
    const old = new Date(Date.now() - 2 * 3600_000);
    await utimes(file, old, old);
    // Stored again (a new upload of the same scan) after the sweep chose it: it stays.
    await storage.put(bytes);
    expect(await storage.removeIfUntouchedSince(sha256, hourAgo())).toBe(false);
    expect(await storage.get(sha256)).toEqual(bytes);
    // Left alone since before the cut-off: removed; a second removal finds nothing.
    await utimes(file, old, old);
    expect(await storage.removeIfUntouchedSince(sha256, hourAgo())).toBe(true);
    await expect(storage.get(sha256)).rejects.toThrow();
    expect(await storage.removeIfUntouchedSince(sha256, hourAgo())).toBe(false);
    // Stored after the removal: written anew.
    await storage.put(bytes);
    expect(await storage.get(sha256)).toEqual(bytes);
  });

  it('lists what it keeps, and clears what a crash left: half-written files go, moved-aside content comes back', async () => {
    const dir = root();
    const storage = localDiskStorage(dir);
    const kept = await storage.put(Buffer.from('kept'));
    const aside = Buffer.from('moved aside');
    const asideKey = sha256Of(aside);
    const shard = (key: string) => path.join(dir, 'sha256', key.slice(0, 2));
    mkdirSync(shard(asideKey), { recursive: true });
    writeFileSync(path.join(shard(asideKey), `${asideKey}.abc123.sweep`), aside);
    writeFileSync(path.join(shard(kept.sha256), `${kept.sha256}.def456.part`), 'half');
    const old = new Date(Date.now() - 2 * 3600_000);
    for (const d of [shard(asideKey), shard(kept.sha256)])
      for (const f of readdirSync(d)) await utimes(path.join(d, f), old, old);
    const listed: string[] = [];
    for await (const b of storage.list()) listed.push(b.sha256);
    expect(listed).toEqual([kept.sha256]);
    expect(await storage.removeLeftovers(hourAgo())).toBe(2);
    expect(await storage.get(asideKey)).toEqual(aside);
    expect(readdirSync(shard(kept.sha256)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
