// Incoming transfer requests (issue 6 item 9): offers from other municipalities to take over a case, with the
// summary their consent allows. Intake, coordinators and unit managers of the receiving municipality.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals }) => ({
  incoming: await loadOrError(locals.locale, () => callerFor(locals).transfer.listIncoming()),
});
