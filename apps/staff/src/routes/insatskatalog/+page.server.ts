// The municipality's intervention catalogue and provider register (issue 7 item 1): everyone on case work reads it
// (it is what an intervention is chosen from); the unit manager adds types and providers (principle 5: local
// adaptation of the seeds' defaults).
import { error } from '@sveltejs/kit';
import { isAllowed } from '@utvag/api';
import { getTranslator } from '@utvag/i18n';
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals }) => {
  if (!locals.user || !isAllowed(locals.user.role, 'interventionCatalogue.read')) error(403, getTranslator(locals.locale)('error.forbidden'));
  return {
    catalogue: await loadOrError(locals.locale, () => callerFor(locals).interventionCatalogue.get()),
    canManage: isAllowed(locals.user.role, 'interventionCatalogue.manage'),
  };
};

export const actions = {
  addType: caseAction('addType', (c, v) => c.interventionCatalogue.addType(v as never), 'support.catalogue.typeAdded'),
  addProvider: caseAction('addProvider', (c, v) => c.interventionCatalogue.addProvider(v as never), 'support.catalogue.providerAdded'),
};
