import { seedCatalog } from '../../../seed/catalog.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { catalogVerbs } from './cli.ts';
import { catalogPageData } from './page-data.ts';
import { catalogRoutes } from './routes.ts';

/** The administrative procedures (thủ tục hành chính) the province offers, from the national catalogue. */
export const catalogModule: ModuleDescriptor = {
  name: 'catalog',
  tags: [{ name: 'catalog', description: 'Administrative procedures (thủ tục hành chính)' }],
  routes: async (app, { database }) => {
    await app.register(catalogRoutes(database));
  },
  // The catalogue's pages carry their procedure, or their search's first results.
  pageData: ({ database }, page) => catalogPageData(database.db, page),
  seed: {
    async reference({ database, config, progress }) {
      await seedCatalog(database, config, (n) => progress('Thủ tục hành chính / procedures', n));
    },
  },
  verbs: catalogVerbs,
};
