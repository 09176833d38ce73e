import type { ModuleDescriptor } from '../../platform/module.ts';
import { siteInfo, siteRoutes } from './routes.ts';

/** The deploying province: its name, communes and contact, shown on every page. */
export const siteModule: ModuleDescriptor = {
  name: 'site',
  tags: [{ name: 'site', description: 'The deploying province' }],
  routes: async (app, { database, config }) => {
    await app.register(siteRoutes(database, config));
  },
  // Every page starts by asking for the site: it is written into the page instead.
  pageData: async ({ database, config }) => {
    const site = await siteInfo(database, config);
    return site ? { '/api/site': site } : {};
  },
};
