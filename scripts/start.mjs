#!/usr/bin/env node
// `npm start`: installs and builds what is missing, gets a database ready, and runs both portals.
//
//   npm start                    embedded PostgreSQL with data in .data/ (kept between runs), demo data loaded
//   DATABASE_URL=… npm start     that database; no embedded server; no demo data
//   DATABASE_URL=… npm start -- --demo    that database, with demo data
//
// Environment: STAFF_PORT (3000), PARTNER_PORT (3001), HOST (127.0.0.1), LOG_LEVEL; see .env.example (a `.env` file
// in the repository root is read too). Ctrl-C stops the servers, then PostgreSQL.
// Why it is a plain Node launcher and not turbo: ../shared/STACK.md, "Traps of the two commands".
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  appEntry,
  portalNodeOptions,
  ensureBuilt,
  ensureInstalled,
  importTs,
  loadDotEnv,
  redactUrl,
  repoRoot,
  seconds,
  steps,
  table,
  waitForExit,
} from './lib/common.mjs';

const started = performance.now();
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`Usage: npm start [-- --demo]

Without DATABASE_URL: starts an embedded PostgreSQL (data in .data/, kept between runs) and loads demo data.
With DATABASE_URL: uses that database and starts no PostgreSQL; --demo loads demo data into it.
Ports: STAFF_PORT (default 3000), PARTNER_PORT (default 3001). See .env.example for every variable.`);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== '--demo');
if (unknown.length > 0) {
  console.error(`Unknown argument: ${unknown.join(' ')} (try: npm start -- --help)`);
  process.exit(2);
}
const wantDemo = args.includes('--demo');

loadDotEnv();
const host = process.env.HOST || '127.0.0.1';
const probeHost = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(host) ? '127.0.0.1' : host;
const shutdownTimeout = 3; // seconds adapter-node waits for open requests (STACK.md trap 5)
const servers = [
  { name: 'staff', label: 'Staff portal', port: Number(process.env.STAFF_PORT || 3000) },
  { name: 'partner', label: 'Partner portal', port: Number(process.env.PARTNER_PORT || 3001) },
];

for (const server of servers) {
  if (!Number.isInteger(server.port) || server.port < 1 || server.port > 65535) {
    console.error(`${server.name.toUpperCase()}_PORT must be a port number (1–65535).`);
    process.exit(2);
  }
}

const log = (message) => console.log(message);
let embedded = null; // the embedded PostgreSQL, when we started one
let shuttingDown = false;
let firstSignalAt = 0;

// ---------------------------------------------------------------------------------------------------------------
// Stopping: servers first, then PostgreSQL (STACK.md traps 4–6).

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of steps) child.kill('SIGTERM');
  await Promise.all([...steps].map((child) => waitForExit(child, 10_000)));
  const running = servers.filter((s) => s.child && s.child.exitCode === null && s.child.signalCode === null);
  for (const server of running) server.child.kill('SIGTERM');
  await Promise.all(running.map((server) => waitForExit(server.child, (shutdownTimeout + 7) * 1000)));
  if (embedded) {
    try {
      await embedded.stop();
    } catch (error) {
      console.error(`Stopping PostgreSQL failed: ${error.message}`);
      code ||= 1;
    }
  }
  if (code === 0) log('Stopped.');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    const now = Date.now();
    if (!shuttingDown) {
      firstSignalAt = now;
      log('\nStopping the servers, then the database…');
      void shutdown(0);
      return;
    }
    // A Ctrl-C reaches us twice within milliseconds (from the terminal and from npm): ignore the echo.
    if (now - firstSignalAt < 1500) return;
    log('Stopping immediately.');
    for (const server of servers) server.child?.kill('SIGKILL');
    for (const child of steps) child.kill('SIGKILL');
    process.exit(130); // embedded.ts asks PostgreSQL to shut down on exit
  });
}

// ---------------------------------------------------------------------------------------------------------------

function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Prefixes each line of a child's output with its name. */
function relay(stream, name, target) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) target.write(`[${name}] ${line}\n`);
  });
  stream.on('end', () => {
    if (pending) target.write(`[${name}] ${pending}\n`);
  });
}

function startServer(server, env) {
  const entry = appEntry(server.name);
  const watch = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'parent-watch.mjs')).href;
  const child = spawn(process.execPath, [...portalNodeOptions, '--import', watch, entry], {
    cwd: path.dirname(path.dirname(entry)),
    env: {
      ...env,
      PORT: String(server.port),
      HOST: host,
      ORIGIN: `http://localhost:${server.port}`, // without it every form POST over http gets 403 (trap 9)
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  relay(child.stdout, server.name, process.stdout);
  relay(child.stderr, server.name, process.stderr);
  server.child = child;
  child.on('exit', (code, signal) => {
    if (shuttingDown) return;
    console.error(`The ${server.name} server stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything.`);
    void shutdown(1);
  });
}

async function waitHealthy(server, deadline) {
  const url = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${server.port}/readyz`; // database reachable and migrated, not just listening
  while (!shuttingDown) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`the ${server.name} server exited`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the ${server.name} server did not answer ${url} with 200 within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main() {
  const timings = [];
  const phase = async (name, work) => {
    const at = performance.now();
    const result = await work();
    if (result !== false) timings.push(`${name} ${seconds(performance.now() - at)} s`);
    return result;
  };

  await phase('install', () => ensureInstalled(log));
  if (shuttingDown) return;
  await phase('build', () => ensureBuilt(log));
  if (shuttingDown) return;

  const [{ startEmbeddedPostgres, chooseDataDir }, db] = await Promise.all([
    importTs('packages/db/src/embedded.ts'),
    importTs('packages/db/src/index.ts'),
  ]);

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const choice = chooseDataDir(repoRoot);
    if (choice.note) log(`Note: ${choice.note}.`);
    embedded = await phase('database', () =>
      startEmbeddedPostgres({ dataDir: choice.dataDir, persistent: true, database: 'utvag', log }),
    );
    if (shuttingDown) return;
    databaseUrl = embedded.url;
    void embedded.exited.then(({ code, signal }) => {
      if (shuttingDown) return;
      console.error(`PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything.`);
      void shutdown(1);
    });
  }

  // Once, here, before any server starts: two processes migrating a fresh database at once collide (trap 8).
  await phase('migrations', () => db.runMigrations(databaseUrl));
  let demo = null;
  if (embedded || wantDemo) demo = await phase('demo data', () => db.loadDemoData(databaseUrl));
  const demoPresent = demo !== null;
  if (shuttingDown) return;

  for (const server of servers) {
    if (!(await portFree(server.port))) {
      const variable = `${server.name.toUpperCase()}_PORT`;
      throw new Error(
        `port ${server.port} (${server.label}) is in use. Is Utväg already running? Set ${variable} to use another port.`,
      );
    }
  }
  const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl };
  env.SHUTDOWN_TIMEOUT = String(shutdownTimeout);
  env.UTVAG_PARENT_PID = String(process.pid);
  if (demoPresent) env.UTVAG_DEMO = '1';
  else delete env.UTVAG_DEMO;
  delete env.TEST_DATABASE_URL;

  await phase('servers', async () => {
    for (const server of servers) startServer(server, env);
    const deadline = Date.now() + 60_000;
    await Promise.all(servers.map((server) => waitHealthy(server, deadline)));
  });
  if (shuttingDown) return;

  const lines = [
    '',
    `Utväg is running (ready in ${seconds(performance.now() - started)} s: ${timings.join(', ')}).`,
    '',
    ...servers.map((server) => `  ${`${server.label}:`.padEnd(17)} http://localhost:${server.port}`),
    '',
  ];
  if (demo) {
    lines.push(
      demo.loaded ? 'Demo data loaded. Demo accounts:' : 'Demo data already present. Demo accounts:',
      '',
      table(
        ['Role', 'Portal', 'E-mail', 'Password'],
        demo.accounts.map((account) => [account.role, account.portal, account.email, account.password]),
      )
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
      '',
    );
  } else if (demoPresent) {
    lines.push('This database holds demo data (the portals show a banner).', '');
  }
  if (embedded) {
    lines.push(
      `Database: embedded PostgreSQL, data in ${embedded.dataDir}`,
      `  ${embedded.url}`,
      `  (psql "${embedded.url}" while Utväg runs)`,
      '',
    );
  } else {
    lines.push(`Database: ${redactUrl(databaseUrl)} (from DATABASE_URL)`, '');
  }
  lines.push('Press Ctrl-C to stop.');
  log(lines.join('\n'));
}

main().catch((error) => {
  if (shuttingDown) return;
  console.error(`\nnpm start failed: ${error?.message ?? error}`);
  void shutdown(1);
});
