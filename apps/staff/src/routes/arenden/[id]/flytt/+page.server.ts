// Transfer to another municipality (issue 6 item 9): the case's offers and their answers, the offer form (the
// municipality, the consent's date, the summary) and withdrawing an unanswered offer. Plain forms, no JavaScript.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params }) => ({
  transfer: await loadOrError(locals.locale, () => callerFor(locals).transfer.forCase({ caseId: params.id })),
});

export const actions = {
  offer: caseAction('offer', (c, v, e) => c.transfer.offer({ ...v, caseId: e.params.id! } as never), 'transfer.case.offered'),
  withdraw: caseAction('withdraw', (c, v) => c.transfer.withdraw(v as never), 'transfer.case.withdrawn'),
};
