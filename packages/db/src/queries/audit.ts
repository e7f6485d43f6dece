import type { Executor } from '../client.ts';
import { auditEntry } from '../schema/index.ts';

export type AuditEntryInput = typeof auditEntry.$inferInsert;

export async function insertAuditEntry(db: Executor, entry: AuditEntryInput) {
  await db.insert(auditEntry).values(entry);
}
