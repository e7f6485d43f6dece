// The organisation's own submissions and the status social services have given them, and the user's drafts.
import { isAllowed } from '@utvag/api';
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

const submitActions = ['referral.submit', 'probationReferral.submit', 'concernReport.submit'] as const;

export const load = async ({ locals, url }) => {
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const page = await loadOrError(locals.locale, () => callerFor(locals).submission.list({ limit: 50, cursor }));
  const drafts = await loadOrError(locals.locale, () => callerFor(locals).draft.list());
  const user = locals.user;
  return { page, drafts: drafts.items, canSubmit: user ? submitActions.some((a) => isAllowed(user.role, a)) : false };
};
