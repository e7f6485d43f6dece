// Transfer of a case to another municipality (issue 6 item 9). The row belongs to two tenants: the sender reads
// and writes it (policy `sender`), the receiver reads it (policy `receiver`, SELECT only) and answers through
// the SECURITY DEFINER functions of the migration. It holds the summary the consent allows, never the journal.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { transferStatuses, type TransferSummary } from '@utvag/domain';
import { supportCase } from './case.ts';
import { municipality } from './organisation.ts';
import { appUser } from './user.ts';

export const transferStatus = pgEnum('transfer_status', transferStatuses);

export const caseTransfer = pgTable(
  'case_transfer',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Shown to both municipalities and in notifications (FLYTT-2026-3F9A1C); no personal data. */
    reference: text().notNull().unique(),
    caseId: uuid()
      .notNull()
      .references(() => supportCase.id),
    fromMunicipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    toMunicipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    status: transferStatus().notNull().default('offered'),
    summary: jsonb().$type<TransferSummary>().notNull(),
    /** The day the person signed the consent to the transfer (the consent register will link it later). */
    consentSignedOn: date({ mode: 'string' }).notNull(),
    offeredByUserId: uuid()
      .notNull()
      .references(() => appUser.id),
    offeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredByUserId: uuid().references(() => appUser.id),
    answeredAt: timestamp({ withTimezone: true }),
    declineReason: text(),
    /** The receiving municipality's case, on acceptance. */
    newCaseId: uuid().references(() => supportCase.id),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.toMunicipalityId, t.status, t.offeredAt),
    index().on(t.caseId),
    // At most one open offer per case.
    uniqueIndex('case_transfer_one_open_offer').on(t.caseId).where(sql`${t.status} = 'offered'`),
    check('case_transfer_other_municipality', sql`${t.fromMunicipalityId} <> ${t.toMunicipalityId}`),
  ],
);
