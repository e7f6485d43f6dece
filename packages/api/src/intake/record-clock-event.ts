// Records an event that stops an intake clock: first contact, the protective assessment of a child, or the
// decision whether to open an investigation (DOMAIN.md §10). Each is recorded once (documentation is amended,
// never overwritten), on the version the person read, with who recorded it in the referral's history.
import { findReferralForStaff, insertReferralEvent, isQualifiedSocialWorker, updateReferralChecked } from '@utvag/db';
import { clockEventApplies, clockEventProblem, needsQualifiedSocialWorker, type ClockEventInput } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { notifySubmitter } from './notify.ts';

const recordedAtColumn = {
  firstContact: 'firstContactAt',
  immediateSafetyAssessment: 'safetyAssessedAt',
  preliminaryAssessment: 'investigationDecidedAt',
} as const;

export async function recordClockEvent(ctx: Context & { user: StaffUser }, input: ClockEventInput) {
  return audited(ctx, 'referral.recordClockEvent', async (tx) => {
    const municipalityId = ctx.user.municipalityId;
    const row = await findReferralForStaff(tx, { id: input.referralId, municipalityId });
    if (!row) throw notFound();
    const r = row.referral;
    if (r.version !== input.expectedVersion) throw conflict();
    if (!clockEventApplies(r.kind, input.event)) throw new AppError('CONFLICT', 'error.clockNotApplicable');
    const column = recordedAtColumn[input.event];
    if (r[column] !== null) throw new AppError('CONFLICT', 'error.clockAlreadyRecorded');
    if (needsQualifiedSocialWorker(input.event) && !(await isQualifiedSocialWorker(tx, ctx.user.id))) {
      throw new AppError('FORBIDDEN', 'error.qualifiedSocialWorkerRequired');
    }
    const at = input.at ?? new Date();
    const problem = clockEventProblem({ receivedAt: r.receivedAt }, input, at);
    if (problem) throw new AppError('BAD_REQUEST', 'error.badRequest', { [problem.field]: { key: problem.key } });
    const decision = input.event === 'preliminaryAssessment';
    const updated = await updateReferralChecked(tx, {
      id: r.id,
      municipalityId,
      expectedVersion: input.expectedVersion,
      set: {
        [column]: at,
        // "Already open" also meets the clock (shown as done) rather than hiding it: staff see it was handled.
        ...(decision ? { investigationOutcome: input.outcome ?? null } : {}),
      },
    });
    if (!updated) throw conflict();
    await insertReferralEvent(tx, {
      municipalityId,
      referralId: r.id,
      kind: input.event,
      at,
      actorUserId: ctx.user.id,
      investigationOutcome: decision ? (input.outcome ?? null) : null,
      note: decision ? (input.delayReason ?? null) : null,
    });
    // §10: the reporter of a concern report may learn whether an investigation was opened: a status change.
    if (decision) await notifySubmitter(tx, r);
    return {
      result: { id: r.id, version: updated.version },
      record: { recordType: 'referral', recordId: r.id, subjectIds: [row.person.id] },
    };
  });
}
