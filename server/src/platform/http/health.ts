import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/engine.ts';
import { appliedMigrationCount, shippedMigrations } from '../../db/migrate.ts';
import { HttpErrors } from '../errors.ts';
import { problemResponses } from './problem.ts';

export const healthRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness: the process is up',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the database answers and every shipped migration is applied',
          response: {
            200: z.object({
              status: z.literal('ready'),
              engine: z.enum(['embedded', 'server']),
              migrations: z.object({ applied: z.number().int(), shipped: z.number().int() }),
            }),
            ...problemResponses(503),
          },
        },
      },
      async () => {
        const shipped = shippedMigrations().length;
        let applied: number;
        try {
          await database.rows(sql`SELECT 1`);
          applied = await appliedMigrationCount(database);
        } catch {
          throw HttpErrors.create('NOT_READY', {
            vi: 'Không kết nối được cơ sở dữ liệu.',
            en: 'The database does not answer.',
          });
        }
        if (applied !== shipped) {
          throw HttpErrors.create('NOT_READY', {
            vi: `Cơ sở dữ liệu mới áp dụng ${applied}/${shipped} bản cập nhật cấu trúc (migration).`,
            en: `The database has applied ${applied} of ${shipped} migrations.`,
          });
        }
        return {
          status: 'ready' as const,
          engine: database.embedded ? ('embedded' as const) : ('server' as const),
          migrations: { applied, shipped },
        };
      },
    );
  };
