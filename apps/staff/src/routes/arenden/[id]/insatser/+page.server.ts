// The case's interventions with their costs (issue 7): record one granted by a signed decision, end one.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params }) => ({
  interventions: await loadOrError(locals.locale, () => callerFor(locals).intervention.list({ caseId: params.id })),
});

export const actions = {
  add: caseAction('add', (c, v, e) => c.intervention.add({ ...v, caseId: e.params.id! } as never), 'support.interventions.added'),
  end: caseAction('end', (c, v) => c.intervention.update(v as never), 'support.interventions.changed'),
};
