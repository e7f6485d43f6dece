// Retention (gallring) for unit managers: the newest dry run, a new dry run on request, and approval, which culls.
import { error, redirect } from '@sveltejs/kit';
import { isAllowed } from '@utvag/api';
import { getTranslator } from '@utvag/i18n';
import { formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, url }) => {
  if (!locals.user || !isAllowed(locals.user.role, 'retention.read')) {
    error(403, getTranslator(locals.locale)('security.retention.notAllowed'));
  }
  const report = await loadOrError(locals.locale, () => callerFor(locals).retention.report());
  return { report, approved: url.searchParams.get('gallrade'), proposed: url.searchParams.has('provkord') };
};

export const actions = {
  propose: async ({ locals }) => {
    await loadOrError(locals.locale, () => callerFor(locals).retention.propose());
    redirect(303, '/gallring?provkord=1');
  },
  approve: async ({ locals, request }) => {
    const values = formToObject(await request.formData()) as Record<string, string>;
    const result = await callFromForm(locals.locale, values, () => callerFor(locals).retention.approve(values as never));
    if (!('ok' in result) || result.ok !== true) return result;
    redirect(303, `/gallring?gallrade=${result.value.culled}`);
  },
};
