// Police threat and protection-need assessments (issue 6 item 3). A request from social services to a police
// organisation of the same municipality, and the police's answer as its own record. The request carries a copy
// of the minimum the police need to assess (name and identity number, or only the reference when the identity is
// protected): the police may not read `person` or `case` (row-level security), so this copy is what is disclosed,
// with its legal basis. RLS (drizzle/0020_*.sql): staff of the municipality; a partner only the requests addressed
// to their own organisation, and only the answers their organisation wrote.
import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessmentLegalBases, assessmentNoticeKinds, assessmentRequestStatuses, protectionNeeds } from '@utvag/domain';
import { supportCase } from './case.ts';
import { municipality, organisation } from './organisation.ts';
import { appUser } from './user.ts';

export const protectionNeed = pgEnum('protection_need', protectionNeeds);
/** The disclosure log's three legal bases (domain disclosure.ts); its own PostgreSQL type only because the two tables
 * arrived in parallel migrations. Merging the types needs a column type change, left for a migration of its own. */
export const assessmentLegalBasis = pgEnum('assessment_legal_basis', assessmentLegalBases);
export const assessmentRequestStatus = pgEnum('assessment_request_status', assessmentRequestStatuses);

export const policeAssessmentRequest = pgTable(
  'police_assessment_request',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    caseId: uuid()
      .notNull()
      .references(() => supportCase.id),
    /** The police organisation asked (type police, same municipality; checked by the API). */
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    /** Shown to the police instead of anything that identifies the case (the referral's number, or the case's). */
    reference: text().notNull(),
    question: text().notNull(),
    legalBasis: assessmentLegalBasis().notNull(),
    /** What the police see of the person: null name and number when the identity is protected. */
    subjectName: text(),
    subjectIdentityNumber: char({ length: 12 }),
    subjectProtected: boolean().notNull().default(false),
    status: assessmentRequestStatus().notNull().default('requested'),
    /** A renewal names the request it renews. */
    previousRequestId: uuid(),
    requestedByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnByUserId: uuid().references(() => appUser.id),
    withdrawnAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [index().on(t.caseId, t.requestedAt), index('police_assessment_request_org_status_idx').on(t.organisationId, t.status, t.requestedAt)],
);

/** The police's answer: one per request. */
export const policeAssessment = pgTable(
  'police_assessment',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    requestId: uuid()
      .notNull()
      .references(() => policeAssessmentRequest.id),
    caseId: uuid()
      .notNull()
      .references(() => supportCase.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    protectionNeed: protectionNeed().notNull(),
    threatSummary: text().notNull(),
    validUntil: date({ mode: 'string' }).notNull(),
    answeredByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    answeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A double submit with the same key gets the first answer. */
    idempotencyKey: uuid().notNull(),
  },
  (t) => [
    uniqueIndex().on(t.requestId),
    uniqueIndex().on(t.organisationId, t.idempotencyKey),
    index().on(t.caseId, t.answeredAt),
    check('police_assessment_summary_length', sql`char_length(${t.threatSummary}) <= 1000`),
  ],
);

export const assessmentNoticeKind = pgEnum('assessment_notice_kind', assessmentNoticeKinds);

/**
 * The expiry notices sent about an answer (nightly job, packages/api police-assessment/expiry.ts): one row per
 * answer and kind, so a notice is never sent twice however often the job runs. Staff of the municipality only (RLS).
 */
export const policeAssessmentNotice = pgTable(
  'police_assessment_notice',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    assessmentId: uuid()
      .notNull()
      .references(() => policeAssessment.id),
    kind: assessmentNoticeKind().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.assessmentId, t.kind)],
);
