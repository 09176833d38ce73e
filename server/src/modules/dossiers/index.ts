import { seedDemoDossiers } from '../../../seed/demo-dossiers.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { dossierFileRoutes } from './file-routes.ts';
import { dossierBlobReferences } from './files.ts';
import { dossierFormRoutes } from './form-routes.ts';
import { dossierRoutes } from './routes.ts';

/** One-stop processing of administrative dossiers (hồ sơ): intake, processing, results, files, forms. */
export const dossiersModule: ModuleDescriptor = {
  name: 'dossiers',
  tags: [{ name: 'dossiers', description: 'One-stop processing of administrative dossiers (hồ sơ)' }],
  routes: async (app, { database, config, outboxWritten }) => {
    await app.register(dossierRoutes(database, config, outboxWritten));
    await app.register(dossierFormRoutes(database, config));
    await app.register(dossierFileRoutes(database, config));
  },
  fileReferences: dossierBlobReferences,
  seed: {
    async demo({ database, config, log }) {
      const made = await seedDemoDossiers(database, config);
      if (made) log(`  Hồ sơ demo / demo dossiers: ${made.toLocaleString('vi-VN')}`);
    },
  },
};
