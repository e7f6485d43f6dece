// The case's consents (issue 6 item 4): the register with its state, recording one, the link to revoke, the
// missing-authority warning of the exit programme, and the disclosure log with a form for a manual record.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params }) => {
  const caller = callerFor(locals);
  const [consents, disclosures] = await Promise.all([
    loadOrError(locals.locale, () => caller.consent.list({ caseId: params.id })),
    loadOrError(locals.locale, () => caller.disclosure.list({ caseId: params.id })),
  ]);
  return { consents, disclosures };
};

export const actions = {
  record: caseAction('record', (c, v, e) => c.consent.record({ ...v, caseId: e.params.id! } as never), 'consent.saved'),
  disclose: caseAction('disclose', (c, v, e) => c.disclosure.record({ ...v, caseId: e.params.id! } as never), 'consent.disclosureSaved'),
};
