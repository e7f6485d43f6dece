// Changing a case: assignment, details (age-band reason, gender), the programme bridge (SIG → exit programme,
// DOMAIN.md §3), closing and reopening. Each change names the version it read; a stale one is refused with what
// changed. Each change leaves a case event (the timeline's status changes) with the version it produced.
import { insertCaseEvent, listAssignableStaff, listUnits, updateCase, updatePersonGender, type CaseChanges, type CaseRow, type Tx } from '@utvag/db';
import {
  canChangeCaseStatus,
  type CaseAssignInput,
  type CaseCloseInput,
  type CaseDetailsInput,
  type CaseProgrammeInput,
  type CaseReopenInput,
} from '@utvag/domain';
import { AppError, invalidTransition } from '../errors.ts';
import { caseConflict, withCase, type StaffContext } from './access.ts';

/** Applies `set` at the expected version and records the event; returns the new version. */
export async function changeCase(
  tx: Tx,
  ctx: StaffContext,
  c: CaseRow,
  expectedVersion: number,
  kind: string,
  set: CaseChanges,
  data: Record<string, unknown> = {},
) {
  if (c.case.version !== expectedVersion) throw await caseConflict(tx, c, expectedVersion);
  const updated = await updateCase(tx, { id: c.case.id, municipalityId: c.case.municipalityId, expectedVersion, set });
  if (!updated) throw await caseConflict(tx, c, expectedVersion);
  await insertCaseEvent(tx, {
    municipalityId: c.case.municipalityId,
    caseId: c.case.id,
    kind,
    data: { changed: Object.keys(set), ...data, version: updated.version },
    actorUserId: ctx.user.id,
  });
  return { id: updated.id, version: updated.version, status: updated.status };
}

const invalidAssignee = (field: string) =>
  new AppError('BAD_REQUEST', 'error.badRequest', { [field]: { key: 'validation.invalidOption' } });

export async function assignCase(ctx: StaffContext, input: CaseAssignInput) {
  return withCase(
    ctx,
    'case.assign',
    input.caseId,
    async (tx, c) => {
      const [staff, units] = await Promise.all([listAssignableStaff(tx, ctx.user.municipalityId), listUnits(tx, ctx.user.municipalityId)]);
      // Only the municipality's own units and case staff; a coordinator is named from coordinators and managers.
      if (input.unitId && !units.some((u) => u.id === input.unitId)) throw invalidAssignee('unitId');
      if (input.responsibleUserId && !staff.some((s) => s.id === input.responsibleUserId)) throw invalidAssignee('responsibleUserId');
      const coordinators = staff.filter((s) => s.role === 'coordinator' || s.role === 'unitManager');
      if (input.coordinatorUserId && !coordinators.some((s) => s.id === input.coordinatorUserId)) throw invalidAssignee('coordinatorUserId');
      const set: CaseChanges = {};
      if ((input.unitId ?? null) !== c.case.unitId) set.unitId = input.unitId ?? null;
      if ((input.responsibleUserId ?? null) !== c.case.responsibleUserId) set.responsibleUserId = input.responsibleUserId ?? null;
      if ((input.coordinatorUserId ?? null) !== c.case.coordinatorUserId) set.coordinatorUserId = input.coordinatorUserId ?? null;
      return changeCase(tx, ctx, c, input.expectedVersion, 'assigned', set);
    },
    { write: true, requireActive: true },
  );
}

export async function updateCaseDetails(ctx: StaffContext, input: CaseDetailsInput) {
  return withCase(
    ctx,
    'case.edit',
    input.caseId,
    async (tx, c) => {
      const set: CaseChanges = {};
      if ((input.ageBandReason ?? null) !== c.case.ageBandReason) set.ageBandReason = input.ageBandReason ?? null;
      const genderChanged = input.gender !== undefined && input.gender !== c.person.gender;
      const result = await changeCase(tx, ctx, c, input.expectedVersion, 'detailsChanged', set, {
        changed: [...Object.keys(set), ...(genderChanged ? ['gender'] : [])],
      });
      if (genderChanged && input.gender) {
        await updatePersonGender(tx, { id: c.person.id, municipalityId: c.case.municipalityId, gender: input.gender });
      }
      return result;
    },
    { write: true },
  );
}

/** The bridge (§3): the same case passes to another programme and keeps its whole history. */
export async function changeProgramme(ctx: StaffContext, input: CaseProgrammeInput) {
  return withCase(
    ctx,
    'case.changeProgramme',
    input.caseId,
    async (tx, c) => {
      if (input.programme === c.case.programme) {
        throw new AppError('BAD_REQUEST', 'error.badRequest', { programme: { key: 'validation.invalidOption' } });
      }
      return changeCase(tx, ctx, c, input.expectedVersion, 'programmeChanged', { programme: input.programme }, {
        from: c.case.programme,
        to: input.programme,
        reason: input.reason,
      });
    },
    { write: true, requireActive: true },
  );
}

export async function closeCase(ctx: StaffContext, input: CaseCloseInput) {
  return withCase(
    ctx,
    'case.close',
    input.caseId,
    async (tx, c) => {
      if (!canChangeCaseStatus(c.case.status, 'closed')) throw invalidTransition();
      const terminationReason = input.outcome === 'terminated' ? (input.terminationReason ?? null) : null;
      return changeCase(
        tx,
        ctx,
        c,
        input.expectedVersion,
        'closed',
        { status: 'closed', closedAt: new Date(), closingOutcome: input.outcome, terminationReason, closingNote: input.note ?? null },
        { outcome: input.outcome, ...(terminationReason ? { terminationReason } : {}) },
      );
    },
    { write: true },
  );
}

/** Reopening keeps the earlier closing in the history (its event) and clears it from the case. */
export async function reopenCase(ctx: StaffContext, input: CaseReopenInput) {
  return withCase(
    ctx,
    'case.reopen',
    input.caseId,
    async (tx, c) => {
      if (!canChangeCaseStatus(c.case.status, 'reopened')) throw invalidTransition();
      return changeCase(
        tx,
        ctx,
        c,
        input.expectedVersion,
        'reopened',
        { status: 'reopened', reopenedAt: new Date(), closedAt: null, closingOutcome: null, terminationReason: null, closingNote: null },
        { reason: input.reason, previousOutcome: c.case.closingOutcome ?? '' },
      );
    },
    { write: true },
  );
}
