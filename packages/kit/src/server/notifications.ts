// The notification page of either portal (load + "mark all read") and the header's unread count. The caller
// is the portal's own router, whose `notification` procedures are the same in both.
import { redirect, type Cookies } from '@sveltejs/kit';
import { flattenObject, formToObject } from '../form.ts';
import { callFromForm, loadOrError } from './actions.ts';
import { setFlash } from './flash.ts';

interface NotificationCaller {
  notification: {
    list(): Promise<{ items: { id: string; kind: string; referralId: string | null; linkPath: string | null; caseTransferId?: string | null; reference: string; createdAt: string; readAt: string | null }[]; unread: number }>;
    unreadCount(): Promise<{ unread: number }>;
    markRead(input: { id?: string }): Promise<unknown>;
  };
}

interface EmailPreferenceCaller {
  notification: {
    emailPreference(): Promise<{ email: string; preference: string }>;
    setEmailPreference(input: never): Promise<unknown>;
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

/** `/konto/e-post` of either portal: the signed-in user's own choice of e-mail about notifications. */
export async function emailPreferenceLoad(locals: App.Locals, caller: EmailPreferenceCaller) {
  return { setting: await loadOrError(locals.locale, () => caller.notification.emailPreference()) };
}

export async function setEmailPreferenceAction(event: { locals: App.Locals; request: Request; cookies: Cookies }, caller: EmailPreferenceCaller) {
  const values = formToObject(await event.request.formData());
  const result = await callFromForm(event.locals.locale, flattenObject(values), () => caller.notification.setEmailPreference(values as never));
  if (!('ok' in result) || result.ok !== true) return result;
  setFlash(event.cookies, { tone: 'success', textKey: 'intakeDrafts.email.saved' });
  redirect(303, '/konto/e-post');
}
