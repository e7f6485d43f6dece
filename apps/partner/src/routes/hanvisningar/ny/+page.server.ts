// A police or probation officer's referral. The idempotency key is made when the form is shown and kept
// through failed attempts, so a double click or a retried post files one referral, not two.
import { randomUUID } from 'node:crypto';
import { error, redirect } from '@sveltejs/kit';
import { isAllowed } from '@utvag/api';
import { flattenObject, formToObject } from '@utvag/portal-kit';
import { callFromForm } from '@utvag/portal-kit/server';
import { getTranslator } from '@utvag/i18n';
import { callerFor } from '$lib/server/portal';

export const load = ({ locals }) => {
  if (!locals.user || !isAllowed(locals.user.role, 'referral.submit')) {
    error(403, getTranslator(locals.locale)('partner.form.notAllowed'));
  }
  return {
    idempotencyKey: randomUUID(),
    contact: { name: locals.user.name, email: locals.user.email },
  };
};

export const actions = {
  default: async ({ locals, request }) => {
    const values = formToObject(await request.formData());
    const result = await callFromForm(locals.locale, flattenObject(values), () =>
      callerFor(locals).referral.submit(values as never),
    );
    if (!('ok' in result) || result.ok !== true) return result;
    redirect(303, `/hanvisningar/${result.value.id}?kvitto=1`);
  },
};
