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
    await tx.execute(sql`select
      set_config('app.municipality_id', ${tenant.municipalityId}, true),
      set_config('app.organisation_id', ${tenant.organisationId ?? ''}, true),
      set_config('app.user_id', ${tenant.userId}, true),
      set_config('app.role', ${tenant.role}, true),
      set_config('role', ${applicationRole}, true)`);
    return work(tx);
  });
}
