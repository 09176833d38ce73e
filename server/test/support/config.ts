import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../../src/config.ts';

/** The configuration tests run with: the defaults (province 08), quiet logs. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    SECRET_KEY: 'test-secret-key-for-sealing-0123456789',
    // Uploaded files go to a throwaway folder, never into the checkout's ./data.
    FILES_DIR: mkdtempSync(path.join(tmpdir(), 'cqs-files-')),
    ...overrides,
  });
}
