// Investigation → decision (issue 6 item 6). Case staff write the investigation; only a user with decision
// mandate signs, and a signed decision is locked (here, and by a trigger in migration 0010).
import { findDecision, hasDelegatedMandate, insertDecision, listDecisions, updateDecision } from '@utvag/db';
import {
  daysBetween,
  hasDecisionMandate,
  isOutsideAgeBand,
  missingForSigning,
  type DecisionDraftInput,
  type DecisionSignInput,
} from '@utvag/domain';
import { auditDenied } from '../audit.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { withCase, type StaffContext } from './access.ts';
import { decisionView } from './read.ts';

export const decisionSigned = () => new AppError('CONFLICT', 'cases.error.decisionSigned');
const hasChildrenOf = (v: 'yes' | 'no' | undefined) => (v === undefined ? null : v === 'yes');

export async function saveDecisionDraft(ctx: StaffContext, input: DecisionDraftInput) {
  return withCase(
    ctx,
    'decision.draft',
    input.caseId,
    async (tx, c) => {
      const values = {
        outcome: input.outcome ?? null,
        grounds: input.grounds ?? null,
        hasChildren: hasChildrenOf(input.hasChildren),
        childImpact: input.childImpact ?? null,
        interventions: input.interventions,
      };
      if (input.decisionId === undefined) {
        // One investigation at a time per case: a second would split the grounds.
        const open = (await listDecisions(tx, { caseId: c.case.id, municipalityId: c.case.municipalityId })).find(
          (d) => d.decision.stage === 'investigation',
        );
        if (open) throw new AppError('CONFLICT', 'cases.error.investigationOpen');
        const row = await insertDecision(tx, {
          municipalityId: c.case.municipalityId,
          caseId: c.case.id,
          createdByUserId: ctx.user.id,
          ...values,
        });
        return { id: row.id, version: row.version };
      }
      const existing = await findDecision(tx, { id: input.decisionId, municipalityId: c.case.municipalityId });
      if (!existing || existing.decision.caseId !== c.case.id) throw notFound();
      if (existing.decision.stage === 'signed') throw decisionSigned();
      const updated = await updateDecision(tx, {
        id: input.decisionId,
        municipalityId: c.case.municipalityId,
        expectedVersion: input.expectedVersion!,
        set: values,
      });
      if (!updated) throw conflict();
      return { id: updated.id, version: updated.version };
    },
    { write: true, requireActive: true },
  );
}

export async function signDecision(ctx: StaffContext, input: DecisionSignInput) {
  let noMandate = false;
  try {
    return await withCase(
      ctx,
      'decision.sign',
      async (tx) => (await findDecision(tx, { id: input.decisionId, municipalityId: ctx.user.municipalityId }))?.decision.caseId,
      async (tx, c) => {
        if (!hasDecisionMandate(ctx.user.role, await hasDelegatedMandate(tx, ctx.user.id))) {
          noMandate = true;
          throw new AppError('FORBIDDEN', 'cases.error.noDecisionMandate');
        }
        const row = (await findDecision(tx, { id: input.decisionId, municipalityId: c.case.municipalityId }))!;
        const d = row.decision;
        if (d.stage === 'signed') throw decisionSigned();
        if (d.version !== input.expectedVersion) throw conflict();
        const missing = missingForSigning(d);
        if (Object.keys(missing).length > 0) {
          throw new AppError(
            'BAD_REQUEST',
            'cases.error.decisionIncomplete',
            Object.fromEntries(Object.entries(missing).map(([field, key]) => [field, { key }])),
          );
        }
        // A case outside its programme's age band runs only with a recorded reason (age never blocks support).
        if (isOutsideAgeBand(c.case.programme, c.case.ageAtStart) && !c.case.ageBandReason) {
          throw new AppError('CONFLICT', 'cases.error.ageBandReasonMissing');
        }
        const now = new Date();
        const signed = await updateDecision(tx, {
          id: d.id,
          municipalityId: c.case.municipalityId,
          expectedVersion: input.expectedVersion,
          set: {
            stage: 'signed',
            signedAt: now,
            signedByUserId: ctx.user.id,
            firstContactAt: c.case.firstContactAt,
            daysFromFirstContact: daysBetween(c.case.firstContactAt, now),
          },
        });
        if (!signed) throw conflict();
        const after = (await findDecision(tx, { id: d.id, municipalityId: c.case.municipalityId }))!;
        return decisionView(after);
      },
      { write: true, requireActive: true },
    );
  } catch (error) {
    // A signature without mandate is a refused access and is on record as one.
    if (noMandate) await auditDenied(ctx, 'decision.sign', 'caseDecision');
    throw error;
  }
}
