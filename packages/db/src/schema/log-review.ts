// Log review (loggkontroll, issue 3): a unit manager's monthly sign-off that the month's access log of their
// municipality has been reviewed, with how many entries and flags they saw. One sign-off per unit and month.
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality, unit } from './organisation.ts';
import { appUser } from './user.ts';

export const logReview = pgTable(
  'log_review',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    unitId: uuid()
      .notNull()
      .references(() => unit.id),
    /** The reviewed calendar month, YYYY-MM (Swedish time). */
    month: text().notNull(),
    signedByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    entries: integer().notNull(),
    flagged: integer().notNull(),
    note: text(),
  },
  (t) => [uniqueIndex().on(t.unitId, t.month)],
);
