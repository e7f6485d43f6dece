// SQL for the nightly expiry notices about police assessments (packages/api police-assessment/expiry.ts). Runs in
// the municipality's transaction with no user (row-level security applies); reads no free text.
import { sql } from 'drizzle-orm';
import type { AssessmentNoticeKind } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { policeAssessmentNotice } from '../schema/index.ts';

export interface ExpiringAssessmentRow {
  assessmentId: string;
  caseId: string;
  validUntil: string;
  reference: string;
  /** The case's responsible case worker, else whoever asked; null when that account is disabled. */
  recipientUserId: string | null;
}

/**
 * Answers on open cases whose last valid day lies between `from` and `to`, and that still matter: no later
 * request on the case (a renewal asked for or answered) other than a withdrawn one.
 */
export async function listAssessmentsNearExpiry(db: Executor, q: { municipalityId: string; from: string; to: string }): Promise<ExpiringAssessmentRow[]> {
  const rows = await db.execute<{ assessment_id: string; case_id: string; valid_until: string; reference: string; recipient: string | null }>(sql`
    select a.id as assessment_id, a.case_id, a.valid_until::text as valid_until, r.reference,
      (select u.id from app_user u
        where u.id = coalesce(c.responsible_user_id, r.requested_by_user_id) and u.kind = 'staff' and u.disabled_at is null) as recipient
    from police_assessment a
    join police_assessment_request r on r.id = a.request_id
    join "case" c on c.id = a.case_id
    where a.municipality_id = ${q.municipalityId}
      and a.valid_until between ${q.from} and ${q.to}
      and c.status in ('open', 'reopened')
      and not exists (
        select 1 from police_assessment_request later
        where later.case_id = a.case_id and later.id <> r.id and later.requested_at > r.requested_at and later.status <> 'withdrawn'
      )
    order by a.valid_until, a.id`);
  return rows.map((r) => ({ assessmentId: r.assessment_id, caseId: r.case_id, validUntil: r.valid_until, reference: r.reference, recipientUserId: r.recipient }));
}

/** Records that the notice went out; false when it already had (the unique index makes the job idempotent). */
export async function claimAssessmentNotice(db: Executor, q: { municipalityId: string; assessmentId: string; kind: AssessmentNoticeKind }) {
  const rows = await db.insert(policeAssessmentNotice).values(q).onConflictDoNothing().returning({ id: policeAssessmentNotice.id });
  return rows.length === 1;
}
