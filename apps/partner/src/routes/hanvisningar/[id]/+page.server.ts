import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, params }) => ({
  submission: await loadOrError(locals.locale, () => callerFor(locals).submission.get({ id: params.id })),
});
