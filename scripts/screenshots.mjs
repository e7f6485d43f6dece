#!/usr/bin/env node
// `npm run screenshots`: renders the README's pictures of both portals from the demo data into docs/screenshots/
// (the browser suite's screenshot test, with its output folder pointed at the docs).
import path from 'node:path';
import { pnpm, pnpmEnv } from './pnpm.mjs';
import { ensureBuilt, ensureInstalled, repoRoot } from './lib/common.mjs';

await ensureInstalled();
await ensureBuilt();
await pnpm(['--filter', '@utvag/browser-tests', 'exec', 'vitest', 'run', 'src/screenshots.test.ts'], {
  env: { ...pnpmEnv(), UTVAG_SCREENSHOT_DIR: path.join(repoRoot, 'docs', 'screenshots') },
});

