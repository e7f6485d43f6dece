// The inbox: every open referral of the municipality, one way in.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, url }) => {
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const page = await loadOrError(locals.locale, () => callerFor(locals).inbox.list({ limit: 50, cursor }));
  return { page, now: new Date().toISOString() };
};
