import { fileURLToPath } from 'node:url';

/** The repository root (e2e/support → ../..). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Screenshots and other artefacts (gitignored). */
export const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
