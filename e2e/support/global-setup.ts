import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot } from './paths.ts';

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'cqs-e2e-template-'));
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, DEMO_DOSSIERS: '0', PROVINCE_CODE: '08' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'seed', '--demo'], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`cqs seed --demo for the e2e template failed:\n${r.stdout}\n${r.stderr}`);
  console.log(`e2e: a seeded DATA_DIR to copy, made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('e2eSeededDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
