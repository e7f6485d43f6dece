#!/usr/bin/env node
// `npm run jobs`: the background worker. Runs the nightly retention dry run (pg-boss, 02:30 Swedish time), the
// nightly follow-up figures of completed half-years (03:00), the nightly clean-up of expired drafts, the morning notices about police assessments running out (06:45; days before
// from ASSESSMENT_EXPIRY_NOTICE_DAYS, default 14) and, when SMTP_URL is set, the e-mail delivery of notifications (every minute)
// against the database named by DATABASE_URL until stopped. Retention only proposes; culling waits for a unit manager.
import { ensureInstalled, importTs, loadDotEnv } from './lib/common.mjs';

loadDotEnv();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: name the database the jobs run against (npm start prints the embedded one).');
  process.exit(2);
}
await ensureInstalled(() => {});
const { createDatabase } = await importTs('packages/db/src/index.ts');
// Imported on its own: the job queue's driver is not something the portals should load.
const { startRetentionJobs } = await importTs('packages/api/src/retention/jobs.ts');
const { startIntakeJobs } = await importTs('packages/api/src/intake/email-delivery.ts');
const { startAssessmentExpiryJobs } = await importTs('packages/api/src/police-assessment/expiry.ts');
const { startFollowUpFigureJobs } = await importTs('packages/api/src/follow-up/figures-job.ts');
const { assessmentExpiryNoticeDaysFrom } = await importTs('packages/domain/src/index.ts');
const { createLogger } = await importTs('packages/api/src/logger.ts');
const handle = createDatabase(url, { max: 2 });
const boss = await startRetentionJobs({ connectionString: url, db: handle.db });
const noticeDays = assessmentExpiryNoticeDaysFrom(process.env.ASSESSMENT_EXPIRY_NOTICE_DAYS);
const expiry = await startAssessmentExpiryJobs({ connectionString: url, db: handle.db, daysBefore: noticeDays });
const figures = await startFollowUpFigureJobs({ connectionString: url, db: handle.db });
const intake = await startIntakeJobs({ connectionString: url, db: handle.db, log: createLogger({ service: 'jobs' }) });
console.log(
  'Jobs running: the retention dry run every night at 02:30, the follow-up figures of completed half-years at 03:00, ' +
    'the draft clean-up at 03:15 and the notices of police ' +
    `assessments running out (${noticeDays} days before) at 06:45 (Europe/Stockholm); ` +
    (intake.mailEnabled ? 'e-mail of notifications every minute (SMTP_URL).' : 'e-mail of notifications is off (no SMTP_URL).') +
    ' Stop with Ctrl+C.',
);
const stop = async () => {
  await intake.stop();
  await expiry.stop({ graceful: true, wait: true });
  await figures.stop({ graceful: true, wait: true });
  await boss.stop({ graceful: true, wait: true });
  await handle.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
