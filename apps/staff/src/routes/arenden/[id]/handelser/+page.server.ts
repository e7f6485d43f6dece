// The case's history in one list: status changes, journal, decisions, eligibility and follow-up.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, params }) => ({
  timeline: await loadOrError(locals.locale, () => callerFor(locals).case.timeline({ caseId: params.id })),
});
