#!/usr/bin/env node
// `npm start`: builds the web app if it has not been built, then runs `cqs start`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDist = process.env.WEB_DIST_DIR ?? path.join(root, 'web', 'dist');

if (!existsSync(path.join(webDist, 'index.html'))) {
  console.log('Đang dựng giao diện web / building the web app…');
  // NODE_ENV=production: a shell's NODE_ENV=test or development would bundle React's dev build.
  const built = spawnSync('npm', ['run', 'build', '-w', 'web'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'server', 'src', 'cli.ts'), 'start'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
