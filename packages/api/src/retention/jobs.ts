// The nightly retention dry run on a job queue (packages/api nightly-job.ts). It only proposes: culling waits
// for a unit manager's approval.
import type { Database } from '@utvag/db';
import { startNightlyJob } from '../nightly-job.ts';
import { proposeRetentionRuns } from './runs.ts';

export const retentionQueue = 'retention-dry-run';
/** 02:30 every night, Swedish time. */
export const retentionSchedule = '30 2 * * *';

export function startRetentionJobs(opts: { connectionString: string; db: Database; schedule?: boolean }) {
  const work = () => proposeRetentionRuns(opts.db);
  return startNightlyJob({ ...opts, queue: retentionQueue, cron: retentionSchedule, work });
}
