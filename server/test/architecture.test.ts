import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';

/** Every .ts file under `dir`. */
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts'));

const importsOf = (file: string) =>
  [
    ...fs
      .readFileSync(file, 'utf8')
      .matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => path.resolve(path.dirname(file), m[1] ?? m[2]!));

it('keeps the platform free of modules: nothing under server/src/platform imports server/src/modules', () => {
  const platform = path.join(repoRoot, 'server', 'src', 'platform');
  const modules = path.join(repoRoot, 'server', 'src', 'modules') + path.sep;
  const offenders = filesUnder(platform).flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith(modules))
      .map((target) => `${path.relative(repoRoot, file)} → ${path.relative(repoRoot, target)}`),
  );
  expect(offenders).toEqual([]);
});

it('wires every module folder through the one list in server/src/app.ts', () => {
  const folders = fs
    .readdirSync(path.join(repoRoot, 'server', 'src', 'modules'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const root = fs.readFileSync(path.join(repoRoot, 'server', 'src', 'app.ts'), 'utf8');
  for (const name of folders) {
    expect(fs.existsSync(path.join(repoRoot, 'server', 'src', 'modules', name, 'index.ts')), name).toBe(true);
    expect(root, name).toContain(`./modules/${name}/index.ts`);
  }
});
