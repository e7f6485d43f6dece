// The case's police threat and protection-need assessments (issue 6 item 3): ask a police organisation of the
// municipality, see each request's status and the police's answer, withdraw an unanswered request, and renew an
// answer that has expired or soon will (`?renew=<id>` fills the form so it works without JavaScript).
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params, url }) => {
  const assessments = await loadOrError(locals.locale, () => callerFor(locals).policeAssessment.list({ caseId: params.id }));
  const renew = assessments.requests.find((r) => r.id === url.searchParams.get('renew') && r.answer) ?? null;
  return { assessments, renew };
};

export const actions = {
  request: caseAction('request', (c, v, e) => c.policeAssessment.request({ ...v, caseId: e.params.id! } as never), 'policeAssessment.flash.requested',
    (e) => e.url.pathname),
  withdraw: caseAction('withdraw', (c, v) => c.policeAssessment.withdraw(v as never), 'policeAssessment.flash.withdrawn'),
};
