import { expect, it } from 'vitest';
import { shippedMigrations } from '../src/db/migrate.ts';
import { useApp } from './support/app.ts';
import { describeEachEngine } from './support/databases.ts';

describeEachEngine('operations: docs, health, metrics, headers', { seed: true }, (ctx) => {
  const h = useApp(ctx);

  it('serves an OpenAPI 3.1 document covering every API route, and its UI', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/site',
      '/api/admin-units',
      '/api/admin-units/{code}',
      '/api/admin-units/resolve',
      '/api/agencies',
      '/healthz',
      '/readyz',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/admin-units'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['level', 'province', 'q']),
    );
    // Every API route the app serves is in the document, with its method, a summary and a tag.
    const served = servedRoutes(h.app.printRoutes({ commonPrefix: false })).filter(
      (r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs'),
    );
    expect(served.length).toBeGreaterThan(50);
    expect(served).toContainEqual({ path: '/api/dossiers/:id/files/:fileId', method: 'DELETE' });
    const undocumented = served.filter((r) => {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      return !op?.summary || !op.tags?.length;
    });
    expect(undocumented).toEqual([]);
    const ui = await h.app.inject({ method: 'GET', url: '/api/docs', headers: { accept: 'text/html' } });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('reports liveness and readiness with the migration state', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      engine: 'server',
      migrations: { applied: shippedMigrations().length, shipped: shippedMigrations().length },
    });
  });

  it('exposes Prometheus metrics by route pattern and pool state', async () => {
    await h.app.inject({ method: 'GET', url: '/api/admin-units/12345' });
    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/admin-units\/:code",status_code="404"\} 1/,
    );
    expect(res.body).toContain(`db_pool_connections{state="total",engine="server"}`);
    expect(res.body).toContain('process_resident_memory_bytes');
  });

  it('sets security headers and echoes a sane request id', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    const odd = await h.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': '<script>' },
    });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves many parallel requests on one engine without errors', async () => {
    const urls = ['/readyz', '/api/site', '/api/admin-units?level=province', '/api/agencies'];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => h.app.inject({ method: 'GET', url: urls[i % urls.length]! })),
    );
    expect(results.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    expect(results[1]!.json().communeCount).toBe(124);
  });
});

/** `printRoutes()`'s tree as full paths with their methods (HEAD, which Fastify adds, left out). */
function servedRoutes(tree: string): { path: string; method: string }[] {
  const stack: string[] = [];
  const out: { path: string; method: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('').replace(/\/+/g, '/');
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD') out.push({ path, method });
  }
  return out;
}
