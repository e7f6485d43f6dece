// Police state funding for the case (issue 7 item 4): the criteria as the police judged them, and the cost
// statement for the application (shown here; PDF and XLSX from ./kostnadsredovisning.[format]).
import { calendarDateInSweden, costStatementQuerySchema } from '@utvag/domain';
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params, url }) => {
  const caller = callerFor(locals);
  const funding = await loadOrError(locals.locale, () => caller.stateFunding.get({ caseId: params.id }));
  const today = calendarDateInSweden(new Date());
  const period = { from: url.searchParams.get('fran') ?? `${today.slice(0, 4)}-01-01`, to: url.searchParams.get('till') ?? today };
  // A period typed wrong shows no statement, with the message at the field (a GET form, no JavaScript needed).
  const parsed = costStatementQuerySchema.safeParse({ caseId: params.id, ...period });
  const statement = parsed.success && funding.can.export ? await loadOrError(locals.locale, () => caller.stateFunding.costStatement(parsed.data)) : null;
  return { funding, period, periodValid: parsed.success, statement };
};

export const actions = {
  record: caseAction('record', (c, v, e) => c.stateFunding.record({ ...v, caseId: e.params.id! } as never), 'support.stateFunding.saved'),
};
