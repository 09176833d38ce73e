import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { EngineContext } from './databases.ts';

/** An in-process app over the suite's database (Fastify's inject: real routing, no socket). */
export function useApp(ctx: EngineContext): { app: FastifyInstance } {
  const holder = {} as { app: FastifyInstance };
  beforeAll(async () => {
    holder.app = await buildApp({ config: ctx.config, database: ctx.database, logger: false });
    await holder.app.ready();
  });
  afterAll(async () => {
    await holder.app?.close();
  });
  return holder;
}
