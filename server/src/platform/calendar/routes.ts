import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { AccessGuard } from '../access.ts';
import { problemResponses } from '../http/problem.ts';
import { localizedTextSchema } from '../http/schemas.ts';
import { dueAt } from './due.ts';
import { solarToLunar } from './lunar.ts';
import { parseScheduleCsv } from './schedule.ts';
import { forgetCalendar, loadCalendar, replaceSchedule, scheduleOf } from './store.ts';

const isoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
const year = z.coerce.number().int().min(1900).max(2199);
const entrySchema = z.object({
  date: isoDate,
  kind: z.enum(['day_off', 'working_day']),
  name: localizedTextSchema,
});

/** Formats an instant in Vietnam's time with its offset: 2026-02-24T16:00:00+07:00. */
export function vietnamIso(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '');
  return `${local}+07:00`;
}

/** The public calendar API (citizens and integrators use it too) and the schedule's administration. */
export const calendarRoutes =
  (database: Database, config: Config, guard: AccessGuard): FastifyPluginAsyncZod =>
  async (app) => {
    const db = database.db;

    app.get(
      '/api/calendar/lunar',
      {
        schema: {
          tags: ['calendar'],
          summary: 'The Vietnamese lunar date of a day (computed for UTC+7)',
          querystring: z.object({ date: isoDate }).strict(),
          response: {
            200: z.object({
              day: z.number().int(),
              month: z.number().int(),
              year: z.number().int(),
              leap: z.boolean(),
            }),
            ...problemResponses(400),
          },
        },
      },
      async (req) => solarToLunar(req.query.date),
    );

    app.get(
      '/api/calendar/holidays',
      {
        schema: {
          tags: ['calendar'],
          summary:
            "A year's days off with their names, computed from the Labor Code or from the official schedule",
          querystring: z.object({ year }).strict(),
          response: {
            200: z.object({
              year: z.number().int(),
              items: z.array(
                z.object({
                  date: z.string(),
                  name: localizedTextSchema,
                  source: z.enum(['computed', 'official']),
                  kind: z.string(),
                }),
              ),
            }),
            ...problemResponses(400),
          },
        },
      },
      async (req) => {
        const calendar = await loadCalendar(db, config);
        return { year: req.query.year, items: [...calendar.holidaysOf(req.query.year)] };
      },
    );

    app.get(
      '/api/calendar/due',
      {
        schema: {
          tags: ['calendar'],
          summary: 'The due date of a period counted from a receipt (the receipt day is not counted)',
          description:
            'Working days exclude weekends and days off and include make-up working days; a period ending on a non-working day ends on the next working day; a due time is the end of office hours.',
          querystring: z
            .object({
              receivedAt: z.iso.datetime({
                offset: true,
                message: 'must be ISO 8601 with an offset, e.g. 2026-10-08T09:30:00+07:00',
              }),
              value: z.coerce.number().min(0).max(1000),
              unit: z.enum(['working_days', 'working_hours', 'months', 'calendar_days']),
            })
            .strict(),
          response: { 200: z.object({ dueAt: z.string() }), ...problemResponses(400) },
        },
      },
      async (req) => {
        const calendar = await loadCalendar(db, config);
        const due = dueAt(
          new Date(req.query.receivedAt),
          { value: req.query.value, unit: req.query.unit },
          calendar,
        );
        return { dueAt: vietnamIso(due) };
      },
    );

    const admin = (req: FastifyRequest) => guard.requireSettingsAdmin(req);

    app.get(
      '/api/calendar/schedule/:year',
      {
        schema: {
          tags: ['calendar'],
          summary: "A year's official schedule as entered (days off and make-up working days)",
          params: z.object({ year }),
          response: {
            200: z.object({ year: z.number().int(), entries: z.array(entrySchema) }),
            ...problemResponses(400),
          },
        },
      },
      async (req) => ({ year: req.params.year, entries: await scheduleOf(db, req.params.year) }),
    );

    app.put(
      '/api/calendar/schedule/:year',
      {
        schema: {
          tags: ['calendar'],
          summary: "Replace a year's official schedule (system admins)",
          params: z.object({ year }),
          body: z.object({ entries: z.array(entrySchema).max(200) }).strict(),
          response: {
            200: z.object({ year: z.number().int(), entries: z.array(entrySchema) }),
            ...problemResponses(400, 401, 403),
          },
        },
      },
      async (req) => {
        const actor = admin(req);
        await inTransaction(database, (tx) =>
          replaceSchedule(tx, { year: req.params.year, entries: req.body.entries }, actor.personId),
        );
        forgetCalendar(db);
        return { year: req.params.year, entries: await scheduleOf(db, req.params.year) };
      },
    );

    // The CSV import takes the file as it is (text/csv): date,kind,name_vi,name_en.
    await app.register(async (plain) => {
      const scope = plain.withTypeProvider<ZodTypeProvider>();
      scope.addContentTypeParser(
        'text/csv',
        { parseAs: 'string', bodyLimit: 256 * 1024 },
        (_req, body, done) => done(null, body),
      );
      scope.post(
        '/api/calendar/schedule/:year/import',
        {
          schema: {
            tags: ['calendar'],
            summary:
              "Import a year's official schedule from CSV (date,kind,name_vi,name_en), replacing it (system admins)",
            params: z.object({ year }),
            response: {
              200: z.object({ year: z.number().int(), entries: z.array(entrySchema) }),
              ...problemResponses(400, 401, 403, 415),
            },
          },
        },
        async (req) => {
          const actor = admin(req);
          const entries = parseScheduleCsv(String(req.body ?? ''));
          await inTransaction(database, (tx) =>
            replaceSchedule(tx, { year: req.params.year, entries }, actor.personId),
          );
          forgetCalendar(db);
          return { year: req.params.year, entries: await scheduleOf(db, req.params.year) };
        },
      );
    });
  };
