import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { runPrepared } from '../prepared.ts';
import { auditEntry } from '../schema/index.ts';

export type AuditEntryInput = typeof auditEntry.$inferInsert;

export async function insertAuditEntry(db: Executor, entry: AuditEntryInput) {
  await db.insert(auditEntry).values(entry);
}

/** What every allowed, audited access records (packages/api `audited`); the rest of the row is the trigger's. */
export interface AccessAuditEntry {
  userId: string;
  role: string;
  municipalityId: string | null;
  organisationId: string | null;
  action: string;
  requestId: string | null;
  recordType: string;
  recordId: string | null;
  subjectIds: string[] | null;
  reason: string | null;
}

const p = sql.placeholder;

/**
 * The entry of an allowed access, in the caller's transaction. Written on every audited request, so the insert is
 * built once (runPrepared). The subject ids go as the array literal the column's encoder makes, as the builder sends them.
 */
export async function insertAccessAuditEntry(db: Executor, entry: AccessAuditEntry) {
  await runPrepared(
    db,
    'audit:access',
    (db) =>
      db.insert(auditEntry).values({
        userId: p('userId'),
        role: p('role'),
        municipalityId: p('municipalityId'),
        organisationId: p('organisationId'),
        action: p('action'),
        requestId: p('requestId'),
        recordType: p('recordType'),
        recordId: p('recordId'),
        // In sql``, not bare: a bare placeholder gets the array column's encoder, which fails on null.
        subjectIds: sql`${p('subjectIds')}`,
        reason: p('reason'),
      }),
    { ...entry, subjectIds: entry.subjectIds === null ? null : auditEntry.subjectIds.mapToDriverValue(entry.subjectIds) },
  );
}
