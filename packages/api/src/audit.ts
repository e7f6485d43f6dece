// Reads and writes of a person's data run in one transaction together with their audit entry: if the
// entry cannot be written, the access does not happen. The transaction runs as the application role with the
// user's tenant set, so row-level security guards every query a second time.
import { inTenantTransaction, insertAccessAuditEntry, insertAuditEntry, type Tx } from '@utvag/db';
import type { Context, SessionUser } from './context.ts';
import type { Action } from './permissions.ts';

export interface AuditRecord {
  recordType: string;
  recordId?: string | null;
  subjectIds?: string[];
  /** The user's stated reason, where the action asks for one (revealing a protected identity). */
  reason?: string;
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
  // The tenant fixed at the start of the request, never one derived from what a handler was given.
  const { tenant } = ctx;
  if (!tenant) throw new Error('audited() needs a signed-in request');
  return inTenantTransaction(ctx.db, tenant, async (tx) => {
    const { result, record } = await work(tx);
    await insertAccessAuditEntry(tx, {
      // Who is on record is the session's user (the tenant), whatever a handler was given.
      userId: tenant.userId,
      role: tenant.role,
      municipalityId: tenant.municipalityId,
      organisationId: tenant.organisationId,
      action,
      requestId: ctx.requestId,
      recordType: record.recordType,
      recordId: record.recordId ?? null,
      subjectIds: record.subjectIds ?? null,
      reason: record.reason ?? null,
    });
    return result;
  });
}

/** A refused attempt is on record too (outside any transaction, since the access itself never happens). */
export async function auditDenied(ctx: Context, action: string, recordType = 'procedure') {
  // As in audited(): the session's own tenant is on record when there is one, whatever user a handler was given.
  const t = ctx.tenant;
  const who = t
    ? { userId: t.userId, role: t.role, municipalityId: t.municipalityId, organisationId: t.organisationId, action, requestId: ctx.requestId }
    : entryFor(ctx, ctx.user, action);
  await insertAuditEntry(ctx.db, { ...who, recordType, outcome: 'denied' });
}
