// Shared vitest settings: a test without an assertion fails, and two workers run on the 2-core machines
// (vitest's default of CPUs − 1 would run one file at a time; ../shared/STACK.md trap 13).
import type { ViteUserConfig } from 'vitest/config';

export const sharedTestConfig = {
  expect: { requireAssertions: true },
  maxWorkers: 2,
  testTimeout: 20_000,
  hookTimeout: 60_000,
} satisfies NonNullable<ViteUserConfig['test']>;
