// Person matching (issue 5 item 4): people already known who may be the referral's person, and linking the
// referral to one of them. Listing candidates is a search among people and is audited as one, with every
// candidate shown named in the entry. A protected identity is never shown by name, and appears at all only to
// staff named on that person's open case.
import {
  deletePersonIfUnreferenced,
  findPersonCandidates,
  findReferralForStaff,
  insertReferralEvent,
  peopleWithOpenCaseOf,
  rejectedCandidatesOf,
  updateReferralChecked,
  type Tx,
} from '@utvag/db';
import { knownBirthDate, matchReason, type LinkPersonInput, type RejectMatchInput } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { personView } from '../referrals/masking.ts';

async function candidatesFor(tx: Tx, user: StaffUser, subject: Parameters<typeof matchReason>[0], referralId: string) {
  const found = await findPersonCandidates(tx, {
    municipalityId: user.municipalityId,
    excludePersonId: subject.id,
    identityNumber: subject.identityNumber,
    birthDate: knownBirthDate(subject),
  });
  // Candidates staff already said are someone else are not proposed again for this referral.
  const rejected = await rejectedCandidatesOf(tx, { referralId, municipalityId: user.municipalityId });
  const rows = found.filter((p) => !rejected.has(p.id));
  const protectedIds = rows.filter((p) => p.protectedIdentity).map((p) => p.id);
  const named = await peopleWithOpenCaseOf(tx, { personIds: protectedIds, userId: user.id });
  return rows.flatMap((p) => {
    const reason = matchReason(subject, p);
    if (!reason || (p.protectedIdentity && !named.has(p.id))) return [];
    return [{ id: p.id, reason, person: personView(p, 'list') }];
  });
}

export async function listPersonMatches(ctx: Context & { user: StaffUser }, input: { id: string }) {
  return audited(ctx, 'person.match', async (tx) => {
    const row = await findReferralForStaff(tx, { id: input.id, municipalityId: ctx.user.municipalityId });
    if (!row) throw notFound();
    const candidates = await candidatesFor(tx, ctx.user, row.person, row.referral.id);
    return {
      result: { candidates },
      record: { recordType: 'person', recordId: row.referral.id, subjectIds: [row.person.id, ...candidates.map((c) => c.id)] },
    };
  });
}

/**
 * The referral at the version the caller read, with `personId` one of its current candidates. Only a real candidate
 * may be linked or rejected: a forged id cannot attach a referral to anyone in the municipality.
 */
async function referralWithCandidate(
  tx: Tx,
  user: StaffUser,
  input: { referralId: string; expectedVersion: number; personId: string },
) {
  const row = await findReferralForStaff(tx, { id: input.referralId, municipalityId: user.municipalityId });
  if (!row) throw notFound();
  if (row.referral.version !== input.expectedVersion) throw conflict();
  const candidates = await candidatesFor(tx, user, row.person, row.referral.id);
  if (!candidates.some((c) => c.id === input.personId)) {
    throw new AppError('BAD_REQUEST', 'error.badRequest', { personId: { key: 'validation.invalidOption' } });
  }
  return row;
}

export async function linkPerson(ctx: Context & { user: StaffUser }, input: LinkPersonInput) {
  return audited(ctx, 'referral.linkPerson', async (tx) => {
    const municipalityId = ctx.user.municipalityId;
    const row = await referralWithCandidate(tx, ctx.user, input);
    const updated = await updateReferralChecked(tx, {
      id: row.referral.id,
      municipalityId,
      expectedVersion: input.expectedVersion,
      set: { personId: input.personId },
    });
    if (!updated) throw conflict();
    await insertReferralEvent(tx, {
      municipalityId,
      referralId: row.referral.id,
      kind: 'personLinked',
      at: new Date(),
      actorUserId: ctx.user.id,
      fromPersonId: row.person.id,
      toPersonId: input.personId,
    });
    // The person this referral registered is a duplicate now, unless something else refers to them.
    await deletePersonIfUnreferenced(tx, { id: row.person.id, municipalityId });
    return {
      result: { id: row.referral.id, version: updated.version },
      record: { recordType: 'referral', recordId: row.referral.id, subjectIds: [row.person.id, input.personId] },
    };
  });
}

/** "This candidate is not the referral's person": recorded on the version read (a stale version gets CONFLICT), so
 * the candidate is not proposed again for this referral. Only a current candidate can be rejected. */
export async function rejectMatch(ctx: Context & { user: StaffUser }, input: RejectMatchInput) {
  return audited(ctx, 'referral.rejectMatch', async (tx) => {
    const municipalityId = ctx.user.municipalityId;
    const row = await referralWithCandidate(tx, ctx.user, input);
    const updated = await updateReferralChecked(tx, { id: row.referral.id, municipalityId, expectedVersion: input.expectedVersion, set: {} });
    if (!updated) throw conflict();
    await insertReferralEvent(tx, {
      municipalityId,
      referralId: row.referral.id,
      kind: 'matchRejected',
      at: new Date(),
      actorUserId: ctx.user.id,
      fromPersonId: row.person.id,
      toPersonId: input.personId,
    });
    return {
      result: { id: row.referral.id, version: updated.version },
      record: { recordType: 'referral', recordId: row.referral.id, subjectIds: [row.person.id, input.personId] },
    };
  });
}
