// The one door to a case (issue 6). Every case procedure goes through `withCase`: the role may perform the
// action (permissions.ts), the case belongs to the caller's municipality, and the caller has a need to know
// (@utvag/domain `mayAccessCase`: unit managers, staff named on the case or of its unit, intake until the case
// is assigned). The work runs in the audited transaction as the application role, so row-level security holds
// too, and the audit entry names the case and its person. Consent, police assessments, transfer, interventions
// and plans (issues 6 and 7) call the same helper.
import { caseTransferredOut, findCase, listCaseEvents, lockCase, type CaseRow, type Tx } from '@utvag/db';
import { mayAccessCase } from '@utvag/domain';
import { audited, auditDenied } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { isAllowed, type Action } from '../permissions.ts';

export type StaffContext = Context & { user: StaffUser };

export interface CaseAccessOptions {
  /** Lock the case row for the transaction (every write does, so writers to one case take turns). */
  write?: boolean;
  /** Refuse when the case is closed (writes to the record of a closed case wait for reopening). */
  requireActive?: boolean;
}

/** The case id, or a lookup from a child record (decision, journal entry, task) inside the transaction. */
export type CaseLocator = string | ((tx: Tx) => Promise<string | undefined>);

export const caseClosed = () => new AppError('CONFLICT', 'cases.error.caseClosed');
export const caseMoved = () => new AppError('CONFLICT', 'transfer.error.caseMoved');

/** Whether the signed-in user may see the case: the same rule as the list's SQL filter. */
export function canAccess(user: StaffUser, row: CaseRow): boolean {
  return mayAccessCase({ id: user.id, role: user.role, unitId: user.unitId }, row.case);
}

export async function withCase<T>(
  ctx: StaffContext,
  action: Action,
  locate: CaseLocator,
  work: (tx: Tx, c: CaseRow) => Promise<T>,
  options: CaseAccessOptions = {},
): Promise<T> {
  // permissions.ts already guarded the procedure; checked again so a caller of this helper cannot skip it.
  if (!isAllowed(ctx.user.role, action)) throw forbidden();
  let refused = false;
  try {
    return await audited(ctx, action, async (tx) => {
      const caseId = typeof locate === 'string' ? locate : await locate(tx);
      if (!caseId) throw notFound();
      const municipalityId = ctx.user.municipalityId;
      if (options.write && !(await lockCase(tx, { id: caseId, municipalityId }))) throw notFound();
      const row = await findCase(tx, { id: caseId, municipalityId });
      if (!row) throw notFound();
      if (!canAccess(ctx.user, row)) {
        refused = true;
        throw forbidden();
      }
      if (options.requireActive && row.case.status === 'closed') throw caseClosed();
      // A case that moved to another municipality (issue 6 item 9) stays readable for the sender, never writable.
      if (options.write && (await caseTransferredOut(tx, { caseId: row.case.id, municipalityId }))) throw caseMoved();
      const result = await work(tx, row);
      return { result, record: { recordType: 'case', recordId: row.case.id, subjectIds: [row.person.id] } };
    });
  } catch (error) {
    // The refusal is on record, outside the rolled-back transaction.
    if (refused) await auditDenied(ctx, action, 'case');
    throw error;
  }
}

/**
 * A stale version: the conflict message names who changed what since the version the editor read, from the
 * case events (each records the version it produced and the fields it changed). Never a silent overwrite.
 */
export async function caseConflict(tx: Tx, c: CaseRow, expectedVersion: number): Promise<AppError> {
  const events = await listCaseEvents(tx, { caseId: c.case.id, municipalityId: c.case.municipalityId, afterVersion: expectedVersion });
  const changes = [...new Set(events.flatMap((e) => ((e.data.changed as string[] | undefined) ?? []).map((f) => `cases.field.${f}`)))];
  const by = [...new Set(events.map((e) => e.actorName).filter(Boolean))].join(', ');
  if (changes.length === 0) return new AppError('CONFLICT', 'error.conflict');
  return new AppError('CONFLICT', 'cases.error.conflict', undefined, { by: by || '–', changes });
}
