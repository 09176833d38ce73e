import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../../db/engine.ts';

/**
 * Prometheus metrics at /metrics: HTTP durations by route pattern (never the raw URL, whose
 * codes and ids would explode the label set), database connections, and Node's process metrics.
 * One registry per app instance, so tests can build several apps in one process.
 */
export function registerMetrics(app: FastifyInstance, database: Database): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database connections by state',
    labelNames: ['state', 'engine'] as const,
    registers: [registry],
    collect() {
      const s = database.poolStats();
      const engine = database.embedded ? 'embedded' : 'server';
      this.set({ state: 'total', engine }, s.total);
      this.set({ state: 'idle', engine }, s.idle);
      this.set({ state: 'waiting', engine }, s.waiting);
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: req.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}
