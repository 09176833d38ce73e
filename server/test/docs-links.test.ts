import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';

/**
 * Every relative link in README.md and docs/*.md resolves: the file (or folder) exists in the
 * repository, and a `#fragment` names a heading of the target Markdown file. Links inside code
 * (fenced blocks, `inline`) are not links; absolute URLs (https:, mailto:) are not checked.
 */

const docs = [
  'README.md',
  ...fs
    .readdirSync(path.join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The text outside fenced code blocks and inline code, line by line (numbers kept). */
function prose(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`[^`]*`/g, '');
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

function brokenLinks(doc: string): string[] {
  const file = path.join(repoRoot, doc);
  const broken: string[] = [];
  prose(fs.readFileSync(file, 'utf8')).forEach((line, i) => {
    for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const href = m[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      const [target = '', fragment] = href.split('#');
      const resolved = target ? path.resolve(path.dirname(file), decodeURIComponent(target)) : file;
      const where = `${doc}:${i + 1}: ${href}`;
      if (!resolved.startsWith(repoRoot + path.sep) && resolved !== repoRoot) {
        broken.push(`${where} (outside the repository)`);
      } else if (!fs.existsSync(resolved)) {
        broken.push(`${where} (no such file)`);
      } else if (fragment && resolved.endsWith('.md') && !anchors(resolved).has(fragment)) {
        broken.push(`${where} (no heading #${fragment} in ${path.relative(repoRoot, resolved)})`);
      }
    }
  });
  return broken;
}

it('finds the README and the guides', () => {
  expect(docs.length).toBeGreaterThan(5);
});

it('resolves every relative link in README.md and docs/*.md', () => {
  expect(docs.flatMap(brokenLinks)).toEqual([]);
});

it('computes anchors as GitHub does', () => {
  expect(slug('The `cqs` command')).toBe('the-cqs-command');
  expect(slug('Roles and scaling: N web nodes, M workers')).toBe('roles-and-scaling-n-web-nodes-m-workers');
  expect(slug('Latest figures, 4 Dec 2026')).toBe('latest-figures-4-dec-2026');
  expect(slug('For counter officers (cán bộ một cửa)')).toBe('for-counter-officers-cán-bộ-một-cửa');
});
