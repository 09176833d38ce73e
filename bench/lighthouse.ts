/**
 * Lighthouse in mobile mode (its default: a mid-range phone on a slow 4G link, simulated) on the
 * citizen portal's home, catalogue and procedure pages, against a real `cqs start` on a fresh
 * database and Debian's Chromium. Prints each page's median performance and accessibility scores
 * against the goals of issue 26 (performance ≥ 90, accessibility 100), and the figures behind
 * performance (LCP, TBT, CLS) beside them, in the benchmarks' table (`npm run bench` includes it).
 *
 *   npm run bench:lighthouse                      # starts its own server
 *   npm run bench:lighthouse -- --url URL         # or measures a running one
 *   npm run bench:lighthouse -- --save DIR        # and keeps every run's report (JSON and HTML)
 *   npm run bench:lighthouse -- --pages catalogue # only some pages (home, catalogue, procedure)
 *   LIGHTHOUSE_RUNS=5 npm run bench:lighthouse    # runs per page (default 3; the median is kept)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../e2e/support/browser.ts';
import { ensureWebBuilt, startServer } from '../e2e/support/server.ts';
import { benchOptions } from './support/options.ts';
import { type Figure, report } from './support/report.ts';

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'catalogue', path: '/thu-tuc?q=dang%20ky%20khai%20sinh' },
  { name: 'procedure', path: '/thu-tuc/1.001193' },
];
const GOALS: Record<string, number> = { performance: 90, accessibility: 100 };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

// The benchmarks' common options (`bench/run.ts` passes them; only --report matters here), and its own.
const o = benchOptions({ url: { type: 'string' }, save: { type: 'string' }, pages: { type: 'string' } });
const { url: given, save, pages } = o.values as { url?: string; save?: string; pages?: string };
ensureWebBuilt();
const server = given ? null : await startServer({ env: { PROVINCE_CODE: '08' } });
const base = (given ?? server!.url).replace(/\/$/, '');
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
if (save) mkdirSync(save, { recursive: true });

type Figures = { scores: Record<string, number>; lcpMs: number; tbtMs: number; cls: number; jsKb: number };
/** The median of the runs that measured it (a run can miss a figure, e.g. no LCP seen). */
const median = (xs: number[]) => {
  const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN;
};

const figures: Figure[] = [];
try {
  console.log(`Lighthouse ${RUNS}× per page, mobile preset, ${base}`);
  for (const page of PAGES.filter((p) => !pages || pages.split(',').includes(p.name))) {
    const runs: Figures[] = [];
    for (let i = 0, failures = 0; i < RUNS; i++) {
      const result = await lighthouse(
        `${base}${page.path}`,
        {
          port: chrome.port,
          output: save ? ['json', 'html'] : 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        },
        undefined,
      );
      if (!result) throw new Error(`no Lighthouse result for ${page.path}`);
      const { lhr } = result;
      // Lighthouse sometimes fails to record the trace on a busy machine (NO_NAVSTART): run again.
      if (lhr.runtimeError) {
        console.log(`  ${page.name}: ${lhr.runtimeError.code}, running again`);
        if (++failures > 3) throw new Error(`Lighthouse keeps failing on ${page.path}`);
        i--;
        continue;
      }
      if (save) {
        const [json, html] = result.report as string[];
        writeFileSync(path.join(save, `${page.name}-${i + 1}.json`), json!);
        writeFileSync(path.join(save, `${page.name}-${i + 1}.html`), html!);
      }
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const scripts = (
        lhr.audits['resource-summary']?.details as {
          items?: { resourceType: string; transferSize: number }[];
        }
      )?.items?.find((item) => item.resourceType === 'script');
      runs.push({
        scores: Object.fromEntries(
          Object.entries(lhr.categories).map(([id, c]) => [
            id,
            c.score === null ? Number.NaN : Math.round(c.score * 100),
          ]),
        ),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        jsKb: (scripts?.transferSize ?? 0) / 1024,
      });
    }
    const score = (id: string) => median(runs.map((r) => r.scores[id] ?? Number.NaN));
    const lcp = median(runs.map((r) => r.lcpMs));
    const tbt = median(runs.map((r) => r.tbtMs));
    const cls = median(runs.map((r) => r.cls));
    const js = median(runs.map((r) => r.jsKb));
    console.log(
      `\n${page.name} ${page.path}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}`,
    );
    console.log(
      `  LCP ${Math.round(lcp)} ms · TBT ${Math.round(tbt)} ms · CLS ${cls.toFixed(3)} · JS transferred ${js.toFixed(1)} kB` +
        ` (each run: ${runs.map((r) => `${r.scores.performance} [${Math.round(r.lcpMs)}/${Math.round(r.tbtMs)}]`).join(', ')})`,
    );
    const bench = `lighthouse ${page.name}`;
    figures.push(
      ...(['performance', 'accessibility'] as const).map(
        (id): Figure => ({
          bench,
          figure: id,
          value: score(id),
          unit: '',
          goal: { kind: 'min', value: GOALS[id]! },
        }),
      ),
      { bench, figure: 'LCP', value: lcp, unit: 'ms' },
      { bench, figure: 'TBT', value: tbt, unit: 'ms' },
      { bench, figure: 'CLS', value: cls, unit: '' },
    );
  }
} finally {
  await chrome.kill();
  await server?.stop();
}
report(figures, o.report);
