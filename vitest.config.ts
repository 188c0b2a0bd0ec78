import { defineConfig } from 'vitest/config';

/** `unit` needs no servers; `integration` gets them from test/harness/global-setup.ts. */
export default defineConfig({
  test: {
    teardownTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/harness/global-setup.ts'],
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Three servers plus a worker already load a 2-core machine: one test file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
