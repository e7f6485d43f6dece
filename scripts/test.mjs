#!/usr/bin/env node
// `npm test [-- <turbo args>]`: installs what is missing, gets a PostgreSQL for the tests, and runs
// every package's tests with turbo.
//
// TEST_DATABASE_URL set (CI: the machine's server): used as is, as an admin URL (tests create their databases).
// Not set: a throw-away embedded PostgreSQL in a fresh folder under the OS temp folder, removed afterwards.
// Every test process gets UTVAG_TEST_RUN=<this pid>, so databases of runs that died can be told apart.
import { performance } from 'node:perf_hooks';
import { pnpm, pnpmEnv } from './pnpm.mjs';
import { ensureInstalled, importTs, loadDotEnv, seconds, steps } from './lib/common.mjs';

const started = performance.now();
const log = (message) => console.log(message);
let server = null;
let turbo = null;
let signalled = null;

function finish(code) {
  log(`npm test took ${Math.round((performance.now() - started) / 1000)} s`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = signal;
    // A terminal's Ctrl-C reaches turbo and the steps directly (same process group); a signal sent to this process
    // alone is passed on after a moment.
    setTimeout(() => {
      for (const child of [...steps, turbo]) {
        if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      }
    }, 1000).unref();
    if (!turbo) void stopAndExit(130);
  });
}

async function stopAndExit(code) {
  if (server) {
    try {
      await server.stop();
    } catch (error) {
      console.error(`Stopping the test PostgreSQL failed: ${error.message}`);
    }
    server = null;
  }
  finish(code);
}

async function main() {
  loadDotEnv();
  await ensureInstalled(log);
  // No build here: the browser tests' turbo task depends on ^build (tests/browser/turbo.json), so turbo builds the
  // apps itself (with --force, every run).
  const args = process.argv.slice(2);
  if (signalled) return stopAndExit(130);

  const env = { UTVAG_TEST_RUN: String(process.pid), TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
  if (!process.env.TEST_DATABASE_URL) {
    const { startTemporaryEmbeddedPostgres } = await importTs('packages/db/src/embedded.ts');
    const at = performance.now();
    server = await startTemporaryEmbeddedPostgres({ log });
    log(`Test database: embedded PostgreSQL on port ${server.port} (started in ${seconds(performance.now() - at)} s)`);
    env.TEST_DATABASE_URL = server.adminUrl;
    if (signalled) return stopAndExit(130);
  }

  const code = await pnpm(['exec', 'turbo', 'run', 'test', '--force', ...args], {
    env: pnpmEnv(env),
    check: false,
    onSpawn: (child) => (turbo = child),
  });
  return stopAndExit(signalled ? 130 : code);
}

main().catch(async (error) => {
  console.error(`npm test failed: ${error?.message ?? error}`);
  await stopAndExit(1);
});
