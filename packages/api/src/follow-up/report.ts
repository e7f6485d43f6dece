// The follow-up report (issue 8): the same tables for one municipality (its own staff) and for a region (sums over
// the municipalities that share with it). Every figure is an aggregate computed in SQL (packages/db follow-up.ts);
// this file only names the period, runs the queries in one audited transaction, builds the domain's tables and
// applies small-number suppression for whoever may not see small numbers.
import {
  caseFlowEntries,
  casesByAgeAndGenderEntries,
  clockEntries,
  costEntries,
  findRegionalAccount,
  inRegionalTransaction,
  insertAuditEntry,
  municipalityNames,
  policeFundingEntries,
  referralsBySourceEntries,
  regionMunicipalities,
  responseTimeEntries,
  returnEntries,
  suppressionThresholdFor,
  terminationReasonEntries,
  trendEntries,
  type Executor,
  type ReportScope,
} from '@utvag/db';
import {
  caseFlowTable,
  casesClosedByAgeAndGenderTable,
  casesInitiatedByAgeAndGenderTable,
  casesOpenByAgeAndGenderTable,
  clocksTable,
  costsByProgrammeTable,
  costsByTypeTable,
  periodBounds,
  policeFundingTable,
  periodOfQuery,
  presetOf,
  recentHalfYears,
  referralsBySourceTable,
  responseTimesTable,
  returnsTable,
  suppressTable,
  terminationReasonsTable,
  tableFromEntries,
  trendsTable,
  type ReportPeriod,
  type ReportQuery,
  type ShownTable,
  type TableDefinition,
} from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Action } from '../permissions.ts';

export interface FollowUpReport {
  period: ReportPeriod;
  preset: string | null;
  generatedAt: string;
  scope: { kind: 'municipality' | 'region'; name: string; municipalities: string[] };
  suppression: { threshold: number; applied: boolean };
  tables: ShownTable[];
  trends: ShownTable;
}

type StaffContext = Context & { user: StaffUser };

/** Who sees small numbers: the municipality's own staff on screen. Regions and every export get "<5". */
export interface Audience {
  suppress: boolean;
}

async function computeReport(
  tx: Executor,
  municipalityIds: string[],
  period: ReportPeriod,
  now: Date,
  audience: Audience,
  regionId?: string,
): Promise<Pick<FollowUpReport, 'tables' | 'trends' | 'suppression'>> {
  const { start, end } = periodBounds(period);
  const scope: ReportScope = { municipalityIds, start, end, now };
  const halfYears = recentHalfYears(now, 8);
  const trendPeriods = halfYears.map((h) => ({ label: h.label, ...periodBounds(h) }));
  // One connection, so one query after the other; each is a single aggregate over the period's index range.
  const byAgeAndGender = await casesByAgeAndGenderEntries(tx, scope);
  const costScope = { municipalityIds, from: period.from, to: period.to };
  const costs = await costEntries(tx, costScope);
  const entries: [TableDefinition, Awaited<ReturnType<typeof caseFlowEntries>>][] = [
    [caseFlowTable, await caseFlowEntries(tx, scope)],
    [casesInitiatedByAgeAndGenderTable, byAgeAndGender.initiated],
    [casesClosedByAgeAndGenderTable, byAgeAndGender.closed],
    [casesOpenByAgeAndGenderTable, byAgeAndGender.open],
    [terminationReasonsTable, await terminationReasonEntries(tx, scope)],
    [returnsTable, await returnEntries(tx, scope)],
    [referralsBySourceTable, await referralsBySourceEntries(tx, scope)],
    [responseTimesTable, await responseTimeEntries(tx, scope)],
    [clocksTable, await clockEntries(tx, scope)],
    [costsByProgrammeTable, costs.byProgramme],
    [costsByTypeTable, costs.byType],
    [policeFundingTable, await policeFundingEntries(tx, costScope)],
  ];
  const trendData = tableFromEntries(trendsTable, await trendEntries(tx, { municipalityIds, periods: trendPeriods }), halfYears.map((h) => h.label));
  const threshold = await suppressionThresholdFor(tx, municipalityIds, regionId);
  const policy = { threshold, suppress: audience.suppress };
  return {
    tables: entries.map(([definition, e]) => suppressTable(definition, tableFromEntries(definition, e), policy)),
    trends: suppressTable(trendsTable, trendData, policy),
    suppression: { threshold, applied: audience.suppress },
  };
}

/** The report for the caller's own municipality. */
export async function municipalityReport(ctx: StaffContext, query: ReportQuery, action: Action, audience: Audience): Promise<FollowUpReport> {
  const period = periodOfQuery(query);
  const now = new Date();
  return audited(ctx, action, async (tx) => {
    const computed = await computeReport(tx, [ctx.user.municipalityId], period, now, audience);
    const [name] = await municipalityNames(tx, [ctx.user.municipalityId]);
    return {
      result: {
        period,
        preset: presetOf(period),
        generatedAt: now.toISOString(),
        scope: { kind: 'municipality' as const, name: name ?? '', municipalities: name ? [name] : [] },
        ...computed,
      },
      // Aggregates only: no person is read one by one, so the entry names none.
      record: { recordType: 'followUpReport', recordId: null, subjectIds: [] },
    };
  });
}

/** The report summed over the municipalities that share with the caller's region; always suppressed. */
export async function regionalReport(ctx: StaffContext, query: ReportQuery, action: Action): Promise<FollowUpReport> {
  const period = periodOfQuery(query);
  const now = new Date();
  // Who asks is the session's own user (the tenant fixed at the start of the request), as in audited().
  const who = ctx.tenant;
  if (!who) throw notFound();
  const account = await findRegionalAccount(ctx.db, who.userId);
  if (!account) throw notFound();
  return inRegionalTransaction(ctx.db, { regionId: account.regionId, userId: who.userId, role: who.role }, async (tx) => {
    const members = await regionMunicipalities(tx, account.regionId);
    const computed = await computeReport(tx, members.map((m) => m.id), period, now, { suppress: true }, account.regionId);
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
    return {
      period,
      preset: presetOf(period),
      generatedAt: now.toISOString(),
      scope: { kind: 'region' as const, name: account.regionName, municipalities: members.map((m) => m.name) },
      ...computed,
    };
  });
}
