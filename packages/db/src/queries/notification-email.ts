// The e-mail outbox over `notification` (issue 5 item 7): the job claims pending rows with the recipient's address
// and preference, and marks each handled. Runs as the owner from the job worker (no tenant: it serves every
// municipality); the rows it reads hold a kind and a reference number only.
import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { EmailNotificationPreference } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { appUser, notification } from '../schema/index.ts';

/**
 * Pending notifications created at or after `since`, oldest first, locked for this transaction (SKIP LOCKED: two
 * workers never claim the same row).
 */
export function claimPendingEmails(db: Executor, q: { since: Date; limit: number }) {
  return db
    .select({
      id: notification.id,
      kind: notification.kind,
      reference: notification.reference,
      email: appUser.email,
      locale: appUser.locale,
      portal: appUser.kind,
      preference: appUser.emailNotifications,
      disabledAt: appUser.disabledAt,
    })
    .from(notification)
    .innerJoin(appUser, eq(appUser.id, notification.recipientUserId))
    .where(and(isNull(notification.emailHandledAt), gte(notification.createdAt, q.since)))
    .orderBy(asc(notification.createdAt))
    .limit(q.limit)
    .for('update', { of: notification, skipLocked: true });
}

export async function markEmailHandled(db: Executor, q: { id: string; sent: boolean }) {
  await db
    .update(notification)
    .set({ emailHandledAt: sql`now()`, emailSentAt: q.sent ? sql`now()` : null })
    .where(eq(notification.id, q.id));
}

/** Pending rows older than `before` are stale news: handled without a message. */
export async function expireStaleEmails(db: Executor, before: Date) {
  const rows = await db
    .update(notification)
    .set({ emailHandledAt: sql`now()` })
    .where(and(isNull(notification.emailHandledAt), lt(notification.createdAt, before)))
    .returning({ id: notification.id });
  return rows.length;
}

export async function findEmailPreference(db: Executor, userId: string) {
  const [row] = await db.select({ preference: appUser.emailNotifications, email: appUser.email }).from(appUser).where(eq(appUser.id, userId));
  return row;
}

export async function updateEmailPreference(db: Executor, q: { userId: string; preference: EmailNotificationPreference }) {
  const rows = await db
    .update(appUser)
    .set({ emailNotifications: q.preference })
    .where(eq(appUser.id, q.userId))
    .returning({ id: appUser.id });
  return rows.length > 0;
}
