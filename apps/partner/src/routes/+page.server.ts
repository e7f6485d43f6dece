// The organisation's own submissions and the status social services have given them.
import { isAllowed } from '@utvag/api';
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, url }) => {
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const page = await loadOrError(locals.locale, () => callerFor(locals).submission.list({ limit: 50, cursor }));
  return { page, canSubmit: locals.user ? isAllowed(locals.user.role, 'referral.submit') : false };
};
