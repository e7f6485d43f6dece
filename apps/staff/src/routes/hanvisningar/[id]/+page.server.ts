// One referral and the triage decision on it.
import { redirect } from '@sveltejs/kit';
import { isAllowed } from '@utvag/api';
import { callFromForm, loadOrError } from '@utvag/portal-kit/server';
import { formToObject, flattenObject } from '@utvag/portal-kit';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, params }) => {
  const referral = await loadOrError(locals.locale, () => callerFor(locals).referral.get({ id: params.id }));
  const canTriage = locals.user ? isAllowed(locals.user.role, 'referral.triage') : false;
  return { referral, canTriage };
};

export const actions = {
  default: async ({ locals, params, request }) => {
    const values = formToObject(await request.formData());
    const result = await callFromForm(locals.locale, flattenObject(values), () =>
      callerFor(locals).referral.triage({ ...values, referralId: params.id } as never),
    );
    if (!('ok' in result) || result.ok !== true) return result;
    redirect(303, `/hanvisningar/${params.id}?beslut=1`);
  },
};
