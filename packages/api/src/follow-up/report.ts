// The follow-up report (issue 8): the same tables for one municipality (its own staff) and for a region (sums over
// the municipalities that share with it; its transaction and audit entry in regional.ts). Every figure is an
// aggregate computed in SQL (packages/db follow-up.ts); this file only names the period, runs the queries in one
// audited transaction, builds the domain's tables and applies small-number suppression for whoever may not see small
// numbers. A completed half-year's figures are stored and served from the store while fresh (issue 9; packages/domain
// report-freshness.ts, the nightly job in figures-job.ts).
import {
  caseCountEntries,
  clockEntries,
  costEntries,
  municipalityNames,
  policeFundingEntries,
  referralsBySourceEntries,
  responseTimeEntries,
  returnEntries,
  suppressionThresholdFor,
  terminationReasonEntries,
  readStoredFigures,
  storeFigures,
  trendEntries,
  type Entry,
  type Executor,
  type FiguresScope,
  type ReportScope,
  type StoredFigures,
  type TrendPeriod,
} from '@utvag/db';
import {
  caseFlowTable,
  casesClosedByAgeAndGenderTable,
  casesInitiatedByAgeAndGenderTable,
  casesOpenByAgeAndGenderTable,
  clocksTable,
  completedTrendHalfYears,
  costsByProgrammeTable,
  isStorablePeriod,
  costsByTypeTable,
  periodBounds,
  policeFundingTable,
  periodFromPreset,
  periodOfQuery,
  presetOf,
  recentHalfYears,
  referralsBySourceTable,
  reportTables,
  responseTimesTable,
  returnsTable,
  storedFiguresAreFresh,
  suppressTable,
  terminationReasonsTable,
  tableFromEntries,
  trendsTable,
  type FiguresRecomputeQuery,
  type ReportPeriod,
  type ReportQuery,
  type ShownTable,
} from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Action } from '../permissions.ts';

export interface FollowUpReport {
  period: ReportPeriod;
  preset: string | null;
  generatedAt: string;
  scope: { kind: 'municipality' | 'region'; name: string; municipalities: string[] };
  suppression: { threshold: number; applied: boolean };
  /** When the period's figures were computed, and whether they came from the store (issue 9) or were computed now. */
  figures: { stored: boolean; computedAt: string };
  tables: ShownTable[];
  trends: ShownTable;
}

export type StaffContext = Context & { user: StaffUser };

/** Who sees small numbers: the municipality's own staff on screen. Regions and every export get "<5". */
export interface Audience {
  suppress: boolean;
}

/** Whose figures: the municipalities summed, where they are stored, and the region whose threshold also applies. */
export interface FiguresSource {
  municipalityIds: string[];
  store: FiguresScope;
  regionId?: string;
}


/**
 * One period's figures computed live: every table's entries and, for a half-year, its own trend counts (so stored
 * figures also serve the trends of later reports). One connection, so one query after the other; each is a single
 * aggregate over the period's index range.
 */
export async function computeFigures(tx: Executor, municipalityIds: string[], period: ReportPeriod, now: Date): Promise<StoredFigures> {
  const { start, end } = periodBounds(period);
  const scope: ReportScope = { municipalityIds, start, end, now };
  const cases = await caseCountEntries(tx, scope);
  const costScope = { municipalityIds, from: period.from, to: period.to };
  const costs = await costEntries(tx, costScope);
  const tables: Record<string, Entry[]> = {
    [caseFlowTable.id]: cases.flow,
    [casesInitiatedByAgeAndGenderTable.id]: cases.byAgeAndGender.initiated,
    [casesClosedByAgeAndGenderTable.id]: cases.byAgeAndGender.closed,
    [casesOpenByAgeAndGenderTable.id]: cases.byAgeAndGender.open,
    [terminationReasonsTable.id]: await terminationReasonEntries(tx, scope),
    [returnsTable.id]: await returnEntries(tx, scope),
    [referralsBySourceTable.id]: await referralsBySourceEntries(tx, scope),
    [responseTimesTable.id]: await responseTimeEntries(tx, scope),
    [clocksTable.id]: await clockEntries(tx, scope),
    [costsByProgrammeTable.id]: costs.byProgramme,
    [costsByTypeTable.id]: costs.byType,
    [policeFundingTable.id]: await policeFundingEntries(tx, costScope),
  };
  const label = presetOf(period);
  const trend = label?.includes('-H') ? await trendEntries(tx, { municipalityIds, periods: [{ label, start, end }] }) : [];
  return { tables, trend };
}

const samePeriod = (a: ReportPeriod, b: ReportPeriod) => a.from === b.from && a.to === b.to;

/** Computes a completed half-year's figures now and stores them (the nightly job and the recompute action). */
export async function refreshFigures(tx: Executor, source: FiguresSource, period: ReportPeriod, now: Date): Promise<StoredFigures> {
  const figures = await computeFigures(tx, source.municipalityIds, period, now);
  await storeFigures(tx, source.store, period, figures, now);
  return figures;
}

/**
 * The report's figures: a completed half-year from the store when its figures are fresh (packages/domain
 * report-freshness.ts), else computed now and stored; the open half-year, a year or a custom period always live.
 * The trends take each completed half-year's counts from the store when fresh and count the rest live.
 * Suppression is applied here, on reading, so a changed threshold applies to stored figures at once.
 */
export async function computeReport(
  tx: Executor,
  source: FiguresSource,
  period: ReportPeriod,
  now: Date,
  audience: Audience,
): Promise<Pick<FollowUpReport, 'tables' | 'trends' | 'suppression' | 'figures'>> {
  const halfYears = recentHalfYears(now, 8);
  const storable = isStorablePeriod(period, now);
  const stored = await readStoredFigures(tx, source.store, [...completedTrendHalfYears(now), ...(storable ? [period] : [])]);
  const freshOf = (p: ReportPeriod) => stored.find((r) => samePeriod(r, p) && storedFiguresAreFresh(p, r.computedAt, now));

  const kept = storable ? freshOf(period) : undefined;
  const figures = kept?.figures ?? (storable ? await refreshFigures(tx, source, period, now) : await computeFigures(tx, source.municipalityIds, period, now));
  const computedAt = kept?.computedAt ?? now;

  const trend: Entry[] = [];
  const live: TrendPeriod[] = [];
  for (const h of halfYears) {
    const known = samePeriod(h, period) && figures.trend.length > 0 ? figures.trend : freshOf(h)?.figures.trend;
    if (known) trend.push(...known);
    else live.push({ label: h.label, ...periodBounds(h) });
  }
  trend.push(...(await trendEntries(tx, { municipalityIds: source.municipalityIds, periods: live })));

  const threshold = await suppressionThresholdFor(tx, source.municipalityIds, source.regionId);
  const policy = { threshold, suppress: audience.suppress };
  const trendData = tableFromEntries(trendsTable, trend, halfYears.map((h) => h.label));
  return {
    tables: reportTables.map((d) => suppressTable(d, tableFromEntries(d, figures.tables[d.id] ?? []), policy)),
    trends: suppressTable(trendsTable, trendData, policy),
    suppression: { threshold, applied: audience.suppress },
    figures: { stored: kept !== undefined, computedAt: computedAt.toISOString() },
  };
}

/** The report for the caller's own municipality. */
export async function municipalityReport(ctx: StaffContext, query: ReportQuery, action: Action, audience: Audience): Promise<FollowUpReport> {
  const period = periodOfQuery(query);
  const now = new Date();
  return audited(ctx, action, async (tx) => {
    const source = { municipalityIds: [ctx.user.municipalityId], store: { municipalityId: ctx.user.municipalityId } };
    const computed = await computeReport(tx, source, period, now, audience);
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

/**
 * A unit manager's "recompute now": the caller's municipality's figures of a completed half-year computed again and
 * stored (late corrections show at once instead of after the night). Audited like a read; aggregates only.
 */
export async function recomputeMunicipalityFigures(ctx: StaffContext, query: FiguresRecomputeQuery, action: Action): Promise<{ computedAt: string }> {
  const now = new Date();
  const period = storedPeriodOf(query, now);
  return audited(ctx, action, async (tx) => {
    const source = { municipalityIds: [ctx.user.municipalityId], store: { municipalityId: ctx.user.municipalityId } };
    await refreshFigures(tx, source, period, now);
    return {
      result: { computedAt: now.toISOString() },
      record: { recordType: 'followUpReport', recordId: null, subjectIds: [] },
    };
  });
}

/** The completed half-year a recompute names; the open half-year is always computed live, so nothing to recompute. */
export function storedPeriodOf(query: FiguresRecomputeQuery, now: Date): ReportPeriod {
  const period = periodFromPreset(query.preset);
  if (!period || !isStorablePeriod(period, now)) throw new AppError('BAD_REQUEST', 'error.followUpNotStored');
  return period;
}
