// Log review (loggkontroll, issue 3) for unit managers: the municipality's access log with flags, filtered with a
// GET form (period, user, and a referral number standing in for the person: no personal data in the URL), and
// the monthly sign-off as a plain form post.
import { error, redirect } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { describeError, isAllowed } from '@utvag/api';
import { calendarDateInSweden } from '@utvag/domain';
import { getTranslator } from '@utvag/i18n';
import { formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

const filterNames = ['from', 'to', 'userId', 'reference', 'flaggedOnly'] as const;

export const load = async ({ locals, url }) => {
  if (!locals.user || !isAllowed(locals.user.role, 'logReview.read')) {
    error(403, getTranslator(locals.locale)('security.logReview.notAllowed'));
  }
  const filters = Object.fromEntries(filterNames.map((n) => [n, url.searchParams.get(n) ?? ''])) as Record<(typeof filterNames)[number], string>;
  let filterErrors: Record<string, string> = {};
  let log;
  try {
    log = await callerFor(locals).logReview.list(filters as never);
  } catch (e) {
    if (!(e instanceof TRPCError) || e.code !== 'BAD_REQUEST') throw e;
    // Bad filters: say which, and show the default period meanwhile.
    filterErrors = describeError(e, locals.locale).fieldErrors ?? {};
    log = await loadOrError(locals.locale, () => callerFor(locals).logReview.list({}));
  }
  const lastMonth = calendarDateInSweden(new Date(Date.now() - 28 * 86_400_000)).slice(0, 7);
  return { log, filters, filterErrors, signed: url.searchParams.get('signerad'), suggestedMonth: lastMonth };
};

export const actions = {
  default: async ({ locals, request }) => {
    const values = formToObject(await request.formData()) as Record<string, string>;
    const result = await callFromForm(locals.locale, values, () => callerFor(locals).logReview.signOff(values as never));
    if (!('ok' in result) || result.ok !== true) return result;
    redirect(303, `/loggkontroll?signerad=${encodeURIComponent(result.value.month)}`);
  },
};
