import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/engine.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { localizedTextSchema } from '../../platform/http/schemas.ts';
import { AGENCY_KINDS, listAgencies } from './agencies.ts';

const agencySchema = z
  .object({
    id: z.uuid(),
    code: z
      .string()
      .meta({ description: 'Agency identifier (Decision 20/2020/QĐ-TTg format)', example: '000.00.04.H08' }),
    name: localizedTextSchema,
    kind: z.string().meta({ description: AGENCY_KINDS.join(', ') }),
    level: z.string().meta({ description: 'province or commune' }),
    parentCode: z.string().nullable(),
    adminUnitCode: z.string(),
  })
  .meta({ id: 'Agency' });

export const identityRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/agencies',
      {
        schema: {
          tags: ['identity'],
          summary: 'List agencies (cơ quan, đơn vị) of the province',
          description:
            "The Provincial People's Committee, its Office, departments and service centre, and each commune's People's Committee and service centre. `q` ignores case and diacritics.",
          querystring: z
            .object({
              level: z.enum(['province', 'commune']).optional(),
              kind: z.enum(AGENCY_KINDS).optional(),
              adminUnit: z
                .string()
                .regex(/^\d{2}$|^\d{5}$/, 'must be a province (2-digit) or commune (5-digit) code')
                .optional(),
              q: z.string().max(100).optional(),
              limit: z.coerce.number().int().min(1).max(2000).default(500),
              offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
            })
            .strict(),
          response: {
            200: z.object({ items: z.array(agencySchema), total: z.number().int() }),
            ...problemResponses(400),
          },
        },
      },
      (req) => listAgencies(database.db, req.query),
    );
  };
