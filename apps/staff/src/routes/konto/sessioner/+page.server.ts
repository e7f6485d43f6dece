// The signed-in user's own sessions (issue 3): see them, end one, or end all others.
import { formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals }) => ({
  sessions: await loadOrError(locals.locale, () => callerFor(locals).account.sessions()),
  mfaHref: null,
});

export const actions = {
  end: async ({ locals, request }) => {
    const values = formToObject(await request.formData());
    const result = await callFromForm(locals.locale, {}, () => callerFor(locals).account.endSession(values as never));
    if (!('ok' in result) || result.ok !== true) return result;
    return { ended: result.value.ended };
  },
  endOthers: async ({ locals }) => ({ endedOthers: (await callerFor(locals).account.endOtherSessions()).ended }),
};
