import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '@utvag/vitest-config';

// `npm run test:faults`: the fault test owns its PostgreSQL (it restarts and kills it), so no global setup.
export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.faults.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
