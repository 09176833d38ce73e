/** Load with autocannon (HTTP/1.1, keep-alive connections), and sequential latency sampling. */
import autocannon from 'autocannon';
import { percentile } from './report.ts';

export type LoadResult = {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  seconds: number;
  /** What the failures were: status codes other than 2xx, errors, timeouts. */
  failures: string;
  /** The load generator's own CPU, in cores (it shares the machine with what it measures). */
  generatorCores: number;
};

export async function load(o: {
  url: string;
  connections: number;
  seconds: number;
  requests: autocannon.Request[];
  /** e.g. 2 for HTTP/1.1 pipelining; 1 is what browsers and proxies do. */
  pipelining?: number;
}): Promise<LoadResult> {
  const cpu = process.cpuUsage();
  const r = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    pipelining: o.pipelining ?? 1,
    requests: o.requests,
  });
  const ok = r['2xx'];
  const codes = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${s.count ?? 0}× ${code}`);
  // autocannon counts a time-out (10 s) as an error too.
  if (r.errors) codes.push(`${r.errors} errors${r.timeouts ? ` (${r.timeouts} time-outs)` : ''}`);
  const used = process.cpuUsage(cpu);
  return {
    rps: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok,
    failed: r.non2xx + r.errors,
    seconds: r.duration,
    failures: codes.join(', '),
    generatorCores: (used.user + used.system) / 1e6 / r.duration,
  };
}

export const describeLoad = (name: string, r: LoadResult) =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  (${r.ok} ok, ${r.failed} failed${r.failures ? `: ${r.failures}` : ''}, ${r.seconds.toFixed(1)} s; autocannon ${r.generatorCores.toFixed(2)} cores)`;

/** Runs `work` one call at a time `count` times (after `warm` untimed calls); p50/p95 in ms. */
export async function sequential(count: number, work: (i: number) => Promise<void>, warm = 10) {
  for (let i = 0; i < warm; i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await work(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, n: times.length };
}
