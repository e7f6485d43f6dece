// Revealing a protected identity (issue 3): only after a step-up (checked in trpc.ts for this action) and with a
// reason, which goes into the audit entry. The answer is shown once, on the page that asked; nothing is cached.
import { findReferralForStaff } from '@utvag/db';
import { ageAt, formatIdentityNumber, type RevealIdentityInput } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { notFound } from '../errors.ts';

export async function revealIdentity(ctx: Context & { user: StaffUser }, input: RevealIdentityInput) {
  return audited(ctx, 'identity.reveal', async (tx) => {
    const row = await findReferralForStaff(tx, { id: input.id, municipalityId: ctx.user.municipalityId });
    // Only a protected identity is "revealed"; anything else is shown on the referral page anyway.
    if (!row || !row.person.protectedIdentity) throw notFound();
    const p = row.person;
    const result = {
      name: `${p.firstName} ${p.lastName}`,
      identityNumber: p.identityNumber ? formatIdentityNumber(p.identityNumber) : null,
      birthDate: p.birthDate,
      age: p.birthDate ? ageAt(p.birthDate, new Date()) : null,
    };
    return {
      result,
      record: { recordType: 'person', recordId: p.id, subjectIds: [p.id], reason: input.reason },
    };
  });
}
