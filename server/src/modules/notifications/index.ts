import type { ModuleDescriptor } from '../../platform/module.ts';
import { createDispatcher, listenForOutbox } from './dispatcher.ts';
import { notificationRoutes } from './routes.ts';

/** The signed-in person's notifications, and the outbox that sends them by e-mail after commit. */
export const notificationsModule: ModuleDescriptor = {
  name: 'notifications',
  tags: [{ name: 'notifications', description: "The signed-in person's notifications (thông báo)" }],
  routes: async (app, { database }) => {
    await app.register(notificationRoutes(database));
  },
  jobs: (ctx) => [
    {
      name: 'notification outbox',
      start() {
        const dispatcher = createDispatcher(ctx.database, ctx.mailer, ctx.log, {
          publicUrl: ctx.config.publicUrl,
        });
        // Commits of any process (a web node) wake this worker through the database.
        const listening = listenForOutbox(ctx.database, () => dispatcher.kick(), ctx.log);
        return {
          wake: () => dispatcher.kick(),
          async close() {
            await listening.close();
            await dispatcher.close();
          },
        };
      },
    },
  ],
};
