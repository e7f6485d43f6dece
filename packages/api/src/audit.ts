// Reads and writes of a person's data run in one transaction together with their audit entry: if the
// entry cannot be written, the access does not happen. The transaction runs as the application role with the
// user's tenant set, so row-level security guards every query a second time.
import { inTenantTransaction, insertAuditEntry, type Tx } from '@utvag/db';
import type { Context, SessionUser } from './context.ts';
import type { Action } from './permissions.ts';

export interface AuditRecord {
  recordType: string;
  recordId?: string | null;
  subjectIds?: string[];
}

function entryFor(ctx: Context, user: SessionUser | null, action: string) {
  return {
    userId: user?.id ?? null,
    role: user?.role ?? null,
    municipalityId: user?.municipalityId ?? null,
    organisationId: user?.organisationId ?? null,
    action,
    requestId: ctx.requestId,
  };
}

/** Runs `work` in a transaction and records what it touched; `work` returns the result and the record. */
export async function audited<T>(
  ctx: Context & { user: SessionUser },
  action: Action,
  work: (tx: Tx) => Promise<{ result: T; record: AuditRecord }>,
): Promise<T> {
  const { user } = ctx;
  const tenant = { municipalityId: user.municipalityId, organisationId: user.organisationId, userId: user.id, role: user.role };
  return inTenantTransaction(ctx.db, tenant, async (tx) => {
    const { result, record } = await work(tx);
    await insertAuditEntry(tx, { ...entryFor(ctx, ctx.user, action), ...record, subjectIds: record.subjectIds ?? null });
    return result;
  });
}

/** A refused attempt is on record too (outside any transaction, since the access itself never happens). */
export async function auditDenied(ctx: Context, action: string, recordType = 'procedure') {
  await insertAuditEntry(ctx.db, { ...entryFor(ctx, ctx.user, action), recordType, outcome: 'denied' });
}
