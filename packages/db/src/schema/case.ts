// A case (ärende): one person's course through a programme, and its event history.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseStatus, programme } from './enums.ts';
import { municipality, unit } from './organisation.ts';
import { person, referral } from './referral.ts';
import { appUser } from './user.ts';

export const supportCase = pgTable(
  'case',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    personId: uuid()
      .notNull()
      .references(() => person.id),
    programme: programme().notNull(),
    unitId: uuid().references(() => unit.id),
    responsibleUserId: uuid().references(() => appUser.id),
    status: caseStatus().notNull().default('open'),
    /** Age at the case's start; null when only the year is unknown. */
    ageAtStart: integer(),
    referralId: uuid().references(() => referral.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.municipalityId, t.status, t.openedAt), index().on(t.personId)],
);

export const caseEvent = pgTable(
  'case_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    caseId: uuid()
      .notNull()
      .references(() => supportCase.id),
    /** e.g. opened, triaged, programmeChanged. */
    kind: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid().references(() => appUser.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId, t.at)],
);
