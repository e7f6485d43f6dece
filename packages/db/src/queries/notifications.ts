// SQL for in-app notifications (issue 5). Rows carry a kind and a reference number, never personal data.
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NotificationKind } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { runPrepared } from '../prepared.ts';
import { appUser, notification } from '../schema/index.ts';

export async function insertNotifications(
  db: Executor,
  q: { municipalityId: string; recipientUserIds: string[]; kind: NotificationKind; referralId: string | null; reference: string; linkPath?: string | null },
) {
  if (q.recipientUserIds.length === 0) return;
  // No RETURNING: the sender may not read a colleague's notifications (RLS policy `recipient`).
  await db.insert(notification).values(
    q.recipientUserIds.map((recipientUserId) => ({
      municipalityId: q.municipalityId,
      recipientUserId,
      kind: q.kind,
      referralId: q.referralId,
      reference: q.reference,
      linkPath: q.linkPath ?? null,
    })),
  );
}

/** Enabled staff accounts of the municipality with one of the roles. */
export async function staffIdsWithRole(db: Executor, q: { municipalityId: string; roles: ('intake' | 'unitManager')[] }) {
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.municipalityId, q.municipalityId), eq(appUser.kind, 'staff'), inArray(appUser.role, q.roles), isNull(appUser.disabledAt)));
  return rows.map((r) => r.id);
}

export function listNotificationsOf(db: Executor, q: { userId: string; limit: number }) {
  return db
    .select({
      id: notification.id,
      kind: notification.kind,
      referralId: notification.referralId,
      linkPath: notification.linkPath,
      caseTransferId: notification.caseTransferId,
      reference: notification.reference,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
    })
    .from(notification)
    .where(eq(notification.recipientUserId, q.userId))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(q.limit);
}

export async function countUnreadNotifications(db: Executor, userId: string) {
  // Part of every inbox read and the header of every page: built once (runPrepared).
  const [row] = await runPrepared(
    db,
    'notification:unread-count',
    (db) => db.select({ n: count() }).from(notification).where(and(eq(notification.recipientUserId, sql.placeholder('userId')), isNull(notification.readAt))),
    { userId },
  );
  return row?.n ?? 0;
}

/** Marks the recipient's own notifications read: all of them, or one. */
export async function markNotificationsRead(db: Executor, q: { userId: string; id?: string }) {
  await db
    .update(notification)
    .set({ readAt: new Date() })
    .where(and(eq(notification.recipientUserId, q.userId), isNull(notification.readAt), q.id ? eq(notification.id, q.id) : undefined));
}
