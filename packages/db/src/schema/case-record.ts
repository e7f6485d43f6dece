// What a case holds (issue 6): eligibility assessments, decisions, the journal, the commitment with its
// follow-up, and tasks. Every row carries the case's municipality (the tenant), so row-level security guards it
// and a transfer between municipalities (issue 6 item 9) can move a case's rows together.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  caseTaskKind,
  criterion,
  criterionState,
  decisionOutcome,
  decisionStage,
  drugTestResult,
  followUpKind,
} from './enums.ts';
import { municipality } from './organisation.ts';
import { supportCase } from './case.ts';
import { appUser } from './user.ts';

const tenant = () =>
  uuid()
    .notNull()
    .references(() => municipality.id);
const caseRef = () =>
  uuid()
    .notNull()
    .references(() => supportCase.id);
const at = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** One assessment of one criterion; appended, never changed, so the checklist's history is the table. */
export const eligibilityRecord = pgTable(
  'eligibility_record',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    caseId: caseRef(),
    criterion: criterion().notNull(),
    state: criterionState().notNull(),
    /** The day the judgement was made (may precede the day it was written down). */
    assessedOn: date({ mode: 'string' }).notNull(),
    basis: text(),
    recordedByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    recordedAt: at(),
  },
  (t) => [index().on(t.caseId, t.criterion, t.recordedAt)],
);

/** Investigation → decision. Interventions (issue 7) reference a decision by its id. Locked once signed. */
export const caseDecision = pgTable(
  'case_decision',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    caseId: caseRef(),
    stage: decisionStage().notNull().default('investigation'),
    outcome: decisionOutcome(),
    grounds: text(),
    /** Child perspective (§9.4): does the person have children, and how does the decision affect them. */
    hasChildren: boolean(),
    childImpact: text(),
    /** The interventions decided, as free text until issue 7 adds structured interventions. */
    interventions: text().array().notNull().default(sql`'{}'::text[]`),
    createdByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    createdAt: at(),
    signedAt: timestamp({ withTimezone: true }),
    signedByUserId: uuid().references(() => appUser.id),
    /** Copied from the case when signed, so the figure stays what it was. */
    firstContactAt: timestamp({ withTimezone: true }),
    daysFromFirstContact: integer(),
    version: integer().notNull().default(1),
    updatedAt: at(),
  },
  (t) => [index().on(t.caseId, t.createdAt)],
);

/** The running journal. Written, then signed; a signed entry never changes, a correction entry amends it. */
export const journalEntry = pgTable(
  'journal_entry',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    caseId: caseRef(),
    body: text().notNull(),
    authorUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    writtenAt: at(),
    signedAt: timestamp({ withTimezone: true }),
    signedByUserId: uuid().references(() => appUser.id),
    /** Set on a correction: the signed entry it amends. */
    correctsEntryId: uuid().references((): AnyPgColumn => journalEntry.id),
    /** What was learned orally: when, and from whom (§10). */
    oralSourceAt: timestamp({ withTimezone: true }),
    oralSourceFrom: text(),
    version: integer().notNull().default(1),
  },
  (t) => [index().on(t.caseId, t.writtenAt), index().on(t.correctsEntryId)],
);

/** The signed commitment to refrain from crime and drugs, with its conditions (§5, §10). */
export const caseCommitment = pgTable(
  'case_commitment',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    caseId: caseRef(),
    signedOn: date({ mode: 'string' }).notNull(),
    conditions: text().notNull(),
    recordedByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    recordedAt: at(),
  },
  (t) => [index().on(t.caseId, t.recordedAt)],
);

/** Follow-up of the commitment: drug tests, breaches, other events. */
export const caseFollowUp = pgTable(
  'case_follow_up',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    caseId: caseRef(),
    kind: followUpKind().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    result: drugTestResult(),
    note: text(),
    recordedByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    recordedAt: at(),
  },
  (t) => [index().on(t.caseId, t.occurredOn)],
);

/** Work a case asks of someone: a breach opens a review for the coordinator. */
export const caseTask = pgTable(
  'case_task',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    caseId: caseRef(),
    kind: caseTaskKind().notNull(),
    followUpId: uuid().references(() => caseFollowUp.id),
    /** The case's coordinator when the task opened; null when none was named (unit managers see it then). */
    assignedUserId: uuid().references(() => appUser.id),
    createdAt: at(),
    doneAt: timestamp({ withTimezone: true }),
    doneByUserId: uuid().references(() => appUser.id),
    doneNote: text(),
  },
  (t) => [
    index().on(t.caseId, t.createdAt),
    index('case_task_open_idx').on(t.assignedUserId).where(sql`${t.doneAt} is null`),
  ],
);
