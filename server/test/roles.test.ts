import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type Role } from '../src/app.ts';
import type { Mail, Mailer } from '../src/platform/mail.ts';
import { describeEachEngine } from './support/databases.ts';
import { useDemoSessions } from './support/demo.ts';

const PROCEDURE = '1.000426'; // Cấp thẻ tư vấn viên pháp luật: Sở Tư pháp, online

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachEngine('web and worker processes side by side on one database', { seed: true }, (ctx) => {
  const nodes: { app: FastifyInstance; role: Role; mails: Mail[] }[] = [];
  const web = { app: undefined as unknown as FastifyInstance };
  beforeAll(async () => {
    // Two web nodes and two workers, as a load balancer and a scaled worker pool would run them.
    for (const role of ['web', 'web', 'worker', 'worker'] as const) {
      const mails: Mail[] = [];
      const mailer: Mailer = { describe: 'memory', send: async (m) => void mails.push(m) };
      const app = await buildApp({
        config: ctx.config,
        database: ctx.database,
        mailer,
        logger: false,
        roles: [role],
      });
      await app.ready();
      nodes.push({ app, role, mails });
    }
    web.app = nodes[0]!.app;
  });
  afterAll(async () => {
    for (const n of nodes) await n.app.close();
  });
  const { as } = useDemoSessions(ctx, web, ['nguyenvanan', 'motcua']);

  it('serves the portal from web nodes, and only health and metrics from workers', async () => {
    for (const n of nodes) {
      const get = (url: string) => n.app.inject({ method: 'GET', url });
      expect((await get('/healthz')).statusCode, n.role).toBe(200);
      expect((await get('/readyz')).statusCode, n.role).toBe(200);
      expect((await get('/metrics')).statusCode, n.role).toBe(200);
      expect((await get('/api/site')).statusCode, n.role).toBe(n.role === 'web' ? 200 : 404);
      expect((await get('/api/docs/json')).statusCode, n.role).toBe(n.role === 'web' ? 200 : 404);
      // A web node runs no background job; a worker runs every one of them.
      expect(
        n.app.jobs.running.map((j) => j.name),
        n.role,
      ).toEqual(
        n.role === 'web'
          ? []
          : ['notification outbox', 'plan reminders', 'statistics month keeper', 'file sweep'],
      );
    }
  });

  it("sends a receipt's mail exactly once, from a worker, when a web node commits it", async () => {
    const filed = await as('nguyenvanan', {
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureCode: PROCEDURE, formData: { note: 'Xin cấp thẻ' } },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    // The desk works on the other web node.
    web.app = nodes[1]!.app;
    const received = await as('motcua', {
      method: 'POST',
      url: `/api/dossiers/${filed.json().id}/commands`,
      payload: { type: 'receive' },
    });
    expect(received.statusCode, received.body).toBe(200);
    const code = received.json().code as string;

    const about = (n: (typeof nodes)[number]) => n.mails.filter((m) => m.subject.includes(code));
    const deadline = Date.now() + 10_000;
    while (nodes.every((n) => about(n).length === 0) && Date.now() < deadline) await sleep(25);
    await sleep(1_000); // time for a second worker to (wrongly) send it too
    expect(nodes.map((n) => about(n).length)).toEqual([0, 0, expect.any(Number), expect.any(Number)]);
    expect(nodes.reduce((sum, n) => sum + about(n).length, 0)).toBe(1);
    const [row] = await ctx.database.rows<{ status: string; attempts: number }>(
      sql`SELECT status, attempts FROM notification_outbox WHERE subject LIKE ${`%${code}%`}`,
    );
    expect(row).toEqual({ status: 'sent', attempts: 1 });
  });
});
