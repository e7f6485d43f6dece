// One incoming transfer request (issue 6 item 9): the consented summary, and accepting (a confirmation as a
// plain form) or declining with a reason. Accepting leads to the new case in this municipality.
import { fail, redirect } from '@sveltejs/kit';
import { callFromForm, loadOrError, setFlash } from '@utvag/portal-kit/server';
import { flattenObject, formToObject } from '@utvag/portal-kit';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, params }) => ({
  transfer: await loadOrError(locals.locale, () => callerFor(locals).transfer.get({ transferId: params.id })),
});

export const actions = {
  accept: async ({ locals, params, request, cookies }) => {
    const values = formToObject(await request.formData());
    const result = await callFromForm(locals.locale, flattenObject(values), () =>
      callerFor(locals).transfer.accept({ ...values, transferId: params.id } as never),
    );
    if ('ok' in result && result.ok === true) {
      setFlash(cookies, { tone: 'success', textKey: 'transfer.detail.accepted' });
      redirect(303, `/arenden/${result.value.newCaseId}`);
    }
    const failure = result as Exclude<typeof result, { ok: true }>;
    return fail(failure.status, { ...failure.data, form: 'accept' });
  },
  decline: async ({ locals, params, request, cookies }) => {
    const values = formToObject(await request.formData());
    const result = await callFromForm(locals.locale, flattenObject(values), () =>
      callerFor(locals).transfer.decline({ ...values, transferId: params.id } as never),
    );
    if ('ok' in result && result.ok === true) {
      setFlash(cookies, { tone: 'success', textKey: 'transfer.detail.declined' });
      redirect(303, `/flyttar/${params.id}`);
    }
    const failure = result as Exclude<typeof result, { ok: true }>;
    return fail(failure.status, { ...failure.data, form: 'decline' });
  },
};
