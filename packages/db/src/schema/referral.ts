// People and the referrals about them: the one way in (DOMAIN.md §9.1).
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  smallint,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applicant, gender, guardiansInformed, investigationOutcome, intakeChannel, programme, referralKind, referralStatus, triageDecision, urgency } from './enums.ts';
import { municipality, organisation, unit } from './organisation.ts';
import { appUser } from './user.ts';

export const person = pgTable(
  'person',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** Always the 12 digits YYYYMMDDNNNC; null when only a date of birth is known. */
    identityNumber: char({ length: 12 }),
    birthDate: date({ mode: 'string' }),
    /** Skyddade personuppgifter: never shown by default, never in partner views or exports. */
    protectedIdentity: boolean().notNull().default(false),
    /** For the half-year follow-up by age and gender (DOMAIN.md §8); unknown until recorded. */
    gender: gender().notNull().default('unknown'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The folded names (utvag_name_key, migration 0026), stored (migration 0031): a case search that walks the
     * case list compares them for each case instead of folding two names per case. Never written by the app. */
    firstNameKey: text().generatedAlwaysAs(sql`utvag_name_key(first_name)`),
    lastNameKey: text().generatedAlwaysAs(sql`utvag_name_key(last_name)`),
  },
  (t) => [
    // Person matching (issue 5): candidates by date of birth within the municipality.
    index().on(t.municipalityId, t.birthDate),
    // Case search by name prefix (issue 9): the folded name in byte order, so a prefix is a range scan. Migration
    // 0031 also includes the id (drizzle cannot say INCLUDE): the probe for a prefix's people reads only the index.
    index('person_first_name_key_idx').on(t.municipalityId, sql`(${t.firstNameKey} collate "C")`),
    index('person_last_name_key_idx').on(t.municipalityId, sql`(${t.lastNameKey} collate "C")`),
    uniqueIndex()
      .on(t.municipalityId, t.identityNumber)
      .where(sql`${t.identityNumber} IS NOT NULL`),
  ],
);

/** Feeds the human-readable reference number (UTV-2026-000123) given on the receipt. */
export const referralReferenceSeq = pgSequence('referral_reference_seq', { startWith: 1 });

export const referral = pgTable(
  'referral',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    reference: text().notNull().unique(),
    kind: referralKind().notNull(),
    /** Null for a self-application registered by staff. */
    sourceOrganisationId: uuid().references(() => organisation.id),
    submittedByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    /** A retried submission with the same key returns the first receipt. */
    idempotencyKey: uuid().notNull(),
    /** SHA-256 of the validated input: the same key with a different body is refused, not silently answered. */
    inputHash: text(),
    personId: uuid()
      .notNull()
      .references(() => person.id),
    reason: text().notNull(),
    urgency: urgency().notNull().default('normal'),
    threatOrProtectionNeed: boolean().notNull().default(false),
    personWantsOut: boolean().notNull().default(false),
    consentToContact: boolean().notNull().default(false),
    /** The partner's contact (never anonymous), or for a direct item the person or guardian to call back. */
    contactName: text(),
    contactPhone: text(),
    contactEmail: text(),
    /** The domain's inboxRank at receipt (protection need, child): the inbox's first sort key. */
    inboxRank: smallint().notNull().default(3),
    /** The person was under 18 when the item came in (concern reports always). */
    childAtReceipt: boolean().notNull().default(false),
    // Probation service (Frivården): dates and the person's own words about wanting out.
    releaseDate: date({ mode: 'string' }),
    supervisionEndDate: date({ mode: 'string' }),
    statedMotivation: text(),
    // School concern report: the reporter is the submitting account and the contact, never anonymous.
    schoolName: text(),
    schoolClass: text(),
    /** Guardians as the reporter knows them: [{ name, phone? }]. */
    guardians: jsonb().$type<{ name: string; phone?: string }[]>(),
    guardiansInformed: guardiansInformed(),
    suspectedViolenceAtHome: boolean().notNull().default(false),
    // Direct intake written down by staff: how and from whom it came (receivedAt is when it came in).
    intakeChannel: intakeChannel(),
    applicant: applicant(),
    // Events that stop the clocks (packages/domain clocks.ts); recorded by staff.
    firstContactAt: timestamp({ withTimezone: true }),
    safetyAssessedAt: timestamp({ withTimezone: true }),
    investigationDecidedAt: timestamp({ withTimezone: true }),
    investigationAlreadyOpen: boolean().notNull().default(false),
    /** The recorded investigation decision (referral_event has who and the exceptional reason). */
    investigationOutcome: investigationOutcome(),
    /** When staff first opened it: the "under review" entry of the partner's timeline. */
    reviewStartedAt: timestamp({ withTimezone: true }),
    assignedUnitId: uuid().references(() => unit.id),
    assignedUserId: uuid().references(() => appUser.id),
    status: referralStatus().notNull().default('submitted'),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    triagedAt: timestamp({ withTimezone: true }),
    triagedByUserId: uuid().references(() => appUser.id),
    triageDecision: triageDecision(),
    triageProgramme: programme(),
    triageReason: text(),
    /** Optimistic concurrency: an edit names the version it read, and a stale one is refused. */
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.submittedByUserId, t.idempotencyKey),
    index('referral_inbox_idx').on(t.municipalityId, t.status, t.receivedAt, t.id),
    // The inbox (issue 5): open items only, in the domain's order, so a page is an index range with no sort.
    index('referral_inbox_open_idx')
      .on(t.municipalityId, t.inboxRank, t.receivedAt, t.id)
      .where(sql`${t.status} in ('submitted', 'underReview')`),
    index('referral_source_idx').on(t.sourceOrganisationId, t.receivedAt, t.id),
    index().on(t.personId),
    index().on(t.assignedUnitId),
  ],
);
