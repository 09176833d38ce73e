/**
 * Options every benchmark takes, so `bench/run.ts` can pass the same ones to each:
 *   --database-url postgres://…   the bench database (default $BENCH_DATABASE_URL, else by size)
 *   --full                        the 1 M-dossier database and longer runs
 *   --duration 15                 seconds of load per measured run (after a warm-up)
 *   --report FILE                 also append the figures as JSON lines to FILE (for run.ts)
 */
import { parseArgs } from 'node:util';

export const QUICK_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cqs_bench_quick';
export const FULL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cqs_bench';
export const QUICK_DOSSIERS = 100_000;
export const FULL_DOSSIERS = 1_000_000;

export type BenchOptions = {
  databaseUrl: string;
  full: boolean;
  duration: number;
  report: string | undefined;
  cpuProf: boolean;
  values: Record<string, string | boolean | undefined>;
};

export function benchOptions(
  extra: Record<string, { type: 'string' | 'boolean'; default?: string | boolean }> = {},
) {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      full: { type: 'boolean', default: false },
      duration: { type: 'string' },
      report: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      ...extra,
    },
    allowPositionals: false,
  });
  const full = values.full === true;
  const options: BenchOptions = {
    databaseUrl:
      (values['database-url'] as string | undefined) ??
      process.env.BENCH_DATABASE_URL ??
      (full ? FULL_DATABASE_URL : QUICK_DATABASE_URL),
    full,
    duration: Number(values.duration ?? (full ? 20 : 15)),
    report: values.report as string | undefined,
    cpuProf: values['cpu-prof'] === true,
    values: values as Record<string, string | boolean | undefined>,
  };
  return options;
}

/** The same options as command-line arguments, for a child benchmark. */
export function argsOf(o: BenchOptions): string[] {
  return [
    '--database-url',
    o.databaseUrl,
    '--duration',
    String(o.duration),
    ...(o.full ? ['--full'] : []),
    ...(o.report ? ['--report', o.report] : []),
  ];
}
