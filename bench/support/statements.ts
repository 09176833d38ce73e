/**
 * What a benchmarked server sends PostgreSQL, counted inside it: loaded into the server process
 * with `--import` (startPlatformServer's `countStatements`), it counts every statement node-postgres
 * sends (each one a round trip: SELECT, INSERT, UPDATE, DELETE, BEGIN, COMMIT …) and the rows each
 * INSERT, UPDATE and DELETE wrote, by table (rows of identity_oidc_payload also by oidc-provider
 * model). On SIGUSR2 it writes the totals so far, as JSON, to $CQS_BENCH_STATEMENTS; the benchmark
 * reads them before and after a run (`statementCounts`). The cost is a counter and, for a write,
 * one regular expression: nothing beside a statement's own round trip.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';

export type StatementCounts = {
  /** Statements sent, by their first word (lower case). */
  statements: Record<string, number>;
  /** Rows inserted, updated or deleted, by table ("identity_oidc_payload:Session" by model too). */
  rows: Record<string, number>;
};

type Callback = (err: Error | null, res?: { command?: string; rowCount?: number | null }) => void;

function install(file: string) {
  const counts: StatementCounts = { statements: {}, rows: {} };
  const add = (m: Record<string, number>, k: string, n: number) => {
    m[k] = (m[k] ?? 0) + n;
  };
  const client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; values?: unknown[] } | undefined;
    const text = (typeof config === 'string' ? config : config?.text) ?? '';
    const values =
      (Array.isArray(args[1]) ? args[1] : typeof config === 'object' ? config?.values : []) ?? [];
    const kind = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? 'other';
    add(counts.statements, kind, 1);
    const written = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?(\w+)"?/i.exec(text)?.[1];
    if (!written) return query.apply(this, args);
    const model =
      written === 'identity_oidc_payload' && kind === 'insert' && typeof values[0] === 'string'
        ? `:${values[0]}`
        : '';
    const count = (res?: { rowCount?: number | null }) => {
      add(counts.rows, written, res?.rowCount ?? 0);
      if (model) add(counts.rows, written + model, res?.rowCount ?? 0);
    };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const cb = args[last] as Callback;
      args[last] = ((err, res) => {
        if (!err) count(res);
        cb(err, res);
      }) satisfies Callback;
      return query.apply(this, args);
    }
    const result = query.apply(this, args) as Promise<{ rowCount?: number | null }> | undefined;
    result?.then?.(count, () => {});
    return result;
  };
  process.on('SIGUSR2', () => writeFileSync(file, JSON.stringify(counts)));
}

if (process.env.CQS_BENCH_STATEMENTS) install(process.env.CQS_BENCH_STATEMENTS);

/** The server's counts so far (it must have been started with countStatements). */
export async function statementCounts(pid: number, file: string): Promise<StatementCounts> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 500 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 10));
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as StatementCounts;
    } catch {
      await new Promise((r) => setTimeout(r, 10)); // not written yet, or half written
    }
  }
  throw new Error(`the server wrote no statement counts to ${file}`);
}

/** b − a, per key, divided by `per`; keys below `min` left out. */
export function perUnit(a: Record<string, number>, b: Record<string, number>, per: number, min = 0.01) {
  const out: Record<string, number> = {};
  for (const k of Object.keys(b)) {
    const v = ((b[k] ?? 0) - (a[k] ?? 0)) / per;
    if (v >= min) out[k] = v;
  }
  return out;
}
