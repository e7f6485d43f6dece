import { layoutData, unreadNotifications } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

export const load = async ({ locals, url, cookies }) => ({
  ...layoutData(locals, url, cookies),
  /** The header's notification link carries the unread count (issue 5). */
  unreadNotifications: await unreadNotifications(locals, () => callerFor(locals)),
});
