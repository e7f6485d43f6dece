// Consent register and disclosure log (issue 6 item 4). Every row carries the case's municipality (the tenant),
// so row-level security guards it (staff only; partners never read these tables) and a transfer can move them.
import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { consentPurposes, consentRevokers, disclosureCategories, legalBases } from '@utvag/domain';
import { municipality, organisation } from './organisation.ts';
import { supportCase } from './case.ts';
import { appUser } from './user.ts';

export const consentPurpose = pgEnum('consent_purpose', consentPurposes);
export const consentRevoker = pgEnum('consent_revoker', consentRevokers);
export const legalBasis = pgEnum('legal_basis', legalBases);
export const disclosureCategory = pgEnum('disclosure_category', disclosureCategories);

/** One signed consent: one receiving organisation, one or more purposes, dates, and its revocation. */
export const caseConsent = pgTable(
  'case_consent',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    caseId: uuid()
      .notNull()
      .references(() => supportCase.id),
    /** The receiving partner organisation (of the same municipality). */
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    purposes: consentPurpose().array().notNull(),
    signedOn: date({ mode: 'string' }).notNull(),
    /** For a minor: each guardian's signature (one or two guardians). */
    guardian1SignedOn: date({ mode: 'string' }),
    guardian2SignedOn: date({ mode: 'string' }),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    recordedByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedOn: date({ mode: 'string' }),
    revokedBy: consentRevoker(),
    revocationReason: text(),
    revokedByUserId: uuid().references(() => appUser.id),
    revokedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [index().on(t.caseId, t.organisationId)],
);

/** Every disclosure to a partner with its legal basis (§10). Appended, never changed. */
export const disclosure = pgTable(
  'disclosure',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    caseId: uuid()
      .notNull()
      .references(() => supportCase.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    category: disclosureCategory().notNull(),
    legalBasis: legalBasis().notNull(),
    disclosedOn: date({ mode: 'string' }).notNull(),
    note: text(),
    disclosedByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId, t.recordedAt)],
);
