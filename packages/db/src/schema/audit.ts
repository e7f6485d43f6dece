// Every read or write of a person's data leaves one row here, in the same transaction as the access.
// Append-only and tamper-evident: a trigger (migration 0001) refuses UPDATE and DELETE and, under a
// transaction-level advisory lock, gives each row the next chain position and a SHA-256 over its content and
// the previous row's hash. `npm run audit:verify` walks the chain.
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditOutcome } from './enums.ts';

export const auditEntry = pgTable(
  'audit_entry',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null for anonymous callers (e.g. a failed login). */
    userId: uuid(),
    role: text(),
    municipalityId: uuid(),
    organisationId: uuid(),
    /** Procedure-level verb, e.g. referral.read, referral.triage, inbox.list. */
    action: text().notNull(),
    recordType: text().notNull(),
    /** The record's id, or null for a listing. Never a name or an identity number. */
    recordId: text(),
    /** People whose data the access showed (for listings), so an access-log review can find every read. */
    subjectIds: uuid().array(),
    /** Why the user asked, where the action requires a reason (revealing a protected identity). */
    reason: text(),
    outcome: auditOutcome().notNull().default('allowed'),
    requestId: text(),
    /** Position in the hash chain, assigned by the trigger under the chain lock (ids can commit out of order). */
    chainSeq: bigint({ mode: 'number' }),
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    index().on(t.municipalityId, t.at),
    index().on(t.recordType, t.recordId),
    uniqueIndex().on(t.chainSeq),
  ],
);
