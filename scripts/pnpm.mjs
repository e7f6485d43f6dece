#!/usr/bin/env node
// Runs the pnpm version pinned in package.json (`packageManager`), on a machine that may have only Node and npm.
//
//   node scripts/pnpm.mjs <args…>                   (CLI; exits with pnpm's code)
//   import { pnpm } from './pnpm.mjs'; await pnpm(['install', '--frozen-lockfile']);
//
// A `pnpm` on PATH is used when its version is the pinned one. Otherwise pnpm is fetched once with
// `npx --yes pnpm@<version>` (npm's cache), and a shim directory holding a `pnpm` link to it is put first on PATH
// for every child: turbo needs a `pnpm` binary on PATH (STACK.md, traps of the two commands, 10).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

/** The pnpm version pinned by `packageManager` in the root package.json. */
export function pinnedPnpmVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const match = /^pnpm@(\d+\.\d+\.\d+)/.exec(pkg.packageManager ?? '');
  if (!match) throw new Error('package.json has no "packageManager": "pnpm@x.y.z" pin');
  return match[1];
}

function versionOf(command, env) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8', env, shell: isWindows, timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : null;
}

function pathWith(dir, env = process.env) {
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  return { ...env, [key]: `${dir}${path.delimiter}${env[key] ?? ''}` };
}

let resolved;

function isScript(file) {
  if (/\.(c|m)?js$/.test(file)) return true;
  try {
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    fs.closeSync(fd);
    return head.toString('latin1') === '#!' && /node/.test(fs.readFileSync(file, 'latin1').slice(0, 200));
  } catch {
    return false;
  }
}

/**
 * Finds a pnpm of the pinned version. Returns the command to run it with and an environment for children whose
 * PATH has a `pnpm` of that version.
 * @returns {{ command: string, prefix: string[], env: NodeJS.ProcessEnv, source: string }}
 */
export function resolvePnpm() {
  if (resolved) return resolved;
  const version = pinnedPnpmVersion();
  if (versionOf('pnpm', process.env) === version) {
    resolved = { command: 'pnpm', prefix: [], env: { ...process.env }, source: 'PATH' };
    return resolved;
  }
  // A shim directory per user and version; its `pnpm` points into npm's npx cache.
  const user = (() => {
    try {
      return String(os.userInfo().uid >= 0 ? os.userInfo().uid : os.userInfo().username);
    } catch {
      return 'user';
    }
  })();
  const shimDir = path.join(os.tmpdir(), `utvag-pnpm-${version}-${user}`);
  const shimFile = path.join(shimDir, isWindows ? 'pnpm.cmd' : 'pnpm');
  const targetFile = path.join(shimDir, 'target.txt');
  let target = null;
  // On a shared machine another user could have made this folder: trust it only when it is ours.
  if (!isWindows && fs.existsSync(shimDir)) {
    const st = fs.statSync(shimDir);
    if (st.uid !== process.getuid() || (st.mode & 0o022) !== 0) {
      throw new Error(`${shimDir} is not owned by you (or is writable by others); remove it and try again`);
    }
  }
  try {
    target = fs.readFileSync(targetFile, 'utf8').trim();
    if (!fs.existsSync(target) || !fs.existsSync(shimFile)) target = null;
  } catch {
    target = null;
  }
  if (!target) {
    process.stderr.write(`pnpm ${version} is not on PATH; fetching it with npx (once)…\n`);
    // `npx -c` runs a shell command with the package's bin directory on PATH: print where `pnpm` really is.
    const script = `node -e "process.stdout.write(require('fs').realpathSync(process.argv[1]))" "$(command -v pnpm)"`;
    const result = isWindows
      ? spawnSync('npx', ['--yes', '-p', `pnpm@${version}`, '-c', 'where pnpm'], { encoding: 'utf8', shell: true })
      : spawnSync('npx', ['--yes', '-p', `pnpm@${version}`, '-c', script], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        });
    const out = (result.stdout ?? '').trim().split(/\r?\n/)[0];
    if (result.status !== 0 || !out) {
      throw new Error(`could not get pnpm ${version} with npx (exit ${result.status}); install it with: npm i -g pnpm@${version}`);
    }
    target = out;
    if (isWindows && !target.endsWith('.cjs')) {
      // `where pnpm` gives the .cmd wrapper; the script sits beside it in node_modules.
      const cjs = path.join(path.dirname(target), 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
      if (fs.existsSync(cjs)) target = cjs;
    }
    fs.mkdirSync(shimDir, { recursive: true });
    const tmp = `${shimFile}.${process.pid}`;
    const runner = isScript(target) ? 'node ' : '';
    if (isWindows) {
      fs.writeFileSync(tmp, `@${runner}"${target}" %*\r\n`);
    } else {
      fs.writeFileSync(tmp, `#!/bin/sh\nexec ${runner}"${target}" "$@"\n`, { mode: 0o755 });
    }
    fs.renameSync(tmp, shimFile);
    fs.writeFileSync(`${targetFile}.${process.pid}`, target);
    fs.renameSync(`${targetFile}.${process.pid}`, targetFile);
  }
  const env = pathWith(shimDir);
  // pnpm 12 ships a native executable; older versions (and Windows wrappers) are JavaScript run by node.
  resolved = isScript(target)
    ? { command: process.execPath, prefix: [target], env, source: `npx cache (${shimDir})` }
    : { command: target, prefix: [], env, source: `npx cache (${shimDir})` };
  return resolved;
}

/**
 * Runs pnpm with the given arguments. Resolves with the exit code; rejects on a non-zero code unless
 * `check: false`. Signals sent to this process while pnpm runs are passed on to it.
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, stdio?: import('node:child_process').StdioOptions, check?: boolean, onSpawn?: (child: import('node:child_process').ChildProcess) => void }} [options]
 * @returns {Promise<number>}
 */
export function pnpm(args, options = {}) {
  const { command, prefix, env: baseEnv } = resolvePnpm();
  const shimPath = baseEnv.PATH ?? baseEnv.Path;
  const env = { ...baseEnv, ...(options.env ?? {}) };
  // Keep the shim first on PATH even when the caller passes its own environment.
  if (options.env && shimPath) env[Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH'] = shimPath;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], {
      cwd: options.cwd ?? repoRoot,
      env,
      stdio: options.stdio ?? 'inherit',
      shell: isWindows && command === 'pnpm',
    });
    options.onSpawn?.(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const status = code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1);
      if (status !== 0 && options.check !== false) {
        const error = new Error(`pnpm ${args.join(' ')} failed (exit ${status})`);
        error.exitCode = status;
        reject(error);
      } else {
        resolve(status);
      }
    });
  });
}

/** The environment a child needs to find the pinned `pnpm` on PATH (for turbo). */
export function pnpmEnv(extra = {}) {
  const { env } = resolvePnpm();
  return { ...env, ...extra };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  let child;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // The terminal already sends SIGINT to pnpm (same process group); pass on the others.
    process.on(sig, () => {
      if (sig !== 'SIGINT') child?.kill(sig);
    });
  }
  try {
    const code = await pnpm(process.argv.slice(2), { check: false, onSpawn: (c) => (child = c) });
    process.exit(code);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
