// Retention (gallring, DOMAIN.md §10): a nightly dry run proposes which people's records are due for culling;
// nothing is culled until a unit manager approves the run. Culled people stay as anonymous rows, so counts and
// statistics stay right; the candidate row records when.
import { date, integer, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { municipality } from './organisation.ts';
import { person } from './referral.ts';
import { appUser } from './user.ts';

export const retentionRun = pgTable(
  'retention_run',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The rules the run applied (packages/domain retention.ts), kept with it. */
    rules: jsonb().notNull(),
    /** proposed (a dry run), approved (culled). */
    status: text().notNull().default('proposed'),
    approvedByUserId: uuid().references(() => appUser.id),
    approvedAt: timestamp({ withTimezone: true }),
    culled: integer().notNull().default(0),
  },
  (t) => [index().on(t.municipalityId, t.createdAt)],
);

export const retentionCandidate = pgTable(
  'retention_candidate',
  {
    id: uuid().primaryKey().defaultRandom(),
    runId: uuid()
      .notNull()
      .references(() => retentionRun.id),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    personId: uuid()
      .notNull()
      .references(() => person.id),
    /** file or concernReport (packages/domain RetentionVerdict). */
    rule: text().notNull(),
    eligibleFrom: date({ mode: 'string' }).notNull(),
    dueBy: date({ mode: 'string' }).notNull(),
    culledAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.runId), index().on(t.personId)],
);
