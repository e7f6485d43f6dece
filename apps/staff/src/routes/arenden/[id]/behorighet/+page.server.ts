// The eligibility checklist: each criterion's state, date and basis; the routing recommendation is computed by
// the domain's evaluator, live in the browser and by the server after each save (so it works without JavaScript).
import { loadOrError } from '@utvag/portal-kit/server';
import { calendarDateInSweden } from '@utvag/domain';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params }) => ({
  eligibility: await loadOrError(locals.locale, () => callerFor(locals).case.eligibility({ caseId: params.id })),
  today: calendarDateInSweden(new Date()),
});

export const actions = {
  default: caseAction('eligibility', (c, v, e) => c.eligibility.record({ ...v, caseId: e.params.id! } as never), 'cases.eligibility.saved'),
};
