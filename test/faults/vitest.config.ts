import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const shared = {
  environment: 'node' as const,
  globalSetup: ['test/harness/global-setup.ts'],
  pool: 'forks' as const,
  fileParallelism: false, // one embedded stack, one worker process at a time
  testTimeout: 3 * 3_600_000,
  hookTimeout: 600_000,
};

/**
 * The reliability suites, outside `npm test` (same harness as the integration tests):
 * project `faults` (`npm run test:faults`): the short fault tests of
 * test/integration/faults plus the long ones here (≥ 20 worker kills, server restarts);
 * project `soak` (`npm run test:soak`): ≥ 10 minutes of accelerated runs under load.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    teardownTimeout: 60_000,
    projects: [
      { test: { ...shared, name: 'faults', include: ['test/integration/faults/**/*.test.ts', 'test/faults/**/*.faults.test.ts'] } },
      { test: { ...shared, name: 'soak', include: ['test/faults/**/*.soak.test.ts'] } },
    ],
  },
});
