// Police state funding for the case (issue 7 item 4): the criteria as the police judged them, and the cost
// statement for the application (shown here; PDF and XLSX from ./kostnadsredovisning.[format]). The file is
// person-level data, so downloading it needs a step-up (the `export` action below, then a redirect to the file).
import { fail, redirect } from '@sveltejs/kit';
import { AppError } from '@utvag/api';
import { calendarDateInSweden, costStatementQuerySchema, stepUpValidMinutes } from '@utvag/domain';
import { getTranslator } from '@utvag/i18n';
import { formToObject } from '@utvag/portal-kit';
import { loadOrError, passkeyFromForm } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';
import { stepUpUnlessFresh, stepUpWays } from '$lib/server/step-up';

export const load = async ({ locals, params, url }) => {
  const caller = callerFor(locals);
  const funding = await loadOrError(locals.locale, () => caller.stateFunding.get({ caseId: params.id }));
  const today = calendarDateInSweden(new Date());
  const period = { from: url.searchParams.get('fran') ?? `${today.slice(0, 4)}-01-01`, to: url.searchParams.get('till') ?? today };
  // A period typed wrong shows no statement, with the message at the field (a GET form, no JavaScript needed).
  const parsed = costStatementQuerySchema.safeParse({ caseId: params.id, ...period });
  const statement = parsed.success && funding.can.export ? await loadOrError(locals.locale, () => caller.stateFunding.costStatement(parsed.data)) : null;
  const ways = funding.can.export ? await stepUpWays(locals) : { needed: false, code: false, passkey: false, provider: false };
  return { funding, period, periodValid: parsed.success, statement, needsCode: ways.needed, ways, path: url.pathname + url.search, minutes: stepUpValidMinutes };
};

export const actions = {
  /** The step-up for a download (when the session has none fresh), then the file itself by redirect. */
  export: async (event) => {
    const { locals, params, request } = event;
    const formData = await request.formData();
    const form = formToObject(formData);
    const format = form.format === 'xlsx' ? 'xlsx' : 'pdf';
    const period = costStatementQuerySchema.safeParse({ caseId: params.id, from: String(form.fran ?? ''), to: String(form.till ?? '') });
    const t = getTranslator(locals.locale);
    if (!period.success) return fail(400, { form: 'export', message: t('validation.endBeforeStart') });
    try {
      await stepUpUnlessFresh(event, String(form.code ?? ''), passkeyFromForm(formData));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = t(error.messageKey);
      return fail(400, { form: 'export', message, fieldErrors: (error.fieldErrors?.passkey ? {} : { code: message }) as Record<string, string> });
    }
    const query = new URLSearchParams({ fran: period.data.from, till: period.data.to });
    redirect(303, `/arenden/${params.id}/insatser/statlig-ersattning/kostnadsredovisning.${format}?${query}`);
  },
  record: caseAction('record', (c, v, e) => c.stateFunding.record({ ...v, caseId: e.params.id! } as never), 'support.stateFunding.saved'),
};
