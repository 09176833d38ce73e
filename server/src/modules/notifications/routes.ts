import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/engine.ts';
import { vietnamIso } from '../../platform/calendar/routes.ts';
import { problemResponses } from '../../platform/http/problem.ts';
import { requireAuth } from '../identity/web-session.ts';
import { type InboxItem, listInbox, markAllRead, markRead } from './service.ts';

const bilingual = z.object({ vi: z.string(), en: z.string() });

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().meta({ description: 'e.g. dossier.received, dossier.supplement_requested' }),
    title: bilingual,
    body: bilingual,
    link: z.string().nullable().meta({ description: 'A path on the portal, e.g. /ho-so/<dossier id>' }),
    subjectId: z.uuid().nullable(),
    createdAt: z.string().meta({ description: 'Vietnam time' }),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

const view = (n: InboxItem) => ({
  id: n.id,
  kind: n.kind,
  title: { vi: n.title.vi, en: n.title.en ?? n.title.vi },
  body: { vi: n.body.vi, en: n.body.en ?? n.body.vi },
  link: n.link,
  subjectId: n.subjectId,
  createdAt: vietnamIso(n.createdAt),
  readAt: n.readAt ? vietnamIso(n.readAt) : null,
});

/** The signed-in person's inbox ("Thông báo"): only their own notices, ever. */
export const notificationRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    const db = database.db;

    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: "The signed-in person's notifications, newest first, with the unread count",
          querystring: z
            .object({
              limit: z.coerce.number().int().min(1).max(100).default(20),
              offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
            })
            .strict(),
          response: {
            200: z.object({
              items: z.array(notificationSchema),
              total: z.number().int(),
              unread: z.number().int(),
            }),
            ...problemResponses(400, 401),
          },
        },
      },
      async (req) => {
        const { person } = requireAuth(req);
        const inbox = await listInbox(db, person.id, req.query);
        return { items: inbox.items.map(view), total: inbox.total, unread: inbox.unread };
      },
    );

    app.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark one of my notifications read',
          params: z.object({ id: z.uuid() }),
          response: { 200: notificationSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (req) => {
        const { person } = requireAuth(req);
        return view(await markRead(db, person.id, req.params.id));
      },
    );

    app.post(
      '/api/notifications/read-all',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark all my notifications read',
          response: {
            200: z.object({ marked: z.number().int().meta({ description: 'How many were unread' }) }),
            ...problemResponses(401, 403),
          },
        },
      },
      async (req) => {
        const { person } = requireAuth(req);
        return { marked: await markAllRead(db, person.id) };
      },
    );
  };
