/**
 * A benchmark's figures, each with its goal: printed as a table (benchmark | figure | goal | ratio)
 * and, with --report FILE, appended there as JSON lines so `bench/run.ts` prints one table for all.
 * Goals are printed, never asserted: a benchmark does not fail because it misses one.
 */
import { appendFileSync } from 'node:fs';

export type Figure = {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  /** `min`: the figure should be at least the goal (throughput); `max`: below it (latency, memory). */
  goal?: { kind: 'min' | 'max'; value: number };
  /** A ratio to a limit measured in the same run (app/raw, app/bare), shown beside the goal's. */
  note?: string;
};

const fmt = (value: number, unit: string) => {
  const digits = unit === '×' || unit === '' ? 2 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const n = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === '%' ? `${n}%` : unit ? `${n} ${unit}` : n;
};

export const met = (f: Figure) =>
  f.goal ? (f.goal.kind === 'min' ? f.value >= f.goal.value : f.value < f.goal.value) : undefined;

/** value ÷ goal: ≥ 1 meets a throughput goal; < 1 meets a latency or memory goal. */
export function ratioText(f: Figure): string {
  if (!f.goal || !Number.isFinite(f.value)) return f.note ?? '';
  const r = f.value / f.goal.value;
  const mark = met(f) ? '✓' : '✗';
  return `${r.toFixed(2)}× goal ${mark}${f.note ? `  (${f.note})` : ''}`;
}

export function goalText(f: Figure): string {
  if (!f.goal) return '';
  return `${f.goal.kind === 'min' ? '≥' : '<'} ${fmt(f.goal.value, f.unit)}`;
}

export function printTable(figures: readonly Figure[]) {
  const rows = figures.map((f) => [
    f.bench,
    f.figure,
    Number.isFinite(f.value) ? fmt(f.value, f.unit) : 'failed',
    goalText(f),
    ratioText(f),
  ]);
  const head = ['benchmark', 'figure', 'measured', 'goal', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

/** Prints the figures and, with --report, appends them for the runner. */
export function report(figures: readonly Figure[], file: string | undefined) {
  console.log();
  printTable(figures);
  if (file) appendFileSync(file, figures.map((f) => `${JSON.stringify(f)}\n`).join(''));
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
