// The case overview: details, assignment, the programme bridge, closing and reopening, the commitment with its
// follow-up, and tasks. Every form works without JavaScript (named form actions).
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params, parent }) => {
  const { kase } = await parent();
  const options = kase.can.assign && kase.status !== 'closed'
    ? await loadOrError(locals.locale, () => callerFor(locals).case.assignmentOptions({ caseId: params.id }))
    : null;
  return { options };
};

const withCase = (values: object, id: string) => ({ ...values, caseId: id }) as never;
const saved = 'cases.overview.saved';

export const actions = {
  // Intake passes the case on and steps back (need-to-know): after naming a case worker it returns to the list.
  assign: caseAction('assign', (c, v, e) => c.case.assign(withCase(v, e.params.id!)), saved, (e) =>
    e.locals.user?.role === 'intake' ? '/arenden' : e.url.pathname,
  ),
  details: caseAction('details', (c, v, e) => c.case.updateDetails(withCase(v, e.params.id!)), saved),
  programme: caseAction('programme', (c, v, e) => c.case.changeProgramme(withCase(v, e.params.id!)), saved),
  close: caseAction('close', (c, v, e) => c.case.close(withCase(v, e.params.id!)), saved),
  reopen: caseAction('reopen', (c, v, e) => c.case.reopen(withCase(v, e.params.id!)), saved),
  commitment: caseAction('commitment', (c, v, e) => c.commitment.record(withCase(v, e.params.id!)), saved),
  followUp: caseAction('followUp', (c, v, e) => c.followUp.record(withCase(v, e.params.id!)), (r) =>
    r.taskId ? 'cases.overview.followUp.reviewOpened' : saved,
  ),
  task: caseAction('task', (c, v) => c.task.complete(v as never), saved),
};
