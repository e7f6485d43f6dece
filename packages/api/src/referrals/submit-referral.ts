// A partner's referral: registers (or finds) the person, files the referral with a reference number, and
// returns the receipt. Idempotent: the same key from the same user returns the first receipt.
import {
  findOrInsertPerson,
  findReferralByIdempotencyKey,
  insertReferral,
  isUniqueViolation,
  nextReferralSequence,
} from '@utvag/db';
import { partnerFeedback, referenceNumber, type PoliceReferralInput } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, PartnerUser } from '../context.ts';

export interface Receipt {
  id: string;
  reference: string;
  receivedAt: string;
  feedback: ReturnType<typeof partnerFeedback>;
}

const toReceipt = (r: { id: string; reference: string; receivedAt: Date; status: Parameters<typeof partnerFeedback>[0] }): Receipt => ({
  id: r.id,
  reference: r.reference,
  receivedAt: r.receivedAt.toISOString(),
  feedback: partnerFeedback(r.status),
});

export async function submitReferral(ctx: Context & { user: PartnerUser }, input: PoliceReferralInput): Promise<Receipt> {
  const { user } = ctx;
  try {
    return await audited(ctx, 'referral.submit', async (tx) => {
      const existing = await findReferralByIdempotencyKey(tx, user.id, input.idempotencyKey);
      if (existing) return { result: toReceipt(existing), record: { recordType: 'referral', recordId: existing.id } };
      const personId = await findOrInsertPerson(tx, user.municipalityId, {
        firstName: input.person.firstName,
        lastName: input.person.lastName,
        identityNumber: input.person.identityNumber ?? null,
        birthDate: input.person.birthDate ?? null,
      });
      const sequence = await nextReferralSequence(tx);
      const row = await insertReferral(tx, {
        municipalityId: user.municipalityId,
        reference: referenceNumber(new Date().getFullYear(), sequence),
        kind: 'referral',
        sourceOrganisationId: user.organisationId,
        submittedByUserId: user.id,
        idempotencyKey: input.idempotencyKey,
        personId,
        reason: input.reason,
        urgency: input.urgency,
        threatOrProtectionNeed: input.threatOrProtectionNeed,
        personWantsOut: input.personWantsOut,
        consentToContact: input.consentToContact,
        contactName: input.contact.name,
        contactPhone: input.contact.phone,
        contactEmail: input.contact.email,
      });
      return { result: toReceipt(row), record: { recordType: 'referral', recordId: row.id, subjectIds: [personId] } };
    });
  } catch (error) {
    // Two concurrent retries: the loser's transaction rolled back whole; answer with the winner's receipt.
    if (isUniqueViolation(error)) {
      return audited(ctx, 'referral.submit', async (tx) => {
        const winner = await findReferralByIdempotencyKey(tx, user.id, input.idempotencyKey);
        if (!winner) throw error;
        return { result: toReceipt(winner), record: { recordType: 'referral', recordId: winner.id } };
      });
    }
    throw error;
  }
}
