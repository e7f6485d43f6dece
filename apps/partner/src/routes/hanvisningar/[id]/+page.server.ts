import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, params, url }) => ({
  submission: await loadOrError(locals.locale, () => callerFor(locals).submission.get({ id: params.id })),
  justSubmitted: url.searchParams.has('kvitto'),
});
