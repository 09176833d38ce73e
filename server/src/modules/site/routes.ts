import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import { HttpErrors } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { localizedTextSchema } from '../../platform/http/schemas.ts';
import { countCommunesByType, currentProvince } from '../admin-units/service.ts';
import { findAgency } from '../identity/agencies.ts';

const siteSchema = z
  .object({
    platformName: localizedTextSchema,
    province: z.object({
      code: z.string().meta({ example: '08' }),
      name: z.string().meta({ example: 'Tuyên Quang' }),
      type: z.string().meta({ example: 'tinh' }),
      fullName: z.string().meta({ example: 'Tỉnh Tuyên Quang' }),
    }),
    communeCount: z.number().int(),
    communeCountsByType: z.record(z.string(), z.number().int()),
    contact: z.object({
      agencyName: localizedTextSchema.nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      website: z.string().nullable(),
    }),
  })
  .meta({ id: 'Site' });

/** The deploying province as `GET /api/site` describes it; null before the map is loaded. */
export async function siteInfo(database: Database, config: Config) {
  const [province, byType, centre] = await Promise.all([
    currentProvince(database.db, config.PROVINCE_CODE),
    countCommunesByType(database.db, config.PROVINCE_CODE),
    findAgency(database.db, 'service_center', config.PROVINCE_CODE),
  ]);
  if (!province) return null;
  return {
    platformName: { vi: 'Chính quyền số', en: 'Digital Government' },
    province: { code: province.code, name: province.shortName, type: province.type, fullName: province.name },
    communeCount: Object.values(byType).reduce((a, b) => a + b, 0),
    communeCountsByType: byType,
    contact: {
      agencyName: centre?.name ?? null,
      address: config.SITE_CONTACT_ADDRESS ?? null,
      phone: config.SITE_CONTACT_PHONE ?? null,
      email: config.SITE_CONTACT_EMAIL ?? null,
      website: config.SITE_WEBSITE ?? null,
    },
  };
}

export const siteRoutes =
  (database: Database, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/site',
      {
        schema: {
          tags: ['site'],
          summary: 'The deploying province: name, code, number of communes, contact',
          response: { 200: siteSchema, ...problemResponses(503) },
        },
      },
      async () => {
        const site = await siteInfo(database, config);
        if (!site) {
          throw HttpErrors.create('NOT_READY', {
            vi: `Chưa nạp dữ liệu tỉnh ${config.PROVINCE_CODE}; chạy: cqs seed`,
            en: `Province ${config.PROVINCE_CODE} is not loaded; run: cqs seed`,
          });
        }
        return site;
      },
    );
  };
