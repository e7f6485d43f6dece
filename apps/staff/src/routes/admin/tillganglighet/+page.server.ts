// Accessibility problems reported from /tillganglighet on either portal (issue 4 item 5), for administrators:
// the open reports of the whole deployment, each with a plain form post to mark it handled.
import { error, redirect } from '@sveltejs/kit';
import { isAllowed } from '@utvag/api';
import { getTranslator } from '@utvag/i18n';
import { formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError, setFlash } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals }) => {
  if (!locals.user || !isAllowed(locals.user.role, 'accessibilityReport.list')) {
    error(403, getTranslator(locals.locale)('staff.accessibilityReports.notAllowed'));
  }
  const list = await loadOrError(locals.locale, () => callerFor(locals).accessibilityReport.list());
  return { reports: list.items };
};

export const actions = {
  default: async ({ locals, request, cookies }) => {
    const values = formToObject(await request.formData());
    const result = await callFromForm(locals.locale, { id: String(values.id ?? '') }, () =>
      callerFor(locals).accessibilityReport.markHandled(values as never),
    );
    if (!('ok' in result) || result.ok !== true) return result;
    setFlash(cookies, { tone: 'success', textKey: 'staff.accessibilityReports.handled' });
    redirect(303, '/admin/tillganglighet');
  },
};
