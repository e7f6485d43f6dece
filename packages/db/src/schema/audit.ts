// Every read or write of a person's data leaves one row here, in the same transaction as the access.
// Append-only and tamper-evident: a trigger refuses UPDATE and DELETE and, under a transaction-level advisory
// lock, links each row to the previous row of its chain with a SHA-256 over its content and that row's hash.
// There are several chains (migration 0023): one per municipality and lane, so concurrent requests do not all
// queue on one lock. Rows written before 0023 form one legacy chain (lane null). `npm run audit:verify` walks all.
import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /**
     * Order in the chain, assigned by the trigger under the chain's lock (ids can commit out of order). Unique over
     * all chains; consecutive within the legacy chain, increasing with gaps within a lane's chain.
     */
    chainSeq: bigint({ mode: 'number' }),
    /** The chain's lane within the municipality (the backend that wrote it, modulo 16); null: the legacy chain. */
    chainLane: smallint(),
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    index().on(t.municipalityId, t.at),
    index().on(t.recordType, t.recordId),
    uniqueIndex().on(t.chainSeq),
    // The trigger finds each chain's newest row through this; it holds no row written before the lanes existed.
    index('audit_entry_chain_head_index').on(t.municipalityId, t.chainLane, t.chainSeq).where(sql`chain_lane is not null`),
  ],
);
