import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '@utvag/vitest-config';

export default defineConfig({ test: { ...sharedTestConfig, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } });
