// E-mail about notifications (issue 5 item 7): the shared page of the portal kit over this portal's router.
import { emailPreferenceLoad, setEmailPreferenceAction } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = ({ locals }) => emailPreferenceLoad(locals, callerFor(locals));

export const actions = {
  default: (event) => setEmailPreferenceAction(event, callerFor(event.locals)),
};
