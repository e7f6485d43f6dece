// Shared vitest settings: a test without an assertion fails, and two workers run on the 2-core machines
// (vitest's default of CPUs − 1 would run one file at a time; ../shared/STACK.md trap 13).
// Plain JavaScript: vitest loads configs with Node, which (on Node 20) cannot import TypeScript from a package.

/** @type {import('vitest/config').ViteUserConfig['test']} */
export const sharedTestConfig = {
  expect: { requireAssertions: true },
  maxWorkers: 2,
  testTimeout: 20_000,
  hookTimeout: 60_000,
};
