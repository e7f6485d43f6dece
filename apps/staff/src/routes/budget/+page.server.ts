// The unit manager's budget page (issue 7 item 3): spent, committed and forecast per programme against the
// year's budget, and the year's costs per intervention type and per case. ?ar=YYYY shows another year.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, url }) => ({
  budget: await loadOrError(locals.locale, () => callerFor(locals).budget.overview({ year: url.searchParams.get('ar') ?? undefined } as never)),
});

export const actions = {
  // The form posts to ?ar=YEAR&/set, so the year shown comes back after the redirect.
  set: caseAction('set', (c, v) => c.budget.set(v as never), 'support.budget.saved', (e) => `${e.url.pathname}?ar=${encodeURIComponent(e.url.searchParams.get('ar') ?? '')}`),
};
