import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '@utvag/vitest-config';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.test.ts'],
    // The fault test restarts its own PostgreSQL: `npm run test:faults` (vitest.faults.config.ts).
    exclude: ['src/**/*.faults.test.ts'],
    globalSetup: ['@utvag/db/testing/global-setup'],
    // Each file starts built portals (about 1–2 s each on a quiet machine, far more on a loaded one).
    testTimeout: 60_000,
    // One file at a time: each starts portal processes, and the suite shares two cores with the browser tests.
    maxWorkers: 1,
  },
});
