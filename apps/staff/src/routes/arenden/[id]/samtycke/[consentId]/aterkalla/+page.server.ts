// Revoking a consent: the confirm page (works without JavaScript) with the date, who revoked and why. Revoking
// cuts the organisation's access at once; it cannot be undone (a new consent is recorded instead).
import { error } from '@sveltejs/kit';
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params }) => {
  const list = await loadOrError(locals.locale, () => callerFor(locals).consent.list({ caseId: params.id }));
  const consent = list.consents.find((k) => k.id === params.consentId);
  if (!consent || consent.revokedOn || !list.can.revoke) error(404, 'Not found');
  return { consent };
};

export const actions = {
  default: caseAction(
    'revoke',
    (c, v, e) => c.consent.revoke({ ...v, consentId: e.params.consentId! } as never),
    'consent.revoked',
    (e) => `/arenden/${e.params.id}/samtycke`,
  ),
};
