// Units and staff of the caller's municipality (names only), for assignment and the inbox's unit filter.
import { inTenantTransaction, listReferralAssignees, listUnitsOfMunicipality } from '@utvag/db';
import type { Context, StaffUser } from '../context.ts';

export function readDirectory(ctx: Context & { user: StaffUser }) {
  const { user, tenant } = ctx;
  // Row-level security under the session's own tenant (fixed at the start of the request), never one built from
  // the user a handler was given.
  if (!tenant) throw new Error('readDirectory needs a signed-in request');
  // Colleagues' names and units are not a person's (client's) data: no audit entry.
  return inTenantTransaction(ctx.db, tenant, async (tx) => ({
    units: await listUnitsOfMunicipality(tx, user.municipalityId),
    staff: await listReferralAssignees(tx, user.municipalityId),
  }));
}
