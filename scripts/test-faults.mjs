#!/usr/bin/env node
// `npm run test:faults`: the fault test (issue 9 item 3), on its own because it restarts and kills PostgreSQL. It
// starts its own embedded PostgreSQL with durable settings (fsync on) in a temporary folder, whatever
// TEST_DATABASE_URL says: the machine's server is shared and must not be restarted. Builds the portals when their
// sources are newer than the build. Figures: printed, and written to bench/results/faults.json.
import { performance } from 'node:perf_hooks';
import { ensureBuilt, ensureInstalled, seconds } from './lib/common.mjs';
import { pnpm, pnpmEnv } from './pnpm.mjs';

const started = performance.now();
await ensureInstalled(console.log);
await ensureBuilt(console.log);
const code = await pnpm(['--filter', '@utvag/ops-tests', 'exec', 'vitest', 'run', '--config', 'vitest.faults.config.ts'], {
  env: pnpmEnv({ UTVAG_TEST_RUN: String(process.pid) }),
  check: false,
});
console.log(`npm run test:faults took ${seconds(performance.now() - started)} s`);
process.exit(code);
