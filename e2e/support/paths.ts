import { fileURLToPath } from 'node:url';

/** The repository root (e2e/support → ../..). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Screenshots and other artefacts (gitignored). */
export const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * A DATA_DIR whose embedded PostgreSQL is migrated and seeded as `cqs start` seeds a new
     * database (reference data, catalogue, demo accounts; no demo dossiers), stopped: each server
     * that wants exactly that starts from a copy instead of seeding again.
     */
    e2eSeededDataDir: string;
  }
}
