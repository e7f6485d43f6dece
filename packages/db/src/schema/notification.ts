// In-app notifications (issue 5 item 7) for staff and partners. The text is built from `kind` and the
// reference number only: no personal data is ever stored here.
import { index, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { notificationKinds } from '@utvag/domain';
import { municipality } from './organisation.ts';
import { referral } from './referral.ts';
import { caseTransfer } from './transfer.ts';
import { appUser } from './user.ts';

export const notificationKind = pgEnum('notification_kind', notificationKinds);

export const notification = pgTable(
  'notification',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    recipientUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    kind: notificationKind().notNull(),
    /** The referral the notification is about; null for a police assessment or a transfer (issue 6). */
    referralId: uuid().references(() => referral.id),
    /** Where the notification leads when it is not about a referral (a path with an id, never personal data). */
    linkPath: text(),
    /** The transfer offer a notification is about (issue 6 item 9). */
    caseTransferId: uuid().references((): AnyPgColumn => caseTransfer.id),
    reference: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    /** The e-mail outbox (issue 5 item 7): when the mail job dealt with the row (sent, or not wanted), and when
     * a message actually went out. Rows with neither are still pending. */
    emailHandledAt: timestamp({ withTimezone: true }),
    emailSentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.recipientUserId, t.createdAt)],
);
