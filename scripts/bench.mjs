#!/usr/bin/env node
// `npm run bench`: the performance benchmark (issue 9). Generates fictional data of a given size, starts both
// built portals against it and measures them over HTTP with autocannon, beside three baselines measured in the
// same run on the same machine. Not part of `npm test`. Results: a markdown table on stdout and the same rows in
// bench/results/latest.json. docs/performance.md explains the rows and holds the dated results.
//
//   npm run bench                          10,000 cases, 10 and 50 connections, 5 s per measurement after 2 s
//   npm run bench -- --cases 100000        also 1000000 (generation takes minutes; the database is reused)
//   npm run bench -- --duration 5 --warmup 2 --connections 10,50 --runs 3 --fresh --only inbox
//
// Database: BENCH_DATABASE_URL or TEST_DATABASE_URL (a server admin URL: the benchmark creates
// `utvag_bench_<cases>` there), else an embedded PostgreSQL with durable settings (fsync and synchronous_commit
// on, as in production) whose data stays in .data/bench-postgres so a generated size is reused next time
// (`--temporary`: a throw-away server in the temp folder instead).
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { appEntry, buildReason, portalNodeOptions, ensureBuilt, ensureInstalled, importTs, loadDotEnv, redactUrl, repoRoot, seconds, waitForExit } from './lib/common.mjs';
import { accountEmail, benchPassword, municipalityPlan, postgres, prepareDatabase } from './bench/data.mjs';
import { closedLoop, inboxWork } from './bench/inbox-work.mjs';
import { reportScenario } from './bench/report-work.mjs';
import { caseScenario } from './bench/case-work.mjs';

const autocannon = createRequire(import.meta.url)('autocannon');
const here = path.dirname(fileURLToPath(import.meta.url));
const log = (message) => console.log(message);

// ---------------------------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const options = { cases: 10_000, duration: 5, warmup: 2, connections: [10, 50], runs: 1, fresh: false, temporary: false, only: null, build: true, generateOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const positive = (v) => {
      const n = Number(String(v).replaceAll('_', ''));
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${arg} needs a positive integer, not ${v}`);
      return n;
    };
    if (arg === '--cases') options.cases = positive(value());
    else if (arg === '--duration') options.duration = positive(value());
    else if (arg === '--warmup') options.warmup = Number(value());
    else if (arg === '--connections') options.connections = value().split(',').map(positive);
    else if (arg === '--runs') options.runs = positive(value());
    else if (arg === '--only') options.only = value();
    else if (arg === '--fresh') options.fresh = true;
    else if (arg === '--temporary') options.temporary = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--generate-only') options.generateOnly = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument ${arg} (try: npm run bench -- --help)`);
  }
  if (options.cases < 100) throw new Error('--cases must be at least 100');
  return options;
}

const help = `Usage: npm run bench -- [--cases 10000] [--duration 5] [--warmup 2] [--connections 10,50] [--runs 1]
                       [--only <text>] [--fresh] [--temporary] [--no-build] [--generate-only]

  --cases N        data size (people ≈ N, referrals ≈ 1.3 N, events 5 N, audit entries 20 N); 10000, 100000, 1000000
  --duration S     seconds per measurement (after --warmup seconds of the same load, not counted)
  --connections    comma-separated connection counts (in-process baseline: as many concurrent workers)
  --runs N         repeat every measurement N times and report medians
  --only TEXT      measure only the rows whose name contains TEXT (the baselines always run)
  --fresh          regenerate the data even when utvag_bench_<cases> already holds that size
  --temporary      embedded PostgreSQL in a throw-away folder instead of .data/bench-postgres
  --no-build       measure the builds as they are, even when sources are newer (they must exist)
  --generate-only  prepare utvag_bench_<cases> and stop (no build, no measurement): run the slow generation of a
                   large size ahead, e.g. \`nice -n 19 npm run bench -- --cases 1000000 --generate-only\`

Database: BENCH_DATABASE_URL or TEST_DATABASE_URL (server admin URL), else an embedded PostgreSQL.`;

// ---------------------------------------------------------------------------------------------------------------
// Processes

const children = new Set();
let embedded = null;
let stopping = false;

async function cleanup() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.all([...children].map((child) => waitForExit(child, 8000)));
  if (embedded) {
    const server = embedded;
    embedded = null;
    await server.stop().catch((error) => console.error(`Stopping PostgreSQL failed: ${error.message}`));
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('\nStopping the servers, then the database…');
    void cleanup().then(() => process.exit(130));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function spawnChild(name, args, env, cwd = repoRoot) {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, UTVAG_PARENT_PID: String(process.pid) }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.output = '';
  const keep = (chunk) => {
    child.output = (child.output + chunk).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', (chunk) => {
    keep(chunk);
    process.stderr.write(`[${name}] ${chunk}`);
  });
  child.on('exit', () => children.delete(child));
  return child;
}

async function waitForHttp(url, child, name) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${child.output}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not answer ${url} within 30 s:\n${child.output}`);
}

/** A built portal, started the way tests/browser/src/portals.ts starts it. */
async function startPortal(app, databaseUrl) {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const parentWatch = path.join(here, 'lib', 'parent-watch.mjs');
  // BENCH_PORTAL_NODE_ARGS: extra Node options for the portals only (profiling: `--cpu-prof --cpu-prof-dir=/tmp/p`).
  const extra = (process.env.BENCH_PORTAL_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawnChild(app, [...portalNodeOptions, ...extra, '--import', parentWatch, appEntry(app)], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    ORIGIN: url,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT: '1',
    UTVAG_DEMO: '0',
    // Required outside demo mode (it seals TOTP secrets); the bench enrols none, so a fresh key per run does.
    UTVAG_SECRET_KEY: process.env.UTVAG_SECRET_KEY || randomBytes(32).toString('base64'),
  }, path.join(repoRoot, 'apps', app));
  await waitForHttp(`${url}/readyz`, child, `the ${app} portal`);
  return { app, url, port, pid: child.pid, child };
}

async function startBaselineServer(mode, databaseUrl) {
  const port = await freePort();
  const child = spawnChild(`baseline-${mode}`, [path.join(here, 'bench', 'baseline-server.mjs'), mode, String(port)], { DATABASE_URL: databaseUrl });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, child, `the ${mode} baseline server`);
  return { url, pid: child.pid, child };
}

/** Logs in through the portal's form (POST /login) and returns the session cookie's token. */
async function logIn(portal, email) {
  const response = await fetch(`${portal.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ email, password: benchPassword }),
  });
  await response.arrayBuffer();
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('utvag_session='));
  if (!cookie) throw new Error(`logging in as ${email} on the ${portal.app} portal failed (status ${response.status})`);
  return cookie.slice('utvag_session='.length).split(';')[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

/** Resident memory of a process in MB: VmRSS now, or VmHWM (its peak so far). */
function memoryOf(pid, field = 'VmRSS') {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** The share of the machine's CPU time spent busy over `ms` (our servers are idle then: anything is someone else's). */
async function machineBusy(ms = 1000) {
  const read = () => {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = read();
    await new Promise((resolve) => setTimeout(resolve, ms));
    const b = read();
    return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : 0;
  } catch {
    return null;
  }
}

/**
 * Samples what the database's active backends wait on, every 100 ms while a measurement runs (pg_stat_activity;
 * "CPU" = running, no wait event). Shows where a request's time goes inside PostgreSQL: locks, WAL flushes, I/O.
 */
/**
 * Waits until no backend of the bench database is working (requests a slow row left in flight finish after its
 * measurement ends), so they do not run into the next row's numbers. Returns the seconds waited.
 */
async function waitForIdleDatabase(sql, limitSeconds = 300) {
  const started = performance.now();
  for (;;) {
    const [{ n }] = await sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`;
    const waited = (performance.now() - started) / 1000;
    if (n === 0 || waited > limitSeconds) return waited;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The server's WAL counters (pg_stat_wal): bytes and full-page images. A commit waits for its WAL to be flushed,
 * so WAL per request is much of what a write costs; full-page images are the first change of a page after a
 * checkpoint. */
async function walCounters(sql) {
  try {
    const [row] = await sql`select wal_bytes::float8 as bytes, wal_fpi::float8 as fpi from pg_stat_wal`;
    return row;
  } catch {
    return null; // the view needs PostgreSQL 14
  }
}

function sampleWaits(sql) {
  const counts = new Map();
  let total = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const rows = await sql`select coalesce(wait_event_type || ':' || wait_event, 'CPU') as event, count(*)::int as n
          from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()
          group by 1`;
        for (const { event, n } of rows) {
          counts.set(event, (counts.get(event) ?? 0) + n);
          total += n;
        }
      } catch {
        // the sampling is best effort
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([event, n]) => ({ event, share: Math.round((n / Math.max(total, 1)) * 100) }));
    },
  };
}

/** Samples a process's VmRSS every 200 ms while `work` runs; returns the work's result and the peak. */
async function withPeakRss(pid, work) {
  let peak = memoryOf(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid) ?? 0);
  }, 200);
  try {
    const result = await work();
    peak = Math.max(peak, memoryOf(pid) ?? 0);
    return { result, rssMb: peak };
  } finally {
    clearInterval(timer);
  }
}

/** `rate`: requests per second offered over all connections (open loop; autocannon corrects the latencies for
 * coordinated omission), instead of each connection sending its next request as soon as the last one is answered. */
function cannon(target, connections, duration, rate = null) {
  return autocannon({
    url: target.url,
    connections,
    duration,
    ...(rate ? { overallRate: rate } : {}),
    timeout: 10,
    headers: target.headers ?? {},
    requests: [
      {
        method: target.method ?? 'GET',
        path: target.path,
        headers: target.headers ?? {},
        ...(target.setupRequest ? { setupRequest: target.setupRequest } : {}),
      },
    ],
  });
}

async function measureHttp(target, connections, options, rate = null) {
  const warmup = options.warmup > 0 ? await cannon(target, connections, options.warmup, rate) : null;
  const { result, rssMb } = await withPeakRss(target.pid, () => cannon(target, connections, options.duration, rate));
  return {
    warmupRequests: warmup?.requests.total ?? 0,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
    rssMb,
  };
}

async function measureInProcess(work, connections, options) {
  const warmup = options.warmup > 0 ? await closedLoop(work, { workers: connections, seconds: options.warmup }) : null;
  const { result, rssMb } = await withPeakRss(process.pid, () => closedLoop(work, { workers: connections, seconds: options.duration }));
  return { ...result, rssMb, warmupRequests: warmup?.requests ?? 0 };
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  if (options.help) {
    log(help);
    return;
  }
  loadDotEnv();
  const startedAt = performance.now();

  await ensureInstalled(log);
  if (options.generateOnly) options.build = false;
  else if (options.build) await ensureBuilt(log);
  else if (!options.generateOnly && buildReason() === 'no build yet') throw new Error('--no-build, but the apps were never built');

  // 1. The server
  let serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  let serverNote;
  if (serverUrl) {
    serverNote = `PostgreSQL at ${redactUrl(serverUrl)} (${process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'TEST_DATABASE_URL'})`;
  } else {
    const { startEmbeddedPostgres, startTemporaryEmbeddedPostgres } = await importTs('packages/db/src/embedded.ts');
    const at = performance.now();
    embedded = options.temporary
      ? await startTemporaryEmbeddedPostgres({ fast: false, log })
      : await startEmbeddedPostgres({ dataDir: path.join(repoRoot, '.data', 'bench-postgres'), persistent: true, fast: false, log });
    serverUrl = embedded.adminUrl;
    serverNote = `embedded PostgreSQL in ${embedded.dataDir} (port ${embedded.port}, durable settings; started in ${seconds(performance.now() - at)} s)`;
  }
  log(`Database server: ${serverNote}`);

  // 2. The data
  const data = await prepareDatabase({ serverUrl, cases: options.cases, fresh: options.fresh, log });
  log(`Data: ${Object.entries(data.counts).map(([k, v]) => `${k.replaceAll('_', ' ')} ${typeof v === 'number' ? v.toLocaleString('en') : v}`).join(', ')}`);
  if (options.generateOnly) {
    await cleanup();
    return;
  }

  const sql = postgres(data.url, { max: 10, onnotice: () => {} });
  const monitor = postgres(data.url, { max: 1, onnotice: () => {} }); // wait-event sampling, outside the measured pool
  const [{ version: pgVersion }] = await sql`select version()`;
  const main = municipalityPlan[0];
  const [municipality] = await sql`select id from municipality where name = ${main.name}`;
  const referralIds = (await sql`select id from referral where municipality_id = ${municipality.id} order by random() limit 2000`).map((r) => r.id);

  // 3. The servers
  log('Starting both portals and the baseline servers…');
  const [staff, partner, httpInbox, httpJson] = await Promise.all([
    startPortal('staff', data.url),
    startPortal('partner', data.url),
    startBaselineServer('inbox', data.url),
    startBaselineServer('json', data.url),
  ]);
  const staffToken = await logIn(staff, accountEmail(main.slug, 'intake'));
  const policeToken = await logIn(partner, accountEmail(main.slug, 'polis'));
  // Staff accounts need a second factor (TOTP): the bench stands in for the authenticator app by marking the
  // password-only sessions as verified, directly in its own database.
  const [{ mfa }] = await sql`select exists (select 1 from information_schema.columns
    where table_name = 'session' and column_name = 'mfa_verified_at') as mfa`;
  if (mfa) {
    const ids = [staffToken, policeToken].map((t) => createHash('sha256').update(t).digest('hex'));
    await sql`update session set mfa_verified_at = now() where id in ${sql(ids)} and mfa_verified_at is null`;
  }
  const staffCookie = { cookie: `utvag_session=${staffToken}` };
  const report = await reportScenario({ sql, url: data.url, staff, logIn, intakeEmail: accountEmail(main.slug, 'intake'), managerEmail: accountEmail(main.slug, 'enhetschef') });
  const policeCookie = { cookie: `utvag_session=${policeToken}` };
  const caseTargets = await caseScenario({ sql, staff, logIn, caseWorkerEmail: accountEmail(main.slug, 'handlaggare'), municipalityId: municipality.id });

  const { fictionalIdentityNumber } = await importTs('packages/domain/src/identity.ts');
  let submitted = 0;
  const submissionBody = () => {
    // Identity numbers from a range the generator never uses (born 2013–2015), in order: no two concurrent
    // requests name the same new person; after the first 20,000 they are people already registered.
    const n = submitted++;
    const birth = new Date(Date.UTC(2013, 0, 1) + (n % 1000) * 86_400_000).toISOString().slice(0, 10);
    return JSON.stringify({
      idempotencyKey: randomUUID(),
      person: { firstName: 'Bänk', lastName: 'Provsson', identityNumber: fictionalIdentityNumber(birth, Math.floor(n / 1000) % 20) },
      reason: 'Personen har sagt till polisen att hen vill lämna gruppen och behöver stöd.',
      threatOrProtectionNeed: n % 10 === 0,
      personWantsOut: true,
      consentToContact: true,
      urgency: 'normal',
      contact: { name: 'Kim Bänk', phone: '010-000 00 00', email: 'bench-submit@polisen.utvag.invalid' },
    });
  };
  let viewed = 0;
  const trpcInput = (input) => `input=${encodeURIComponent(JSON.stringify(input))}`;

  const targets = [
    { name: 'inbox page (GET /, HTML)', steady: 'fewest', url: staff.url, pid: staff.pid, path: '/', headers: { ...staffCookie, accept: 'text/html' } },
    { name: 'inbox.list (tRPC GET)', steady: 'fewest', url: staff.url, pid: staff.pid, path: `/api/trpc/inbox.list?${trpcInput({ limit: 50 })}`, headers: staffCookie },
    {
      name: 'referral.get (tRPC GET; audited)',
      url: staff.url,
      pid: staff.pid,
      path: `/api/trpc/referral.get?${trpcInput({ id: referralIds[0] })}`,
      headers: staffCookie,
      setupRequest: (req) => ({ ...req, path: `/api/trpc/referral.get?${trpcInput({ id: referralIds[viewed++ % referralIds.length] })}` }),
    },
    {
      name: 'referral.submit (tRPC POST)',
      steady: 'most',
      url: partner.url,
      pid: partner.pid,
      method: 'POST',
      path: '/api/trpc/referral.submit',
      headers: { ...policeCookie, 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: submissionBody() }),
    },
    { name: 'submission.list (tRPC GET)', url: partner.url, pid: partner.pid, path: `/api/trpc/submission.list?${trpcInput({ limit: 50 })}`, headers: policeCookie },
    { name: 'login page (GET /login; no database)', url: staff.url, pid: staff.pid, path: '/login' },
    ...caseTargets,
    // Last: at 1M cases one report takes seconds, and the requests still in flight when a measurement ends keep
    // the database busy after it (see waitForIdleDatabase).
    report.target,
  ];
  const selected = targets.filter((t) => !options.only || t.name.includes(options.only));
  // The report's stored figures as after a night (issue 9): the same job function `npm run jobs` schedules.
  const figuresJob = selected.includes(report.target)
    ? await report.runFiguresJob().catch((error) => ({ error: String(error?.cause ?? error) }))
    : null;
  if (figuresJob && !figuresJob.error) {
    log(`Nightly figures job: ${figuresJob.computed} half-years over ${figuresJob.scopes} municipalities and regions stored in ${seconds(figuresJob.ms)} s.`);
  } else if (figuresJob) log(`Nightly figures job failed: ${figuresJob.error}`);

  // Sanity: every target answers 2xx once before it is measured.
  for (const t of selected) {
    const response = await fetch(`${t.url}${t.path}`, {
      method: t.method ?? 'GET',
      headers: t.headers,
      redirect: 'manual',
      body: t.method === 'POST' ? (t.body ?? submissionBody)() : undefined,
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${t.name}: ${response.status} ${text.slice(0, 300)}`);
  }
  const inProcess = inboxWork(sql);
  const inProcessUnaudited = inboxWork(sql, { audit: false });
  if (!(await inProcess(staffToken))) throw new Error('the in-process baseline found no session');

  // 4. Measurements (baselines first at each connection count, then the app)
  const raw = [];
  const record = (name, connections, m) => raw.push({ name, connections, ...m });
  const baselineNames = {
    raw: 'baseline: inbox work in process (postgres.js)',
    ideal: 'baseline: inbox work behind node:http',
    ceiling: 'baseline: node:http small JSON, no database',
    unaudited: 'baseline: inbox work in process without the audit insert (the audit\'s cost)',
  };
  const steadyName = (t) => `${t.name}, open loop at half its req/s`;
  // The open-loop rows at the connection count of their target (issue 9): the inbox's at the fewest connections
  // (10), the submission's at the most (50), so the default run stays under five minutes.
  const steadyAt = (t, connections) =>
    t.steady === 'fewest' ? connections === Math.min(...options.connections) : t.steady === 'most' ? connections === Math.max(...options.connections) : false;
  const perMeasurement = options.warmup + options.duration;
  const count = options.runs * options.connections.reduce((n, c) => n + 4 + selected.length + selected.filter((t) => steadyAt(t, c)).length, 0);
  log(`Measuring ${count} times, ${perMeasurement} s each (about ${Math.ceil((count * (perMeasurement + 0.5)) / 60)} min)…`);
  for (let run = 1; run <= options.runs; run++) {
    for (const connections of options.connections) {
      const tag = `${options.runs > 1 ? `run ${run}/${options.runs}, ` : ''}${connections} connections`;
      const step = async (name, measure) => {
        const waited = await waitForIdleDatabase(monitor);
        if (waited >= 1) log(`  (waited ${waited.toFixed(0)} s for the previous row's requests to finish in the database)`);
        const busyBefore = await machineBusy();
        const waits = sampleWaits(monitor);
        const walBefore = await walCounters(monitor);
        const m = await measure();
        m.waits = await waits.stop();
        const walAfter = await walCounters(monitor);
        const served = m.requests + (m.warmupRequests ?? 0);
        if (walBefore && walAfter && served > 0) {
          m.walKbPerRequest = Number(((walAfter.bytes - walBefore.bytes) / 1024 / served).toFixed(2));
          m.fullPagesPerRequest = Number(((walAfter.fpi - walBefore.fpi) / served).toFixed(2));
        }
        m.busyBefore = busyBefore;
        record(name, connections, m);
        const busy = busyBefore === null ? '' : `; machine ${Math.round(busyBefore * 100)} % busy just before`;
        log(`  ${name} (${tag}): ${Math.round(m.rps)} req/s, p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms, errors ${m.errors}${busy}`);
        if (m.waits.length) log(`    active backends by wait event: ${m.waits.map((w) => `${w.event} ${w.share}%`).join(', ')}`);
        if (m.walKbPerRequest !== undefined) log(`    WAL per request: ${m.walKbPerRequest} kB, ${m.fullPagesPerRequest} full-page images`);
      };
      await step(baselineNames.ceiling, () => measureHttp({ ...httpJson, path: '/' }, connections, options));
      await step(baselineNames.ideal, () => measureHttp({ ...httpInbox, path: '/', headers: staffCookie }, connections, options));
      await step(baselineNames.raw, () => measureInProcess(() => inProcess(staffToken), connections, options));
      await step(baselineNames.unaudited, () => measureInProcess(() => inProcessUnaudited(staffToken), connections, options));
      for (const t of selected) {
        await step(t.name, () => measureHttp(t, connections, options));
        if (!steadyAt(t, connections)) continue;
        // Closed-loop latency is mostly queueing (p50 ≈ connections ÷ req/s, Little's law); offered at half the
        // throughput just measured, the same connections show what one request costs under a steady load.
        const rate = Math.max(1, Math.round(raw.at(-1).rps / 2));
        await step(steadyName(t), async () => ({ ...(await measureHttp(t, connections, options, rate)), offered: rate }));
      }
    }
  }

  // 5. Medians, ratios, table, JSON
  const rows = [];
  const names = [baselineNames.raw, baselineNames.unaudited, baselineNames.ideal, baselineNames.ceiling, ...selected.flatMap((t) => (t.steady ? [t.name, steadyName(t)] : [t.name]))];
  for (const connections of options.connections) {
    const of = (name) => raw.filter((r) => r.name === name && r.connections === connections);
    const baseline = (name) => median(of(name).map((r) => r.rps));
    const ideal = baseline(baselineNames.ideal);
    const rawSql = baseline(baselineNames.raw);
    const ceiling = baseline(baselineNames.ceiling);
    for (const name of names) {
      const runs = of(name);
      if (runs.length === 0) continue; // an open-loop row is measured at one connection count only
      rows.push({
        name,
        connections,
        rps: Math.round(median(runs.map((r) => r.rps))),
        p50_ms: Number(median(runs.map((r) => r.p50)).toFixed(2)),
        p99_ms: Number(median(runs.map((r) => r.p99)).toFixed(2)),
        errors: runs.reduce((sum, r) => sum + r.errors, 0),
        rss_mb: Math.round(Math.max(...runs.map((r) => r.rssMb ?? 0))),
        ideal_http_rps: Math.round(ideal),
        raw_sql_rps: Math.round(rawSql),
        ceiling_rps: Math.round(ceiling),
        ...(runs.some((r) => r.offered) ? { offered_rps: Math.round(median(runs.map((r) => r.offered))) } : {}),
      });
    }
  }
  const ratio = (a, b) => (a === null || !b ? '—' : `${(a / b).toFixed(2)}`);
  const lines = [
    '| procedure | conn. | req/s | p50 ms | p99 ms | errors | peak RSS MB | ÷ node:http same work | ÷ in-process SQL | ÷ ceiling |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      r.rps === null
        ? `| ${r.name} | ${r.connections} | — | — | — | — | — | — | — | — |`
        : r.offered_rps
          ? `| ${r.name} (${r.offered_rps.toLocaleString('en')} req/s offered) | ${r.connections} | ${r.rps.toLocaleString('en')} | ${r.p50_ms} | ${r.p99_ms} | ${r.errors} | ${r.rss_mb} | — | — | — |`
          : `| ${r.name} | ${r.connections} | ${r.rps.toLocaleString('en')} | ${r.p50_ms} | ${r.p99_ms} | ${r.errors} | ${r.rss_mb} | ${ratio(r.rps, r.ideal_http_rps)} | ${ratio(r.rps, r.raw_sql_rps)} | ${ratio(r.rps, r.ceiling_rps)} |`,
    ),
  ];

  // 6. The inbox query's plan at this size, in the tenant context the procedure uses.
  const plan = await sql.begin(async (tx) => {
    const [user] = await tx`select id, role, municipality_id from app_user where email = ${accountEmail(main.slug, 'intake')}`;
    await tx`select set_config('app.municipality_id', ${user.municipality_id}, true), set_config('app.organisation_id', '', true),
      set_config('app.user_id', ${user.id}, true), set_config('app.role', ${user.role}, true), set_config('role', 'utvag_app', true)`;
    const explain = await tx.unsafe(
      `explain (analyze, buffers)
       select r.id, r.reference, r.kind, r.status, r.urgency, r.threat_or_protection_need, r.received_at, o.name, o.type,
              p.first_name, p.last_name, p.birth_date, p.identity_number, p.id, p.protected_identity
       from referral r join person p on p.id = r.person_id left join organisation o on o.id = r.source_organisation_id
       where r.municipality_id = $1 and r.status in ($2, $3) order by r.inbox_rank asc, r.received_at asc, r.id asc limit $4`,
      [user.municipality_id, 'submitted', 'underReview', 51],
    );
    return explain.map((row) => row['QUERY PLAN']).join('\n');
  });

  // Fewer when one report takes seconds (1M cases): the median of 5 still says what a manager waits.
  // After the database is idle again (the report row's own requests may still run), and never at the cost of the
  // measurements already taken: a failure here is reported, not thrown.
  await waitForIdleDatabase(monitor, 600);
  const reportTime = await report
    .timeReport(options.cases >= 1_000_000 ? 5 : 20, options.cases >= 1_000_000 ? 1 : 3, options.cases >= 1_000_000 ? 5 : 10)
    .catch((error) => ({ preset: '—', runs: 0, median_ms: null, max_ms: null, error: String(error?.cause ?? error) }));

  const busy = raw.map((r) => r.busyBefore).filter((v) => v !== null && v !== undefined);
  const machine = {
    date: new Date().toISOString(),
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: pgVersion.split(',')[0],
    server: serverNote,
    loadAverage: os.loadavg(),
    medianBusyBeforeMeasurements: busy.length ? median(busy) : null,
  };
  const resultsDir = path.join(repoRoot, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);
  const details = { machine, options, data: { ...data, url: undefined }, rows, raw, inboxPlan: plan, reportTime, figuresJob };
  fs.writeFileSync(path.join(resultsDir, `run-${options.cases}.json`), `${JSON.stringify(details, null, 2)}\n`);

  log('');
  log(`## ${options.cases.toLocaleString('en')} cases — ${machine.date.slice(0, 10)}, ${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.postgres}`);
  if (busy.length && median(busy) > 0.1) {
    log(`WARNING: the machine was ${Math.round(median(busy) * 100)} % busy (median) just before the measurements, with none of ours running: other work shares the CPUs and lowers every row.`);
  }
  log(`Data ${data.reused ? 'reused' : 'generated'} (generation took ${data.seconds} s); ${options.duration} s per measurement after ${options.warmup} s warm-up; ${options.runs > 1 ? `medians of ${options.runs} runs` : 'one run'}.`);
  log('');
  log(lines.join('\n'));
  log('');
  log('Inbox query plan (EXPLAIN (ANALYZE, BUFFERS), as the intake user of the largest municipality):');
  log(plan.split('\n').map((line) => `    ${line}`).join('\n'));
  log('');
  log(
    reportTime.error
      ? `Half-year report: the one-after-the-other timing failed (${reportTime.error}).`
      : `Half-year report ${reportTime.preset}, one request after the other: stored figures (after the nightly job) median ` +
          `${reportTime.median_ms} ms, max ${reportTime.max_ms} ms (${reportTime.runs} runs); computed live (stored figures ` +
          `deleted before each request) median ${reportTime.live.median_ms} ms, max ${reportTime.live.max_ms} ms (${reportTime.live.runs} runs).`,
  );
  log(`Peak RSS over the whole run (VmHWM): staff ${Math.round(memoryOf(staff.pid, 'VmHWM'))} MB, partner ${Math.round(memoryOf(partner.pid, 'VmHWM'))} MB.`);
  log(`Wrote bench/results/latest.json and bench/results/run-${options.cases}.json. Total ${seconds(performance.now() - startedAt)} s.`);

  await Promise.all([sql.end({ timeout: 5 }), monitor.end({ timeout: 5 })]);
}

main()
  .then(() => cleanup())
  .catch(async (error) => {
    console.error(`\nnpm run bench failed: ${error.stack ?? error.message}`);
    await cleanup();
    process.exit(1);
  });
