// Expiry notices (issue 6 item 3): a nightly pg-boss job tells the case's case worker in-app when the police's
// threat assessment is about to run out (N days before its last valid day, N configurable, default 14) and once
// when it has. The notice names the kind and the request's reference only, like every notification. Each notice is
// recorded per answer and kind, so it goes out once however often the job runs; a later request on the case (a
// renewal) silences it.
import {
  claimAssessmentNotice,
  inTenantTransaction,
  insertAuditEntry,
  insertNotifications,
  listAssessmentsNearExpiry,
  listMunicipalityIds,
  type Database,
} from '@utvag/db';
import { addDays, assessmentExpiryNotice, assessmentExpiryNoticeDays, calendarDateInSweden } from '@utvag/domain';
import { startNightlyJob } from '../nightly-job.ts';

export const assessmentExpiryQueue = 'police-assessment-expiry';
/** 06:45 every morning, Swedish time: the notice is there when the working day starts. */
export const assessmentExpirySchedule = '45 6 * * *';

const kindOf = { expiring: 'assessmentExpiring', expired: 'assessmentExpired' } as const;

/** The job: every municipality, in its own transaction with no user (row-level security applies). */
export async function sendAssessmentExpiryNotices(db: Database, now = new Date(), daysBefore = assessmentExpiryNoticeDays) {
  const today = calendarDateInSweden(now);
  let sent = 0;
  for (const municipalityId of await listMunicipalityIds(db)) {
    sent += await inTenantTransaction(
      db,
      { municipalityId, organisationId: null, userId: '00000000-0000-0000-0000-000000000000', role: 'system' },
      async (tx) => {
        const rows = await listAssessmentsNearExpiry(tx, { municipalityId, from: addDays(today, -daysBefore), to: addDays(today, daysBefore) });
        let n = 0;
        for (const row of rows) {
          const notice = assessmentExpiryNotice(row.validUntil, today, daysBefore);
          // Without a recipient nothing is claimed: the notice goes out once someone is responsible again.
          if (!notice || !row.recipientUserId) continue;
          if (!(await claimAssessmentNotice(tx, { municipalityId, assessmentId: row.assessmentId, kind: notice }))) continue;
          await insertNotifications(tx, {
            municipalityId,
            recipientUserIds: [row.recipientUserId],
            kind: kindOf[notice],
            referralId: null,
            reference: row.reference,
            linkPath: `/arenden/${row.caseId}/hotbedomning`,
          });
          await insertAuditEntry(tx, { municipalityId, action: 'assessment.expiryNotice', recordType: 'policeAssessment', recordId: row.assessmentId });
          n++;
        }
        return n;
      },
    );
  }
  return sent;
}

export function startAssessmentExpiryJobs(opts: { connectionString: string; db: Database; schedule?: boolean; daysBefore?: number }) {
  const work = () => sendAssessmentExpiryNotices(opts.db, new Date(), opts.daysBefore);
  return startNightlyJob({ ...opts, queue: assessmentExpiryQueue, cron: assessmentExpirySchedule, work });
}
