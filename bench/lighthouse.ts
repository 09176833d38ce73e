/**
 * Lighthouse in mobile mode (its default: a mid-range phone on a slow 4G link, simulated) on the
 * citizen portal's home and procedure pages, against a real `cqs start` on a fresh database and
 * Debian's Chromium. Prints each category's score against the goals of issue 5 (performance ≥ 90,
 * accessibility ≥ 95) and the figures behind performance.
 *
 *   npm run bench:lighthouse            # starts its own server
 *   npm run bench:lighthouse -- URL     # or measures a running one
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../e2e/support/browser.ts';
import { ensureWebBuilt, startServer } from '../e2e/support/server.ts';

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'catalogue', path: '/thu-tuc?q=dang%20ky%20khai%20sinh' },
  { name: 'procedure', path: '/thu-tuc/1.001193' },
];
const GOALS: Record<string, number> = { performance: 90, accessibility: 95 };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

const given = process.argv[2];
ensureWebBuilt();
const server = given ? null : await startServer({ env: { PROVINCE_CODE: '08' } });
const base = (given ?? server!.url).replace(/\/$/, '');
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});

type Figures = { scores: Record<string, number>; lcpMs: number; tbtMs: number; cls: number; jsKb: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  console.log(`Lighthouse ${RUNS}× per page, mobile preset, ${base}`);
  for (const page of PAGES) {
    const runs: Figures[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${base}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!result) throw new Error(`no Lighthouse result for ${page.path}`);
      const { lhr } = result;
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const scripts = (
        lhr.audits['resource-summary']?.details as {
          items?: { resourceType: string; transferSize: number }[];
        }
      )?.items?.find((item) => item.resourceType === 'script');
      runs.push({
        scores: Object.fromEntries(
          Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]),
        ),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        jsKb: (scripts?.transferSize ?? 0) / 1024,
      });
    }
    const scores = Object.keys(runs[0]!.scores).map((id) => {
      const value = median(runs.map((r) => r.scores[id]!));
      const goal = GOALS[id];
      return `${id} ${value}${goal ? ` (goal ${goal}: ${value >= goal ? 'met' : 'MISSED'}, ${(value / goal).toFixed(2)}×)` : ''}`;
    });
    console.log(`\n${page.name} ${page.path}\n  ${scores.join('\n  ')}`);
    console.log(
      `  LCP ${Math.round(median(runs.map((r) => r.lcpMs)))} ms · TBT ${Math.round(median(runs.map((r) => r.tbtMs)))} ms · CLS ${median(runs.map((r) => r.cls)).toFixed(3)} · JS transferred ${median(runs.map((r) => r.jsKb)).toFixed(1)} kB`,
    );
  }
} finally {
  await chrome.kill();
  await server?.stop();
}
