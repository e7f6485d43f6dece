// E-mail about notifications (issue 5 item 7): the signed-in user's own choice. The message never holds personal
// data; the choice is kept on the account (default: only urgent intake notifications).
import { flattenObject, formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError, setFlash } from '@utvag/portal-kit/server';
import { redirect } from '@sveltejs/kit';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals }) => ({
  setting: await loadOrError(locals.locale, () => callerFor(locals).notification.emailPreference()),
});

export const actions = {
  default: async ({ locals, request, cookies }) => {
    const values = formToObject(await request.formData());
    const result = await callFromForm(locals.locale, flattenObject(values), () =>
      callerFor(locals).notification.setEmailPreference(values as never),
    );
    if (!('ok' in result) || result.ok !== true) return result;
    setFlash(cookies, { tone: 'success', textKey: 'intakeDrafts.email.saved' });
    redirect(303, '/konto/e-post');
  },
};
