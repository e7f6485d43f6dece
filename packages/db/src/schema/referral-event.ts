// The history of a referral after it came in (issue 5): the clock-stopping events staff record, assignments
// (who, when, from and to) and person links. Staff only: partners see the timeline partnerTimeline derives.
import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { investigationOutcome } from './enums.ts';
import { municipality, unit } from './organisation.ts';
import { person, referral } from './referral.ts';
import { appUser } from './user.ts';

export const referralEventKind = pgEnum('referral_event_kind', [
  'firstContact',
  'immediateSafetyAssessment',
  'preliminaryAssessment',
  'assigned',
  'personLinked',
  /** Staff said a proposed candidate (toPersonId) is not the referral's person: not proposed again. */
  'matchRejected',
]);

export const referralEvent = pgTable(
  'referral_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    referralId: uuid()
      .notNull()
      .references(() => referral.id),
    kind: referralEventKind().notNull(),
    /** When it happened (a contact made by phone an hour ago), which may be before it was recorded. */
    at: timestamp({ withTimezone: true }).notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    investigationOutcome: investigationOutcome(),
    /** The recorded exceptional reason for a late investigation decision. */
    note: text(),
    fromUnitId: uuid().references(() => unit.id),
    toUnitId: uuid().references(() => unit.id),
    fromUserId: uuid().references(() => appUser.id),
    toUserId: uuid().references(() => appUser.id),
    fromPersonId: uuid().references(() => person.id, { onDelete: 'set null' }),
    toPersonId: uuid().references(() => person.id),
  },
  (t) => [index().on(t.referralId, t.recordedAt)],
);
