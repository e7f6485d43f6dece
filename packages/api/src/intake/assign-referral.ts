// Assigns a referral to a unit and/or a case worker, on the version the person read. Every change is kept in
// the referral's history (who, when, from, to), and the new assignee gets a notification.
import {
  findAssignableStaff,
  findReferralForStaff,
  findUnitOfMunicipality,
  insertReferralEvent,
  updateReferralChecked,
} from '@utvag/db';
import { sameAssignment, targetAssignment, type AssignInput } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { notify } from './notify.ts';

const badOption = (field: string) => new AppError('BAD_REQUEST', 'error.badRequest', { [field]: { key: 'validation.invalidOption' } });

export async function assignReferral(ctx: Context & { user: StaffUser }, input: AssignInput) {
  return audited(ctx, 'referral.assign', async (tx) => {
    const municipalityId = ctx.user.municipalityId;
    const row = await findReferralForStaff(tx, { id: input.referralId, municipalityId });
    if (!row) throw notFound();
    const r = row.referral;
    if (r.version !== input.expectedVersion) throw conflict();
    // Only this municipality's units and staff: an id from elsewhere is refused as a bad option, nothing written.
    const assignee = input.userId ? await findAssignableStaff(tx, { id: input.userId, municipalityId }) : undefined;
    if (input.userId && !assignee) throw badOption('userId');
    if (input.unitId && !(await findUnitOfMunicipality(tx, { id: input.unitId, municipalityId }))) throw badOption('unitId');
    const from = { unitId: r.assignedUnitId, userId: r.assignedUserId };
    const to = targetAssignment(input, assignee?.unitId ?? null);
    if (sameAssignment(from, to)) throw new AppError('CONFLICT', 'error.assignmentUnchanged');
    const updated = await updateReferralChecked(tx, {
      id: r.id,
      municipalityId,
      expectedVersion: input.expectedVersion,
      set: { assignedUnitId: to.unitId, assignedUserId: to.userId },
    });
    if (!updated) throw conflict();
    const now = new Date();
    await insertReferralEvent(tx, {
      municipalityId,
      referralId: r.id,
      kind: 'assigned',
      at: now,
      actorUserId: ctx.user.id,
      fromUnitId: from.unitId,
      toUnitId: to.unitId,
      fromUserId: from.userId,
      toUserId: to.userId,
    });
    if (to.userId && to.userId !== from.userId && to.userId !== ctx.user.id) {
      await notify(tx, { municipalityId, recipientUserIds: [to.userId], kind: 'assigned', referralId: r.id, reference: r.reference });
    }
    return {
      result: { id: r.id, version: updated.version },
      record: { recordType: 'referral', recordId: r.id, subjectIds: [row.person.id] },
    };
  });
}
