// Shared by scripts/start.mjs, scripts/test.mjs and scripts/create-admin.mjs. Plain JavaScript with no
// dependencies: it runs on a fresh machine that has only Node and npm, before anything is installed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pnpm, pnpmEnv } from '../pnpm.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const apps = ['staff', 'partner'];
export const appEntry = (app) => path.join(repoRoot, 'apps', app, 'build', 'index.js');
/**
 * Node options every portal runs with (npm start, the benchmark; a deployment's unit file should use the same).
 * The old generation is capped at 192 MB: a portal's live heap is 50–60 MB, and without a cap V8 lets it grow to
 * about 3.4× that under load before it collects, which took the staff portal to 330 MB resident in the 1M benchmark
 * (target: under 300 MB). With the cap it stays under 190 MB at a cost in GC time that was within the noise of the
 * A/B runs in docs/performance.md ("The heap cap"). No request holds more than a page of data, so the cap is far
 * above what any request needs.
 */
export const portalNodeOptions = ['--max-old-space-size=192'];

export const seconds = (ms) => (ms / 1000).toFixed(1);

/** Loads `<repo>/.env` when present; variables already set in the environment win. */
export function loadDotEnv() {
  const file = path.join(repoRoot, '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Child processes of the current step (install, build), so a signal handler can stop them. */
export const steps = new Set();
const track = (child) => {
  steps.add(child);
  child.on('exit', () => steps.delete(child));
};

/**
 * `pnpm install --frozen-lockfile` when node_modules is missing or the lockfile is newer than the installed one.
 * @returns {Promise<boolean>} whether it installed
 */
export async function ensureInstalled(log = console.log) {
  const installed = path.join(repoRoot, 'node_modules', '.pnpm', 'lock.yaml');
  const installedAt = mtime(installed);
  const lockAt = mtime(path.join(repoRoot, 'pnpm-lock.yaml'));
  if (installedAt !== null && (lockAt === null || lockAt <= installedAt)) return false;
  log(installedAt === null ? 'Installing dependencies…' : 'The lockfile changed: installing dependencies…');
  await pnpm(['install', '--frozen-lockfile'], { onSpawn: track });
  // pnpm may leave the file as it was when nothing changed: mark this lockfile as installed.
  if (fs.existsSync(installed)) {
    const now = new Date();
    fs.utimesSync(installed, now, now);
  }
  return true;
}

const SKIP_DIRS = new Set(['node_modules', 'build', '.svelte-kit', '.turbo', 'dist', 'coverage', 'test-results']);
const SKIP_FILES = /\.(test|spec)\.[cm]?[jt]s$/;

/** The newest modification time of the files the app builds depend on. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(full);
      } else if (entry.isFile() && !SKIP_FILES.test(entry.name)) {
        newest = Math.max(newest, mtime(full) ?? 0);
      }
    }
  };
  for (const app of apps) walk(path.join(repoRoot, 'apps', app));
  for (const group of ['packages', 'tooling']) {
    for (const name of fs.existsSync(path.join(repoRoot, group)) ? fs.readdirSync(path.join(repoRoot, group)) : []) {
      walk(path.join(repoRoot, group, name));
    }
  }
  for (const file of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'turbo.json', 'tsconfig.base.json']) {
    newest = Math.max(newest, mtime(path.join(repoRoot, file)) ?? 0);
  }
  return newest;
}

/** Why the apps need a build, or null when both builds are newer than every source file. */
export function buildReason() {
  const builtAt = apps.map((app) => mtime(appEntry(app)));
  if (builtAt.some((at) => at === null)) return 'no build yet';
  return newestSource() > Math.min(...builtAt) ? 'sources changed since the last build' : null;
}

/**
 * Builds both apps (and what they depend on) with turbo when a build is missing or sources are newer.
 * @returns {Promise<boolean>} whether it built
 */
export async function ensureBuilt(log = console.log) {
  const reason = buildReason();
  if (!reason) return false;
  log(`Building the apps (${reason}; this takes about 20 s)…`);
  await pnpm(
    ['exec', 'turbo', 'run', 'build', '--filter=@utvag/staff', '--filter=@utvag/partner', '--output-logs=errors-only'],
    { env: pnpmEnv({ TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' }), onSpawn: track },
  );
  for (const app of apps) {
    if (!fs.existsSync(appEntry(app))) throw new Error(`the build did not produce ${path.relative(repoRoot, appEntry(app))}`);
    // turbo may replay a cached build without touching the files: mark them as built now.
    const now = new Date();
    fs.utimesSync(appEntry(app), now, now);
  }
  return true;
}

let tsxRegistered = false;

/** Imports a TypeScript module of the workspace (tsx's loader is registered on first use). */
export async function importTs(relativePath) {
  if (!tsxRegistered) {
    const { register } = await import('tsx/esm/api');
    register();
    tsxRegistered = true;
  }
  return import(pathToFileURL(path.join(repoRoot, relativePath)).href);
}

/** A URL with its password replaced, for printing. */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '*****';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** Rows as an aligned text table. */
export function table(headers, rows) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Waits for a child process to exit; sends SIGKILL after `ms`. */
export function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
