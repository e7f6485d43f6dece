// Creating and dropping whole databases on the test server. Names are generated here, never taken from input.
import postgres from 'postgres';
import { clonePrefix, isAlive, ownerPidOf, templatePrefix } from './names.ts';

export function adminClient(serverUrl: string) {
  return postgres(serverUrl, { max: 1, onnotice: () => {} });
}

export async function dropDatabase(admin: postgres.Sql, name: string) {
  if (name.startsWith(templatePrefix)) {
    await admin.unsafe(`alter database "${name}" with is_template false allow_connections true`);
  }
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
}

/** Drops the test databases of runs whose process is gone. */
export async function sweepDeadRuns(admin: postgres.Sql) {
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database where datname like ${templatePrefix + '%'} or datname like ${clonePrefix + '%'}`;
  for (const { datname } of rows) {
    const pid = ownerPidOf(datname);
    if (pid === undefined || isAlive(pid)) continue;
    // Another run starting at the same moment may be sweeping the same leftover ("tuple concurrently updated",
    // or already gone): leftovers are best-effort, never a reason to fail this run.
    await dropDatabase(admin, datname).catch(() => {});
  }
}

export async function databasesOwnedBy(admin: postgres.Sql, pid: number) {
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database where datname like ${clonePrefix + pid + '\\_%'}`;
  return rows.map((r) => r.datname);
}
