import { seedDemoPlan } from '../../../seed/dx-plan.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { evidenceBlobReferences } from './evidence-file.ts';
import { startPlanReminderTimer } from './plan/reminders.ts';
import { planRoutes } from './plan/routes.ts';
import { scorecardRoutes } from './scorecards/routes.ts';
import { startMonthKeeper } from './statistics/keeper.ts';
import { statisticsRoutes } from './statistics/routes.ts';

/** Statistics and the Decision 766 index, the digital-transformation plan, DTI-style scorecards. */
export const reportingModule: ModuleDescriptor = {
  name: 'reporting',
  tags: [{ name: 'reporting', description: 'Statistics, DX plan and scorecards (báo cáo, chuyển đổi số)' }],
  routes: async (app, { database, config }) => {
    await app.register(statisticsRoutes(database, config));
    await app.register(scorecardRoutes(database, config));
    await app.register(planRoutes(database, config));
  },
  // Progress reports' and self-assessments' evidence files.
  fileReferences: evidenceBlobReferences,
  jobs: ({ database, log }) => [
    // Reminds lead agencies of DX plan report deadlines (hourly; each notice once).
    { name: 'plan reminders', start: () => startPlanReminderTimer(database, log) },
    // Keeps the statistics' closed months counted, so a year's figures read them (every 10 min).
    { name: 'statistics month keeper', start: () => startMonthKeeper(database, log) },
  ],
  seed: {
    // The DX plan's tasks are illustrative, so it comes with the demo, never into production.
    async demo({ database }) {
      await seedDemoPlan(database);
    },
  },
};
