// Investigation and decision: case staff write the investigation, someone with decision mandate signs it.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params }) => ({
  decisions: await loadOrError(locals.locale, () => callerFor(locals).case.decisions({ caseId: params.id })),
});

export const actions = {
  save: caseAction('save', (c, v, e) => c.decision.save({ ...v, caseId: e.params.id! } as never), 'cases.decisions.saved'),
  sign: caseAction('sign', (c, v) => c.decision.sign(v as never), 'cases.decisions.signed'),
};
