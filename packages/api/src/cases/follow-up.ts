// The commitment and its follow-up (issue 6 item 5). A breach, or a positive or refused drug test, opens a review
// task for the case's coordinator (the unit managers' when no coordinator is named).
import { completeTask, findTask, insertCommitment, insertFollowUp, insertTask, type Tx } from '@utvag/db';
import { followUpNeedsReview, type CommitmentInput, type FollowUpInput, type TaskCompleteInput } from '@utvag/domain';
import { AppError } from '../errors.ts';
import { withCase, type StaffContext } from './access.ts';

export async function recordCommitment(ctx: StaffContext, input: CommitmentInput) {
  return withCase(
    ctx,
    'commitment.record',
    input.caseId,
    async (tx, c) =>
      insertCommitment(tx, {
        municipalityId: c.case.municipalityId,
        caseId: c.case.id,
        signedOn: input.signedOn,
        conditions: input.conditions,
        recordedByUserId: ctx.user.id,
      }),
    { write: true, requireActive: true },
  );
}

export async function recordFollowUp(ctx: StaffContext, input: FollowUpInput) {
  return withCase(
    ctx,
    'followUp.record',
    input.caseId,
    async (tx, c) => {
      const result = input.kind === 'drugTest' ? (input.result ?? null) : null;
      const row = await insertFollowUp(tx, {
        municipalityId: c.case.municipalityId,
        caseId: c.case.id,
        kind: input.kind,
        occurredOn: input.occurredOn,
        result,
        note: input.note ?? null,
        recordedByUserId: ctx.user.id,
      });
      let taskId: string | null = null;
      if (followUpNeedsReview(input.kind, result)) {
        taskId = (
          await insertTask(tx, {
            municipalityId: c.case.municipalityId,
            caseId: c.case.id,
            kind: 'reviewBreach',
            followUpId: row.id,
            assignedUserId: c.case.coordinatorUserId,
          })
        ).id;
      }
      return { id: row.id, taskId };
    },
    { write: true, requireActive: true },
  );
}

export async function completeCaseTask(ctx: StaffContext, input: TaskCompleteInput) {
  return withCase(
    ctx,
    'task.complete',
    async (tx: Tx) => (await findTask(tx, { id: input.taskId, municipalityId: ctx.user.municipalityId }))?.caseId,
    async (tx, c) => {
      const task = (await findTask(tx, { id: input.taskId, municipalityId: c.case.municipalityId }))!;
      // The review is the assigned coordinator's; a unit manager may always step in.
      if (task.assignedUserId && task.assignedUserId !== ctx.user.id && ctx.user.role !== 'unitManager') {
        throw new AppError('FORBIDDEN', 'cases.error.notYourTask');
      }
      const done = await completeTask(tx, { id: task.id, municipalityId: c.case.municipalityId, userId: ctx.user.id, note: input.note ?? null });
      if (!done) throw new AppError('CONFLICT', 'cases.error.taskDone');
      return done;
    },
    { write: true },
  );
}
