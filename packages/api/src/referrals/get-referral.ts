// One referral for staff. The first time staff open a submitted referral it becomes "under review", which
// is the feedback the referring partner sees next.
import { findCaseIdForReferral, findReferralForStaff, listReferralEvents, updateReferralStatus } from '@utvag/db';
import { ageAt, partnerTimeline } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { notFound } from '../errors.ts';
import { clocksOf } from './list-inbox.ts';
import { notifySubmitter } from '../intake/notify.ts';
import { personView } from './masking.ts';

export async function getReferral(ctx: Context & { user: StaffUser }, input: { id: string }) {
  return audited(ctx, 'referral.read', async (tx) => {
    const row = await findReferralForStaff(tx, { id: input.id, municipalityId: ctx.user.municipalityId });
    if (!row) throw notFound();
    const r0 = row.referral;
    const now = new Date();
    let { status, version, reviewStartedAt } = r0;
    if (status === 'submitted') {
      const moved = await updateReferralStatus(tx, {
        id: row.referral.id,
        municipalityId: ctx.user.municipalityId,
        expectedVersion: version,
        fromStatuses: ['submitted'],
        // Kept for the partner's timeline: when their referral came under review.
        set: { status: 'underReview', reviewStartedAt: now },
      });
      if (moved) {
        ({ status, version } = moved);
        reviewStartedAt = now;
        await notifySubmitter(tx, r0);
      }
    }
    const events = await listReferralEvents(tx, { referralId: row.referral.id, municipalityId: ctx.user.municipalityId });
    const r = row.referral;
    const person = personView(row.person, 'full');
    const caseId = await findCaseIdForReferral(tx, { referralId: r.id, municipalityId: ctx.user.municipalityId });
    const result = {
      id: r.id,
      reference: r.reference,
      /** The case the triage opened (issue 6), for a link. */
      caseId,
      kind: r.kind,
      status,
      version,
      urgency: r.urgency,
      reason: r.reason,
      threatOrProtectionNeed: r.threatOrProtectionNeed,
      personWantsOut: r.personWantsOut,
      consentToContact: r.consentToContact,
      receivedAt: r.receivedAt.toISOString(),
      source: row.sourceName ? { name: row.sourceName, type: row.sourceType } : null,
      submittedByName: row.submittedByName,
      contact: { name: r.contactName, phone: r.contactPhone, email: r.contactEmail },
      child: r.childAtReceipt,
      clocks: clocksOf(r, new Date()),
      assignment: { unitId: r.assignedUnitId, userId: r.assignedUserId },
      investigationOutcome: r.investigationOutcome,
      history: events.map((e) => ({ ...e, at: e.at.toISOString(), recordedAt: e.recordedAt.toISOString() })),
      /** Exactly what the referring partner sees (issue 5: staff can see what the partner sees). */
      partnerTimeline:
        status === 'draft'
          ? []
          : partnerTimeline({ ...r, status, reviewStartedAt }).map((e) => ({ status: e.status, at: e.at.toISOString() })),
      // Source-specific details (issue 5); null where the source has none.
      probation: r.statedMotivation !== null
        ? { statedMotivation: r.statedMotivation, releaseDate: r.releaseDate, supervisionEndDate: r.supervisionEndDate }
        : null,
      school: r.schoolName !== null
        ? {
            schoolName: r.schoolName,
            schoolClass: r.schoolClass,
            guardians: r.guardians ?? [],
            guardiansInformed: r.guardiansInformed,
            suspectedViolenceAtHome: r.suspectedViolenceAtHome,
          }
        : null,
      direct: r.intakeChannel !== null ? { channel: r.intakeChannel, applicant: r.applicant } : null,
      person: { ...person, age: person.birthDate ? ageAt(person.birthDate, new Date()) : null },
      triage: r.triageDecision
        ? {
            decision: r.triageDecision,
            programme: r.triageProgramme,
            reason: r.triageReason,
            at: r.triagedAt?.toISOString() ?? null,
          }
        : null,
    };
    return { result, record: { recordType: 'referral', recordId: r.id, subjectIds: [row.person.id] } };
  });
}
