import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '@utvag/vitest-config';

export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ['src/**/*.test.ts'],
    globalSetup: ['@utvag/db/testing/global-setup'],
    // The axe sweep visits dozens of page states per test; a loaded 2-core machine needs the room.
    testTimeout: 180_000,
  },
});
