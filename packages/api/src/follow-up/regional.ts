// The regional view of the follow-up report (issue 8) and recomputing a region's stored figures (issue 9). Both run
// in the regional transaction (the `utvag_regional` role with the caller's region set, packages/db follow-up.ts), so
// PostgreSQL opens only the sharing municipalities' rows, read-only, and the region's own stored figures; both leave
// one audit entry naming the region. Aggregates only: a recompute runs the same computation as the nightly job.
import { findRegionalAccount, inRegionalTransaction, insertAuditEntry, regionMunicipalities, type Tx } from '@utvag/db';
import { periodOfQuery, presetOf, type FiguresRecomputeQuery, type ReportQuery } from '@utvag/domain';
import { notFound } from '../errors.ts';
import type { Action } from '../permissions.ts';
import { computeReport, refreshFigures, storedPeriodOf, type FiguresSource, type FollowUpReport, type StaffContext } from './report.ts';

interface Region {
  name: string;
  members: { id: string; name: string }[];
  source: FiguresSource;
}

/** Runs `work` for the caller's region in its regional transaction, and puts the action on record there. */
async function inCallersRegion<T>(ctx: StaffContext, action: Action, work: (tx: Tx, region: Region) => Promise<T>): Promise<T> {
  // Who asks is the session's own user (the tenant fixed at the start of the request), as in audited().
  const who = ctx.tenant;
  if (!who) throw notFound();
  const account = await findRegionalAccount(ctx.db, who.userId);
  if (!account) throw notFound();
  return inRegionalTransaction(ctx.db, { regionId: account.regionId, userId: who.userId, role: who.role }, async (tx) => {
    const members = await regionMunicipalities(tx, account.regionId);
    const source = { municipalityIds: members.map((m) => m.id), store: { regionId: account.regionId }, regionId: account.regionId };
    const result = await work(tx, { name: account.regionName, members, source });
    await insertAuditEntry(tx, {
      userId: who.userId,
      role: who.role,
      municipalityId: who.municipalityId,
      organisationId: null,
      action,
      requestId: ctx.requestId,
      recordType: 'regionalFollowUpReport',
      recordId: account.regionId,
      subjectIds: null,
    });
    return result;
  });
}

/** The report summed over the municipalities that share with the caller's region; always suppressed. */
export async function regionalReport(ctx: StaffContext, query: ReportQuery, action: Action): Promise<FollowUpReport> {
  const period = periodOfQuery(query);
  const now = new Date();
  return inCallersRegion(ctx, action, async (tx, region) => ({
    period,
    preset: presetOf(period),
    generatedAt: now.toISOString(),
    scope: { kind: 'region' as const, name: region.name, municipalities: region.members.map((m) => m.name) },
    ...(await computeReport(tx, region.source, period, now, { suppress: true })),
  }));
}

/**
 * A regional account's "recompute now": the region's stored sums of a completed half-year computed again, as the
 * nightly job computes them (late corrections in a municipality show at once instead of after the night).
 */
export async function recomputeRegionalFigures(ctx: StaffContext, query: FiguresRecomputeQuery, action: Action): Promise<{ computedAt: string }> {
  const now = new Date();
  const period = storedPeriodOf(query, now);
  return inCallersRegion(ctx, action, async (tx, region) => {
    await refreshFigures(tx, region.source, period, now);
    return { computedAt: now.toISOString() };
  });
}
