// The signed-in user's notifications (issue 5): the shared page of the portal kit over this portal's router.
import { markAllReadAction, notificationsLoad } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = ({ locals, url }) => notificationsLoad(locals, callerFor(locals), url);

export const actions = {
  markRead: ({ locals }) => markAllReadAction(locals, callerFor(locals)),
};
