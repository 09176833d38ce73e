import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, Rolldown } from 'vite';

/** What `dist/pages.json` holds: for a page address pattern, the files its own code needs. */
export type PageModules = Record<string, { js: string[]; css: string[] }>;

/**
 * Writes `dist/pages.json`: for each page named here (its address pattern, as in src/app/App.tsx,
 * and the module App.tsx loads on demand for it), the script chunks and stylesheets that module
 * needs beyond what index.html already loads. The server links them from that page's HTML
 * (modulepreload, stylesheet), so a phone opening `/thu-tuc/1.001193` fetches the procedure page's
 * code beside the main script instead of after it. The build fails if a module named here is not
 * one App.tsx loads on demand (a page renamed or moved).
 */
export function pageModules(pages: Record<string, string>): Plugin {
  return {
    name: 'cqs-page-modules',
    apply: 'build',
    // After the bundle is final: Vite drops the chunks that held only CSS at the end of generating it.
    writeBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      // What index.html loads anyway: the entry and everything it imports.
      const loaded = new Set<string>();
      const walk = (file: string, into: Set<string>) => {
        if (into.has(file) || loaded.has(file)) return;
        into.add(file);
        for (const dep of byFile.get(file)?.imports ?? []) if (byFile.has(dep)) walk(dep, into);
      };
      for (const entry of chunks.filter((c) => c.isEntry)) walk(entry.fileName, loaded);
      const out: PageModules = {};
      for (const [pattern, source] of Object.entries(pages)) {
        const chunk = chunks.find((c) => c.isDynamicEntry && c.facadeModuleId?.endsWith(`/${source}`));
        if (!chunk) this.error(`pageModules: ${source} (${pattern}) is not a page loaded on demand`);
        const files = new Set<string>();
        walk(chunk.fileName, files);
        const css = [...files].flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]);
        out[pattern] = { js: [...files].map((f) => `/${f}`), css: [...new Set(css)].map((f) => `/${f}`) };
      }
      writeFileSync(path.join(options.dir ?? 'dist', 'pages.json'), `${JSON.stringify(out, null, 2)}\n`);
    },
  };
}
