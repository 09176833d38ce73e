import { defineConfig } from 'vitest/config';

// Two projects: `server` (unit + integration on PostgreSQL) and `e2e` (real server, real Chromium).
// `npm test` runs them as two vitest processes side by side (scripts/test.mjs): vitest itself would
// run the e2e files, one at a time, only after every server file.
// Each migrates and seeds a template database once per run (server/test/support/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          globalSetup: ['server/test/support/global-setup.ts'],
          include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts', 'server/seed/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup: ['server/test/support/global-setup.ts', 'e2e/support/global-setup.ts'],
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
