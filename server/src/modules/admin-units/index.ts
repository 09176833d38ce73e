import { seedAdminUnits } from '../../../seed/admin-units.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { adminUnitVerbs } from './cli.ts';
import { adminUnitRoutes } from './routes.ts';

/** Administrative units (đơn vị hành chính) of 1 July 2025 and before, with the merge links. */
export const adminUnitsModule: ModuleDescriptor = {
  name: 'admin-units',
  tags: [{ name: 'admin-units', description: 'Administrative units (đơn vị hành chính), 2025 and before' }],
  routes: async (app, { database }) => {
    await app.register(adminUnitRoutes(database));
  },
  seed: {
    async reference({ database, log, progress }) {
      const units = await seedAdminUnits(database, (n) =>
        progress('Đơn vị hành chính / administrative units', n),
      );
      const missing = units.unmatchedPredecessors;
      if (missing.length)
        log(
          `  note: ${missing.length} merge links name old units that the 2025-01-04 export lacks (the sources differ), e.g. ${missing.slice(0, 3).join('; ')}`,
        );
    },
  },
  verbs: adminUnitVerbs,
};
