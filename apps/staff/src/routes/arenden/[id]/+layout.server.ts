// Every section of a case loads the case once here (audited as a read by the API); the header and the tabs
// come from it, and the sections read `kase` from their parent data.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, params }) => {
  const kase = await loadOrError(locals.locale, () => callerFor(locals).case.get({ caseId: params.id }));
  return { kase };
};
