// Discarding a staff draft: without JavaScript "Kasta" on /mottagning leads here, a confirm page; with JavaScript
// the same form is posted from a dialog there. Only the draft list is read (when saved), never the typed values.
import { error, redirect } from '@sveltejs/kit';
import { getTranslator } from '@utvag/i18n';
import { callFromForm, loadOrError, setFlash } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, params }) => {
  const drafts = await loadOrError(locals.locale, () => callerFor(locals).intake.draft.list());
  const draft = drafts.items.find((d) => d.idempotencyKey === params.key);
  if (!draft) error(404, getTranslator(locals.locale)('ui.drafts.notFound'));
  return { draft };
};

export const actions = {
  default: async ({ locals, params, cookies }) => {
    const result = await callFromForm(locals.locale, {}, () => callerFor(locals).intake.draft.discard({ idempotencyKey: params.key }));
    if (!('ok' in result) || result.ok !== true) return result;
    setFlash(cookies, { tone: 'success', textKey: 'ui.drafts.discarded' });
    redirect(303, '/mottagning');
  },
};
