// A partner's network-meeting invitations (issue 7 item 6): only their own, only while the consent covers
// their organisation, with only the agenda items meant for it.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals }) => ({
  invitations: await loadOrError(locals.locale, () => callerFor(locals).meetingInvitation.list()),
});
