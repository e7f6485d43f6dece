// The case's coordinated plan (issue 7 item 5): every form appends a new version; ?version=N shows an old one.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params, url }) => ({
  plan: await loadOrError(locals.locale, () =>
    callerFor(locals).plan.get({ caseId: params.id, version: url.searchParams.get('version') ?? undefined } as never),
  ),
});

const withCase = (v: object, e: { params: Record<string, string | undefined> }) => ({ ...v, caseId: e.params.id! }) as never;

export const actions = {
  goal: caseAction('goal', (c, v, e) => c.plan.addGoal(withCase(v, e)), 'support.plan.saved'),
  goalStatus: caseAction('goalStatus', (c, v, e) => c.plan.setGoalStatus(withCase(v, e)), 'support.plan.saved'),
  action: caseAction('action', (c, v, e) => c.plan.addAction(withCase(v, e)), 'support.plan.saved'),
  actionStatus: caseAction('actionStatus', (c, v, e) => c.plan.setActionStatus(withCase(v, e)), 'support.plan.saved'),
  ownWords: caseAction('ownWords', (c, v, e) => c.plan.setOwnWords(withCase(v, e)), 'support.plan.saved'),
};
