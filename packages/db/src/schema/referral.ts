// People and the referrals about them: the one way in (DOMAIN.md §9.1).
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { programme, referralKind, referralStatus, triageDecision, urgency } from './enums.ts';
import { municipality, organisation } from './organisation.ts';
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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
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
    personId: uuid()
      .notNull()
      .references(() => person.id),
    reason: text().notNull(),
    urgency: urgency().notNull().default('normal'),
    threatOrProtectionNeed: boolean().notNull().default(false),
    personWantsOut: boolean().notNull().default(false),
    consentToContact: boolean().notNull().default(false),
    contactName: text().notNull(),
    contactPhone: text().notNull(),
    contactEmail: text().notNull(),
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
    index('referral_source_idx').on(t.sourceOrganisationId, t.receivedAt, t.id),
    index().on(t.personId),
  ],
);
