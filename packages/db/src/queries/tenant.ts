// The request's transaction as the application role with its tenant set, so PostgreSQL's row-level security
// (migration 0002) applies on top of the API's own checks. `set_config(…, true)` lasts until the transaction ends.
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../client.ts';

export interface TenantContext {
  municipalityId: string;
  /** Set for partner users: they reach only their own organisation's referrals. */
  organisationId: string | null;
  userId: string;
  role: string;
}

export const applicationRole = 'utvag_app';

export function inTenantTransaction<T>(db: Database, tenant: TenantContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Sent, not awaited: `work`'s first query goes out in the same write, one round trip instead of two (issue 9).
    // The connection is the transaction's own and PostgreSQL runs its statements in the order they arrive, so that
    // query still runs with the tenant and the role set; had set_config failed, it fails too (aborted transaction).
    const tenantSet = tx
      .execute(sql`select
        set_config('app.municipality_id', ${tenant.municipalityId}, true),
        set_config('app.organisation_id', ${tenant.organisationId ?? ''}, true),
        set_config('app.user_id', ${tenant.userId}, true),
        set_config('app.role', ${tenant.role}, true),
        set_config('role', ${applicationRole}, true)`)
      .then(
        () => null,
        (error: unknown) => ({ error }),
      );
    try {
      return await work(tx);
    } finally {
      const failed = await tenantSet;
      // eslint-disable-next-line no-unsafe-finally -- the tenant's own failure is the cause to report
      if (failed) throw failed.error;
    }
  });
}
