// Unfinished intake forms (issue 5: save a draft and submit later). A draft is not a referral: it has no
// reference number and registers no person, so a half-typed identity number never enters the person
// register. Only its author can see it (row-level security, migration 0006).
import { jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { intakeSource } from './enums.ts';
import { municipality, organisation } from './organisation.ts';
import { appUser } from './user.ts';

export const referralDraft = pgTable(
  'referral_draft',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    organisationId: uuid().references(() => organisation.id),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    /** The form's idempotency key: the submission that finishes the draft carries the same key. */
    idempotencyKey: uuid().notNull(),
    source: intakeSource().notNull(),
    /** The form's flat values as typed. */
    values: jsonb().$type<Record<string, string>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.userId, t.idempotencyKey)],
);
