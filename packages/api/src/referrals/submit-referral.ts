// One submission per source (issue 5), each mapping its own form onto the common referral row. The shared
// work (person, reference, rank, idempotency, audit) is in file-referral.ts.
import type {
  ConcernReportInput,
  PoliceReferralInput,
  ProbationReferralInput,
  StaffIntakeInput,
} from '@utvag/domain';
import type { Context, PartnerUser, StaffUser } from '../context.ts';
import { fileReferral, type Receipt } from './file-referral.ts';

export type { Receipt };

const contactOf = (c: { name: string; phone: string; email: string }) => ({
  contactName: c.name,
  contactPhone: c.phone,
  contactEmail: c.email,
});

/** The police: the person, why, threat or protection need, whether the person wants out, urgency. */
export function submitReferral(ctx: Context & { user: PartnerUser }, input: PoliceReferralInput): Promise<Receipt> {
  return fileReferral(ctx, {
    action: 'referral.submit',
    idempotencyKey: input.idempotencyKey,
    person: input.person,
    input,
    protectionNeed: input.threatOrProtectionNeed || input.urgency === 'immediate',
    fields: {
      kind: 'referral',
      reason: input.reason,
      urgency: input.urgency,
      threatOrProtectionNeed: input.threatOrProtectionNeed,
      personWantsOut: input.personWantsOut,
      consentToContact: input.consentToContact,
      ...contactOf(input.contact),
    },
  });
}

/** The probation service: release or supervision dates, the person's stated motivation, the probation contact. */
export function submitProbationReferral(ctx: Context & { user: PartnerUser }, input: ProbationReferralInput): Promise<Receipt> {
  return fileReferral(ctx, {
    action: 'probationReferral.submit',
    idempotencyKey: input.idempotencyKey,
    person: input.person,
    input,
    protectionNeed: input.urgency === 'immediate',
    fields: {
      kind: 'referral',
      reason: input.reason,
      statedMotivation: input.statedMotivation,
      // The person stated a motivation in their own words: that is saying they want out.
      personWantsOut: true,
      releaseDate: input.releaseDate ?? null,
      supervisionEndDate: input.supervisionEndDate ?? null,
      urgency: input.urgency,
      consentToContact: input.consentToContact,
      ...contactOf(input.contact),
    },
  });
}

/** A school's concern report about a child (§10): the reporter is the signed-in account, never anonymous. */
export function submitConcernReport(ctx: Context & { user: PartnerUser }, input: ConcernReportInput): Promise<Receipt> {
  const guardians = [input.guardian1, input.guardian2].filter((g) => g !== undefined);
  return fileReferral(ctx, {
    action: 'concernReport.submit',
    idempotencyKey: input.idempotencyKey,
    person: input.child,
    input,
    // §10: suspected violence at home goes straight to investigation, so it ranks with a protection need.
    protectionNeed: input.threatOrProtectionNeed || input.suspectedViolenceAtHome || input.urgency === 'immediate',
    fields: {
      kind: 'concernReport',
      reason: input.observation,
      schoolName: input.schoolName,
      schoolClass: input.schoolClass ?? null,
      guardians: guardians.map((g) => (g.phone ? { name: g.name, phone: g.phone } : { name: g.name })),
      guardiansInformed: input.guardiansInformed,
      suspectedViolenceAtHome: input.suspectedViolenceAtHome,
      threatOrProtectionNeed: input.threatOrProtectionNeed,
      urgency: input.urgency,
      ...contactOf(input.contact),
    },
  });
}

/** A self-application or a guardian's call, written down by staff with how and when it came in. */
export function registerStaffIntake(ctx: Context & { user: StaffUser }, input: StaffIntakeInput): Promise<Receipt> {
  return fileReferral(ctx, {
    action: 'intake.register',
    idempotencyKey: input.idempotencyKey,
    person: input.person,
    input,
    protectionNeed: input.threatOrProtectionNeed || input.urgency === 'immediate',
    fields: {
      kind: 'selfApplication',
      receivedAt: input.receivedAt,
      intakeChannel: input.channel,
      applicant: input.applicant,
      reason: input.reason,
      urgency: input.urgency,
      threatOrProtectionNeed: input.threatOrProtectionNeed,
      personWantsOut: input.personWantsOut,
      consentToContact: input.consentToContact,
      contactName: input.contact.name ?? null,
      contactPhone: input.contact.phone ?? null,
      contactEmail: null,
    },
  });
}
