// Backups with PostgreSQL's own tools (issue 9 item 5): pg_dump's custom format (compressed, every schema, rows,
// row-level-security policies, grants and the audit chain's triggers) and pg_restore into an empty database.
// `npm run backup` / `npm run restore` (scripts/backup.mjs, scripts/restore.mjs) are thin wrappers around these.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

/** The role request transactions run as (migration 0002). Roles are cluster-wide, so a fresh cluster lacks it. */
const applicationRole = 'utvag_app';

interface Tool {
  path: string;
  major: number;
}

async function majorOf(binary: string): Promise<number | null> {
  try {
    const { stdout } = await run(binary, ['--version']);
    const match = /(\d+)(?:\.\d+)?/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The newest `pg_dump`/`pg_restore` on this machine: PG_BIN when set, else Debian's /usr/lib/postgresql/<n>/bin,
 * else PATH. pg_dump refuses a server newer than itself, so the caller checks the major against the server's.
 */
export async function findPgTool(name: 'pg_dump' | 'pg_restore'): Promise<Tool | null> {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(path.join(process.env.PG_BIN, name));
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    for (const version of fs.readdirSync(debian)) candidates.push(path.join(debian, version, 'bin', name));
  }
  candidates.push(name);
  let best: Tool | null = null;
  for (const candidate of candidates) {
    const major = await majorOf(candidate);
    if (major !== null && (!best || major > best.major)) best = { path: candidate, major };
  }
  return best;
}

export async function serverMajor(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`show server_version_num`;
    return Math.floor(Number(row!.v) / 10_000);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function toolFor(name: 'pg_dump' | 'pg_restore', url: string): Promise<Tool> {
  const [tool, server] = await Promise.all([findPgTool(name), serverMajor(url)]);
  if (!tool) throw new Error(`${name} not found: install PostgreSQL's client tools or set PG_BIN`);
  if (tool.major < server) {
    throw new Error(`${name} ${tool.major} cannot work with PostgreSQL ${server}: install client tools ≥ ${server} or set PG_BIN`);
  }
  return tool;
}

/** Splits a URL into libpq's environment, so the password never appears in a process list. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
}

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
  tool: string;
}

/** Writes a consistent snapshot (one repeatable-read transaction: concurrent writes go on) to `file`. */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const tool = await toolFor('pg_dump', url);
  const started = performance.now();
  const partial = `${file}.partial`;
  await run(tool.path, ['--format=custom', '--compress=6', `--file=${partial}`], { env: libpqEnv(url), maxBuffer: 1 << 24 });
  fs.renameSync(partial, file); // a crash mid-dump never leaves a file that looks complete
  return { file, bytes: fs.statSync(file).size, seconds: (performance.now() - started) / 1000, tool: `${tool.path} (${tool.major})` };
}

/**
 * Restores `file` into the empty database at `url`, in one transaction (all or nothing). Objects end up owned by
 * the restoring user (`--no-owner`: the source's owner may not exist here); grants to the application role are
 * kept, so the role is created first when this cluster lacks it.
 */
export async function restoreDatabase(url: string, file: string): Promise<{ seconds: number; tool: string }> {
  const tool = await toolFor('pg_restore', url);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    if (row!.n > 0) throw new Error('the target database is not empty: restore into a freshly created database');
    const [role] = await sql`select 1 from pg_roles where rolname = ${applicationRole}`;
    if (!role) {
      await sql.unsafe(
        `create role ${applicationRole} nologin nosuperuser nobypassrls nocreatedb nocreaterole noinherit`,
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  const started = performance.now();
  await run(tool.path, ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${decodeURIComponent(new URL(url).pathname.slice(1))}`, file], {
    env: libpqEnv(url),
    maxBuffer: 1 << 24,
  });
  return { seconds: (performance.now() - started) / 1000, tool: `${tool.path} (${tool.major})` };
}
