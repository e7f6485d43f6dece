// The notification page of either portal (load + "mark all read") and the header's unread count. The caller
// is the portal's own router, whose `notification` procedures are the same in both.
import { redirect } from '@sveltejs/kit';
import { callFromForm, loadOrError } from './actions.ts';

interface NotificationCaller {
  notification: {
    list(): Promise<{ items: { id: string; kind: string; referralId: string | null; linkPath: string | null; caseTransferId?: string | null; reference: string; createdAt: string; readAt: string | null }[]; unread: number }>;
    unreadCount(): Promise<{ unread: number }>;
    markRead(input: { id?: string }): Promise<unknown>;
  };
}

export async function notificationsLoad(locals: App.Locals, caller: NotificationCaller, url: URL) {
  const { items, unread } = await loadOrError(locals.locale, () => caller.notification.list());
  return { items, unread, justMarked: url.searchParams.has('lasta') };
}

export async function markAllReadAction(locals: App.Locals, caller: NotificationCaller) {
  const result = await callFromForm(locals.locale, {}, () => caller.notification.markRead({}));
  if ('status' in result) return result;
  redirect(303, '/aviseringar?lasta=1');
}

/** For the layout: the signed-in user's unread count, 0 when it cannot be read (no user, a half-finished login). */
export async function unreadNotifications(locals: App.Locals, caller: () => NotificationCaller): Promise<number> {
  if (!locals.user) return 0;
  try {
    return (await caller().notification.unreadCount()).unread;
  } catch {
    return 0;
  }
}
