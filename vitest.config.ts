import { defineConfig } from 'vitest/config';
import EndToEndFirst from './vitest.sequencer.ts';

// Two projects: `server` (unit + integration on PostgreSQL) and `e2e` (real server, real Chromium).
// Each migrates and seeds a template database once per run (server/test/support/global-setup.ts).
export default defineConfig({
  test: {
    // Two server files and one end-to-end file at a time on a 2-core machine: much of a test's time
    // is PostgreSQL's and Chromium's, in processes of their own.
    maxWorkers: 3,
    sequence: { sequencer: EndToEndFirst },
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
