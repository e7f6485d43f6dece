// Staff write down a self-application or a guardian's call (issue 5): how and when it came in; who wrote it
// down is the signed-in account. The idempotency key is made when the form is shown, as in the partner forms.
import { randomUUID } from 'node:crypto';
import { error, redirect } from '@sveltejs/kit';
import { isAllowed } from '@utvag/api';
import { calendarDateInSweden } from '@utvag/domain';
import { getTranslator } from '@utvag/i18n';
import { flattenObject, formToObject } from '@utvag/portal-kit';
import { callFromForm, setFlash } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

/** Now on a Swedish wall clock, 'YYYY-MM-DD HH:MM', as the form's starting value. */
function swedishNow(): string {
  const now = new Date();
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return `${calendarDateInSweden(now)} ${time}`;
}

export const load = ({ locals }) => {
  if (!locals.user || !isAllowed(locals.user.role, 'intake.register')) {
    error(403, getTranslator(locals.locale)('staff.intake.notAllowed'));
  }
  return { idempotencyKey: randomUUID(), receivedAt: swedishNow() };
};

export const actions = {
  default: async ({ locals, request, cookies }) => {
    const values = formToObject(await request.formData());
    const result = await callFromForm(locals.locale, flattenObject(values), () =>
      callerFor(locals).intake.register(values as never),
    );
    if (!('ok' in result) || result.ok !== true) return result;
    setFlash(cookies, { tone: 'success', textKey: 'staff.intake.registered' });
    redirect(303, `/hanvisningar/${result.value.id}`);
  },
};
