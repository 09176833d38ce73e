import { seedOfficialSchedules } from '../../../seed/calendar.ts';
import type { ModuleDescriptor } from '../module.ts';
import { calendarRoutes } from './routes.ts';

/** The working-day calendar's API and the official schedules of days off (platform, not a module). */
export const calendarModule: ModuleDescriptor = {
  name: 'calendar',
  tags: [{ name: 'calendar', description: 'Lunar calendar, days off, working days and due dates' }],
  routes: async (app, { database, config, guard }) => {
    await app.register(calendarRoutes(database, config, guard));
  },
  seed: {
    async reference({ database }) {
      await seedOfficialSchedules(database);
    },
  },
};
