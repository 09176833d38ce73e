#!/usr/bin/env node
// `npm run typecheck`: tsc for the server, the web app, the end-to-end tests and the benches, side by
// side (each is one process on one core; one after another they took 1.5 minutes of npm test).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const run = (project) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit'], { cwd: root, stdio: 'inherit' });
    child.on('close', (code) => resolve(code === 0 ? null : project));
  });
const failed = (await Promise.all(['server', 'web', 'e2e', 'bench'].map(run))).filter(Boolean);
if (failed.length) {
  console.error(`✗ types: ${failed.join(', ')}`);
  process.exit(1);
}
