// Test databases carry the pid of the run that made them, so a later run can drop those of runs that died
// (Ctrl-C in vitest skips teardown: ../shared/STACK.md trap 12).
import { randomBytes } from 'node:crypto';

export const templatePrefix = 'utvag_tpl_';
export const clonePrefix = 'utvag_t_';

export function databaseName(prefix: string, ownerPid: number) {
  return `${prefix}${ownerPid}_${randomBytes(4).toString('hex')}`;
}

export function ownerPidOf(name: string): number | undefined {
  const match = /^utvag_(?:tpl|t)_(\d+)_/.exec(name);
  return match ? Number(match[1]) : undefined;
}

export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The same server, another database: changes only the URL's path, through the URL parser. */
export function urlForDatabase(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
