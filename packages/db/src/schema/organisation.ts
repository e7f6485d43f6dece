// The tenant (municipality), its social-services units, and the partner organisations that refer to it.
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisationType } from './enums.ts';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const municipality = pgTable('municipality', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  /** SCB's four-digit municipality code; unique when known. */
  code: text().unique(),
  createdAt: createdAt(),
});

export const unit = pgTable(
  'unit',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    name: text().notNull(),
    /** What the unit does, e.g. intake, sigTeam, youngAdults, exitProgramme (DOMAIN.md §2). */
    kind: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.municipalityId, t.name)],
);

export const organisation = pgTable(
  'organisation',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    type: organisationType().notNull(),
    name: text().notNull(),
    /** Organisation-level switch, e.g. required MFA for its partner users (issue 3). */
    requiresMfa: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.municipalityId, t.name)],
);
