// One threat assessment request to the police organisation, and the answer form (issue 6 item 3). The idempotency
// key is made when the form is first shown and kept through failed attempts, so a double submit gives one answer.
import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { flattenObject, formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError, setFlash } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, params }) => ({
  request: await loadOrError(locals.locale, () => callerFor(locals).assessmentRequest.get({ id: params.id })),
  idempotencyKey: randomUUID(),
});

export const actions = {
  default: async ({ locals, request, params, cookies }) => {
    const values = formToObject(await request.formData());
    const flat = flattenObject(values);
    const result = await callFromForm(locals.locale, flat, () =>
      callerFor(locals).assessmentRequest.answer({ ...values, requestId: params.id } as never),
    );
    if (!('ok' in result) || result.ok !== true) return result;
    setFlash(cookies, { tone: 'success', textKey: 'policeAssessment.flash.answered' });
    redirect(303, `/bedomningar/${params.id}`);
  },
};
