// Staff write down a self-application or a guardian's call (issue 5): how and when it came in; who wrote it
// down is the signed-in account. The idempotency key is made when the form is shown, as in the partner forms, and
// kept through a saved draft (intent=draft) so that submitting the reopened draft files one item and deletes it.
import { randomUUID } from 'node:crypto';
import { error, redirect } from '@sveltejs/kit';
import { isAllowed } from '@utvag/api';
import { calendarDateInSweden } from '@utvag/domain';
import { getTranslator } from '@utvag/i18n';
import { flattenObject, formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError, setFlash } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

/** Now on a Swedish wall clock, 'YYYY-MM-DD HH:MM', as the form's starting value. */
function swedishNow(): string {
  const now = new Date();
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return `${calendarDateInSweden(now)} ${time}`;
}

export const load = async ({ locals, url }) => {
  if (!locals.user || !isAllowed(locals.user.role, 'intake.register')) {
    error(403, getTranslator(locals.locale)('staff.intake.notAllowed'));
  }
  const draftKey = url.searchParams.get('utkast');
  const draft = draftKey ? await loadOrError(locals.locale, () => callerFor(locals).intake.draft.get({ idempotencyKey: draftKey })) : null;
  return {
    idempotencyKey: draft?.idempotencyKey ?? randomUUID(),
    draftValues: draft?.values ?? null,
    receivedAt: swedishNow(),
    canSaveDraft: isAllowed(locals.user.role, 'intakeDraft.save'),
  };
};

export const actions = {
  default: async ({ locals, request, cookies }) => {
    const { intent, ...values } = formToObject(await request.formData());
    if (intent === 'draft') {
      const flat = flattenObject(values);
      const { idempotencyKey, ...typed } = flat;
      const saved = await callFromForm(locals.locale, flat, () =>
        callerFor(locals).intake.draft.save({ idempotencyKey: idempotencyKey ?? '', values: typed }),
      );
      if (!('ok' in saved) || saved.ok !== true) return saved;
      setFlash(cookies, { tone: 'success', textKey: 'intakeDrafts.drafts.saved' });
      redirect(303, '/mottagning');
    }
    const result = await callFromForm(locals.locale, flattenObject(values), () =>
      callerFor(locals).intake.register(values as never),
    );
    if (!('ok' in result) || result.ok !== true) return result;
    setFlash(cookies, { tone: 'success', textKey: 'staff.intake.registered' });
    redirect(303, `/hanvisningar/${result.value.id}`);
  },
};
