// The nightly retention dry run on a job queue (pg-boss 10: kept in PostgreSQL, cron schedules with a time zone,
// one worker at a time across processes; version 10 because 11+ need Node 22). It only proposes: culling waits
// for a unit manager's approval.
import type { Database } from '@utvag/db';
import PgBoss from 'pg-boss';
import { proposeRetentionRuns } from './runs.ts';

export const retentionQueue = 'retention-dry-run';
/** 02:30 every night, Swedish time. */
export const retentionSchedule = '30 2 * * *';

export async function startRetentionJobs(opts: { connectionString: string; db: Database; schedule?: boolean }) {
  const boss = new PgBoss({ connectionString: opts.connectionString, max: 2 });
  boss.on('error', () => undefined); // surfaced through the job's state; never logs job data
  await boss.start();
  await boss.createQueue(retentionQueue);
  if (opts.schedule !== false) await boss.schedule(retentionQueue, retentionSchedule, {}, { tz: 'Europe/Stockholm' });
  await boss.work(retentionQueue, async () => {
    await proposeRetentionRuns(opts.db);
  });
  return boss;
}
