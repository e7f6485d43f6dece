// One referral for staff. The first time staff open a submitted referral it becomes "under review", which
// is the feedback the referring partner sees next.
import { findReferralForStaff, updateReferralStatus } from '@utvag/db';
import { ageAt } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { notFound } from '../errors.ts';
import { clocksOf } from './list-inbox.ts';
import { personView } from './masking.ts';

export async function getReferral(ctx: Context & { user: StaffUser }, input: { id: string }) {
  return audited(ctx, 'referral.read', async (tx) => {
    const row = await findReferralForStaff(tx, { id: input.id, municipalityId: ctx.user.municipalityId });
    if (!row) throw notFound();
    let { status, version } = row.referral;
    if (status === 'submitted') {
      const moved = await updateReferralStatus(tx, {
        id: row.referral.id,
        municipalityId: ctx.user.municipalityId,
        expectedVersion: version,
        fromStatuses: ['submitted'],
        set: { status: 'underReview' },
      });
      if (moved) ({ status, version } = moved);
    }
    const r = row.referral;
    const person = personView(row.person, 'full');
    const result = {
      id: r.id,
      reference: r.reference,
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
