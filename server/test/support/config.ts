import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../../src/config.ts';

let filesRoot: string | undefined;

/**
 * A folder of its own for each config's uploads, all under one per process. The suites remove
 * theirs in afterAll; the process removes the rest when it ends normally.
 */
function throwawayFilesDir(): string {
  if (!filesRoot) {
    const root = mkdtempSync(path.join(tmpdir(), 'cqs-files-'));
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
    filesRoot = root;
  }
  return mkdtempSync(path.join(filesRoot, 'config-'));
}

/** The configuration tests run with: the defaults (province 08), quiet logs. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    SECRET_KEY: 'test-secret-key-for-sealing-0123456789',
    // Uploaded files go to a throwaway folder, never into the checkout's ./data.
    FILES_DIR: throwawayFilesDir(),
    ...overrides,
  });
}
