import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/engine.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { getAdminUnit, LEVELS, listAdminUnits, resolveCodes } from './service.ts';

const isoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const adminUnitSchema = z
  .object({
    code: z.string().meta({ example: '02254' }),
    name: z.string().meta({ description: 'Official full name', example: 'Xã Tân Trào' }),
    shortName: z.string().meta({ example: 'Tân Trào' }),
    type: z.string().meta({
      description:
        'tinh, thanh_pho, quan, huyen, thi_xa, thanh_pho_thuoc_tinh, xa, phuong, thi_tran, dac_khu',
    }),
    level: z.string().meta({ description: 'province, district (before 1 July 2025 only) or commune' }),
    parentCode: z.string().nullable(),
    provinceCode: z.string(),
    validFrom: z
      .string()
      .nullable()
      .meta({ description: 'First day in force; null when older than our sources' }),
    validTo: z.string().nullable().meta({ description: 'First day no longer in force; null while in force' }),
  })
  .meta({ id: 'AdminUnit' });

const relatedSchema = adminUnitSchema.extend({ extent: z.enum(['full', 'partial']).or(z.string()) });

export const adminUnitRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/admin-units',
      {
        schema: {
          tags: ['admin-units'],
          summary: 'List administrative units (đơn vị hành chính)',
          description:
            'Units in force today (or on `at`), filtered by level, province and parent; `q` matches names ignoring case and Vietnamese diacritics ("tan trao" finds "Xã Tân Trào") or an exact code.',
          querystring: z
            .object({
              level: z.enum(LEVELS).optional(),
              province: z
                .string()
                .regex(/^\d{2}$/, 'must be a two-digit province code')
                .optional(),
              parent: z
                .string()
                .regex(/^\d{2,3}$/, 'must be a province or district code')
                .optional(),
              q: z.string().max(100).optional(),
              at: isoDate.optional(),
              limit: z.coerce.number().int().min(1).max(5000).default(1000),
              offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
            })
            .strict(),
          response: {
            200: z.object({ items: z.array(adminUnitSchema), total: z.number().int() }),
            ...problemResponses(400),
          },
        },
      },
      (req) => listAdminUnits(database.db, req.query),
    );

    app.get(
      '/api/admin-units/:code',
      {
        schema: {
          tags: ['admin-units'],
          summary: 'One administrative unit with its parent, predecessors and successors',
          description:
            'Province codes have 2 digits, districts 3, communes 5. Without `at`, the unit in force now, or the latest version of a unit that no longer exists (with the units it merged into).',
          params: z.object({ code: z.string().regex(/^\d{2,5}$/, 'must be a 2-, 3- or 5-digit unit code') }),
          querystring: z.object({ at: isoDate.optional() }).strict(),
          response: {
            200: adminUnitSchema.extend({
              parent: adminUnitSchema.nullable(),
              predecessors: z.array(relatedSchema),
              successors: z.array(relatedSchema),
            }),
            ...problemResponses(400, 404),
          },
        },
      },
      (req) => getAdminUnit(database.db, req.params.code, req.query.at),
    );

    app.post(
      '/api/admin-units/resolve',
      {
        schema: {
          tags: ['admin-units'],
          summary: 'Resolve unit codes, old or new, to the units in force now',
          description:
            'For records made before the reform of 1 July 2025: each code gives its unit and the current unit(s) that took it over (`partial` when the old unit was split).',
          body: z
            .object({
              codes: z
                .array(z.string().regex(/^\d{2}$|^\d{3}$|^\d{5}$/, 'must be a 2-, 3- or 5-digit unit code'))
                .min(1)
                .max(500),
            })
            .strict(),
          response: {
            200: z.object({
              results: z.array(
                z.object({
                  code: z.string(),
                  unit: adminUnitSchema.nullable(),
                  current: z.array(relatedSchema),
                }),
              ),
            }),
            ...problemResponses(400, 413, 415),
          },
        },
      },
      async (req) => ({ results: await resolveCodes(database.db, req.body.codes) }),
    );
  };
