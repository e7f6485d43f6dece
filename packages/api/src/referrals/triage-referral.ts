// The triage decision: open a case in a programme, pass to SIG, route to ordinary support, or "not for us"
// with a reason. Refused when someone else decided first (the version changed) or the status forbids it.
import { findReferralForStaff, insertCase, insertCaseEvent, updateReferralStatus } from '@utvag/db';
import {
  ageAt,
  canTransition,
  referralStatuses,
  statusForTriageDecision,
  type ProgrammeCode,
  type TriageDecisionInput,
} from '@utvag/domain';
import { audited } from '../audit.ts';
import { notifySubmitter } from '../intake/notify.ts';
import type { Context, StaffUser } from '../context.ts';
import { conflict, invalidTransition, notFound } from '../errors.ts';

/** The programme a decision opens a case in; "not for us" opens none. */
function programmeOf(input: TriageDecisionInput): ProgrammeCode | null {
  if (input.decision === 'openCase') return input.programme ?? null;
  if (input.decision === 'passToSig') return 'sig';
  if (input.decision === 'routeToOrdinarySupport') return 'ordinarySupport';
  return null;
}

export async function triageReferral(
  ctx: Context & { user: StaffUser },
  input: TriageDecisionInput & { expectedVersion: number },
) {
  return audited(ctx, 'referral.triage', async (tx) => {
    const row = await findReferralForStaff(tx, { id: input.referralId, municipalityId: ctx.user.municipalityId });
    if (!row) throw notFound();
    const to = statusForTriageDecision(input.decision);
    if (!canTransition(row.referral.status, to)) throw invalidTransition();
    const fromStatuses = referralStatuses.filter((s) => canTransition(s, to));
    const now = new Date();
    const updated = await updateReferralStatus(tx, {
      id: row.referral.id,
      municipalityId: ctx.user.municipalityId,
      expectedVersion: input.expectedVersion,
      fromStatuses,
      set: {
        status: to,
        triageDecision: input.decision,
        triageProgramme: input.decision === 'openCase' ? (input.programme ?? null) : null,
        triageReason: input.reason ?? null,
        triagedAt: now,
        triagedByUserId: ctx.user.id,
      },
    });
    if (!updated) throw conflict();
    await notifySubmitter(tx, row.referral);
    const programme = programmeOf(input);
    let caseId: string | null = null;
    if (programme) {
      const birthDate = row.person.birthDate;
      caseId = await insertCase(tx, {
        municipalityId: ctx.user.municipalityId,
        personId: row.person.id,
        programme,
        referralId: row.referral.id,
        // The decision clock (§9.2) runs from the first contact, or from the referral's receipt.
        firstContactAt: row.referral.firstContactAt ?? row.referral.receivedAt,
        unitId: row.referral.assignedUnitId,
        ageAtStart: birthDate ? ageAt(birthDate, now) : null,
      });
      await insertCaseEvent(tx, {
        municipalityId: ctx.user.municipalityId,
        caseId,
        kind: 'opened',
        data: { decision: input.decision, referralId: row.referral.id },
        actorUserId: ctx.user.id,
      });
    }
    return {
      result: { id: updated.id, status: updated.status, version: updated.version, caseId },
      record: { recordType: 'referral', recordId: updated.id, subjectIds: [row.person.id] },
    };
  });
}
