// Files one intake item of any source, the one way in: registers (or finds) the person, takes a reference
// number, ranks the item for the inbox, deletes the author's draft of the same form, and returns the receipt.
// Idempotent: the same key from the same user returns the first receipt; the same key with another body is
// refused (issue 5), so a reused form never silently swallows new information.
import { createHash } from 'node:crypto';
import {
  deleteDraft,
  findOrInsertPerson,
  findReferralByIdempotencyKey,
  insertReferral,
  isUniqueViolation,
  nextReferralSequence,
  type NewReferral,
} from '@utvag/db';
import {
  ageAt,
  birthDateFromDigits,
  inboxRank,
  isChild,
  isUrgentIntake,
  partnerFeedback,
  referenceNumber,
  referenceYear,
  type PersonInput,
} from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, SessionUser } from '../context.ts';
import { idempotencyKeyReused } from '../errors.ts';
import { notifyIntakeOfUrgent } from '../intake/notify.ts';
import type { Action } from '../permissions.ts';

export interface Receipt {
  id: string;
  reference: string;
  receivedAt: string;
  feedback: ReturnType<typeof partnerFeedback>;
}

type ReceiptRow = { id: string; reference: string; receivedAt: Date; status: Parameters<typeof partnerFeedback>[0]; inputHash: string | null };

const toReceipt = (r: ReceiptRow): Receipt => ({
  id: r.id,
  reference: r.reference,
  receivedAt: r.receivedAt.toISOString(),
  feedback: partnerFeedback(r.status),
});

/** JSON with sorted keys, so the same input always hashes the same. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const inputHashOf = (input: object) => createHash('sha256').update(canonical(input)).digest('hex');

/** What a source's form adds to the common referral row. */
export type ReferralFields = Omit<
  NewReferral,
  'id' | 'municipalityId' | 'reference' | 'sourceOrganisationId' | 'submittedByUserId' | 'idempotencyKey' | 'inputHash' | 'personId' | 'inboxRank' | 'childAtReceipt'
>;

export interface Filing {
  action: Action;
  idempotencyKey: string;
  person: PersonInput;
  /** The validated input, for the idempotency fingerprint. */
  input: object;
  fields: ReferralFields;
  /** Flags that make the item outrank others in the inbox (protection need). */
  protectionNeed: boolean;
}

function wasChild(person: PersonInput, kind: NewReferral['kind'], at: Date): boolean {
  if (kind === 'concernReport') return true;
  const birthDate = person.birthDate ?? (person.identityNumber ? birthDateFromDigits(person.identityNumber) : undefined);
  return birthDate ? isChild(ageAt(birthDate, at)) : false;
}

function answerRepeat(existing: ReceiptRow, hash: string): Receipt {
  if (existing.inputHash !== null && existing.inputHash !== hash) throw idempotencyKeyReused();
  return toReceipt(existing);
}

export async function fileReferral(ctx: Context & { user: SessionUser }, f: Filing): Promise<Receipt> {
  const { user } = ctx;
  const hash = inputHashOf(f.input);
  try {
    return await audited(ctx, f.action, async (tx) => {
      const existing = await findReferralByIdempotencyKey(tx, user.id, f.idempotencyKey);
      if (existing) return { result: answerRepeat(existing, hash), record: { recordType: 'referral', recordId: existing.id } };
      const personId = await findOrInsertPerson(tx, user.municipalityId, {
        firstName: f.person.firstName,
        lastName: f.person.lastName,
        identityNumber: f.person.identityNumber ?? null,
        birthDate: f.person.birthDate ?? null,
      });
      const receivedAt = f.fields.receivedAt ?? new Date();
      const child = wasChild(f.person, f.fields.kind, receivedAt);
      const sequence = await nextReferralSequence(tx);
      const row = await insertReferral(tx, {
        ...f.fields,
        receivedAt,
        municipalityId: user.municipalityId,
        reference: referenceNumber(referenceYear(new Date()), sequence),
        sourceOrganisationId: user.organisationId,
        submittedByUserId: user.id,
        idempotencyKey: f.idempotencyKey,
        inputHash: hash,
        personId,
        childAtReceipt: child,
        inboxRank: inboxRank({ protectionNeed: f.protectionNeed, child }),
      });
      await deleteDraft(tx, { userId: user.id, idempotencyKey: f.idempotencyKey });
      if (isUrgentIntake({ protectionNeed: f.protectionNeed, urgency: f.fields.urgency ?? 'normal' })) {
        await notifyIntakeOfUrgent(tx, { municipalityId: user.municipalityId, id: row.id, reference: row.reference });
      }
      return { result: toReceipt({ ...row, inputHash: hash }), record: { recordType: 'referral', recordId: row.id, subjectIds: [personId] } };
    });
  } catch (error) {
    // Two concurrent retries: the loser's transaction rolled back whole; answer with the winner's receipt.
    if (isUniqueViolation(error)) {
      return audited(ctx, f.action, async (tx) => {
        const winner = await findReferralByIdempotencyKey(tx, user.id, f.idempotencyKey);
        if (!winner) throw error;
        return { result: answerRepeat(winner, hash), record: { recordType: 'referral', recordId: winner.id } };
      });
    }
    throw error;
  }
}
