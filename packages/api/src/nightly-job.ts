// One nightly job on a pg-boss queue (pg-boss 10: kept in PostgreSQL, cron schedules with a time zone, one worker at
// a time across processes; version 10 because 11+ need Node 22). The retention dry run, the police assessments'
// expiry notices and the follow-up figures each start theirs through this.
import PgBoss from 'pg-boss';

export interface NightlyJob {
  connectionString: string;
  queue: string;
  /** A cron expression in Swedish time. */
  cron: string;
  /** false: work the queue without scheduling it (tests send the job themselves). */
  schedule?: boolean;
  work: () => Promise<unknown>;
}

export async function startNightlyJob(job: NightlyJob): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: job.connectionString, max: 2 });
  boss.on('error', () => undefined); // surfaced through the job's state; never logs job data
  await boss.start();
  await boss.createQueue(job.queue);
  if (job.schedule !== false) await boss.schedule(job.queue, job.cron, {}, { tz: 'Europe/Stockholm' });
  await boss.work(job.queue, async () => {
    await job.work();
  });
  return boss;
}
