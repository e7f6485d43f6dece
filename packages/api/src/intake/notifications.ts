// A signed-in user's own notifications, in either portal: the latest, the unread count, marking read.
import {
  countUnreadNotifications,
  findEmailPreference,
  inTenantTransaction,
  listNotificationsOf,
  markNotificationsRead,
  updateEmailPreference,
} from '@utvag/db';
import type { EmailNotificationPreference } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, SessionUser } from '../context.ts';
import { notFound } from '../errors.ts';

export async function listNotifications(ctx: Context & { user: SessionUser }) {
  return audited(ctx, 'notification.list', async (tx) => {
    const rows = await listNotificationsOf(tx, { userId: ctx.user.id, limit: 50 });
    const unread = await countUnreadNotifications(tx, ctx.user.id);
    const items = rows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null }));
    return { result: { items, unread }, record: { recordType: 'notification', recordId: null } };
  });
}

/** The header's badge on every page: a count of one's own rows, no personal data, so no audit entry; still
 * under row-level security as the user. */
export function unreadCount(ctx: Context & { user: SessionUser }) {
  const { user, tenant } = ctx;
  if (!tenant) throw new Error('unreadCount needs a signed-in request');
  return inTenantTransaction(ctx.db, tenant, async (tx) => ({ unread: await countUnreadNotifications(tx, user.id) }));
}

export async function markRead(ctx: Context & { user: SessionUser }, input: { id?: string }) {
  return audited(ctx, 'notification.markRead', async (tx) => {
    await markNotificationsRead(tx, { userId: ctx.user.id, id: input.id });
    return { result: { ok: true as const }, record: { recordType: 'notification', recordId: input.id ?? null } };
  });
}

/** Whether the user's notifications go out by e-mail too (issue 5 item 7). Their own account: RLS as the user. */
export function emailPreference(ctx: Context & { user: SessionUser }) {
  return audited(ctx, 'notification.settings', async (tx) => {
    // Read under RLS as the session's user: the address shown is the account's own, as stored.
    const row = await findEmailPreference(tx, ctx.user.id);
    if (!row) throw notFound();
    return { result: { preference: row.preference, email: row.email }, record: { recordType: 'account', recordId: ctx.user.id } };
  });
}

export function setEmailPreference(ctx: Context & { user: SessionUser }, input: { preference: EmailNotificationPreference }) {
  return audited(ctx, 'notification.settings', async (tx) => {
    if (!(await updateEmailPreference(tx, { userId: ctx.user.id, preference: input.preference }))) throw notFound();
    return { result: { preference: input.preference }, record: { recordType: 'account', recordId: ctx.user.id } };
  });
}
