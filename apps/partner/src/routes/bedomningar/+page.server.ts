// The police organisation's threat assessment requests (issue 6 item 3): open ones to answer, answered and closed
// ones below. The list shows references and statuses only; the person is named on the request's own page.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals }) => ({
  requests: await loadOrError(locals.locale, () => callerFor(locals).assessmentRequest.list()),
});
