// Stored figures of completed half-years (issue 9): the report's aggregates per scope and period, written by the
// nightly job or the first request and read by every later one (packages/domain report-freshness.ts decides
// when they are fresh). Aggregates only: the entries the report's queries return, never a person-level row.
// Row-level security (migration 0029): a municipality's transaction sees its own rows, the regional one its region's.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { followUpFigures, region } from '../schema/index.ts';
import type { Entry } from './follow-up.ts';

/** Everything the report needs of one period, before suppression: each table's entries and the period's trend counts. */
export interface StoredFigures {
  tables: Record<string, Entry[]>;
  trend: Entry[];
}

export type FiguresScope = { municipalityId: string } | { regionId: string };

export interface StoredFiguresRow {
  from: string;
  to: string;
  figures: StoredFigures;
  computedAt: Date;
}

const scopeCondition = (scope: FiguresScope) =>
  'municipalityId' in scope ? eq(followUpFigures.municipalityId, scope.municipalityId) : eq(followUpFigures.regionId, scope.regionId);

/** The stored figures of a scope for the periods given (by their first day), whatever their age. */
export async function readStoredFigures(db: Executor, scope: FiguresScope, periods: { from: string; to: string }[]): Promise<StoredFiguresRow[]> {
  if (periods.length === 0) return [];
  const found = await db
    .select({ from: followUpFigures.periodFrom, to: followUpFigures.periodTo, figures: followUpFigures.figures, computedAt: followUpFigures.computedAt })
    .from(followUpFigures)
    .where(and(scopeCondition(scope), inArray(followUpFigures.periodFrom, periods.map((p) => p.from))));
  return found
    .filter((r) => periods.some((p) => p.from === r.from && p.to === r.to))
    .map((r) => ({ ...r, figures: r.figures as StoredFigures }));
}

/** Stores (or replaces) a scope's figures of one period. */
export async function storeFigures(db: Executor, scope: FiguresScope, period: { from: string; to: string }, figures: StoredFigures, computedAt: Date) {
  const values = { periodFrom: period.from, periodTo: period.to, figures, computedAt };
  const set = { figures, computedAt };
  if ('municipalityId' in scope) {
    await db
      .insert(followUpFigures)
      .values({ ...values, municipalityId: scope.municipalityId })
      .onConflictDoUpdate({
        target: [followUpFigures.municipalityId, followUpFigures.periodFrom, followUpFigures.periodTo],
        targetWhere: sql`${followUpFigures.municipalityId} is not null`,
        set,
      });
  } else {
    await db
      .insert(followUpFigures)
      .values({ ...values, regionId: scope.regionId })
      .onConflictDoUpdate({
        target: [followUpFigures.regionId, followUpFigures.periodFrom, followUpFigures.periodTo],
        targetWhere: sql`${followUpFigures.regionId} is not null`,
        set,
      });
  }
}

/** Every region (the nightly job computes each region's sums in the region's own transaction). */
export async function listRegionIds(db: Executor): Promise<string[]> {
  const found = await db.select({ id: region.id }).from(region).orderBy(region.id);
  return found.map((r) => r.id);
}
