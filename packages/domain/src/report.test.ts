// The follow-up report's pure parts: periods, percentiles, table building and small-number suppression.
import { describe, expect, it } from 'vitest';
import {
  clocksTable,
  costsByProgrammeTable,
  halfYear,
  lastCompletedHalfYear,
  median,
  ninetiethPercentile,
  percentileCont,
  periodBounds,
  periodFromPreset,
  periodOfQuery,
  presetOf,
  recentHalfYears,
  referralsBySourceTable,
  reportRowLabelKey,
  reportQuerySchema,
  responseTimesTable,
  suppressedLabel,
  suppressTable,
  tableFromEntries,
} from './index.ts';

describe('report periods', () => {
  it('knows half-years and years as presets, both ways', () => {
    expect(periodFromPreset('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodFromPreset('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodFromPreset('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodFromPreset('2025-H3')).toBeNull();
    expect(presetOf(halfYear(2024, 2))).toBe('2024-H2');
    expect(presetOf({ from: '2024-02-01', to: '2024-06-30' })).toBeNull();
  });

  it('covers whole Swedish days: from midnight Swedish time to the next midnight', () => {
    const { start, end } = periodBounds(halfYear(2026, 1));
    expect(start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-06-30T22:00:00.000Z'); // summer time
  });

  it('offers the last completed half-year and the last eight half-years', () => {
    expect(lastCompletedHalfYear('2026-11-23')).toEqual(halfYear(2026, 1));
    expect(lastCompletedHalfYear('2026-03-01')).toEqual(halfYear(2025, 2));
    const eight = recentHalfYears('2026-11-23');
    expect(eight).toHaveLength(8);
    expect(eight[0]!.label).toBe('2023-H1');
    expect(eight[7]!.label).toBe('2026-H2');
  });

  it('validates the query and names the field', () => {
    expect(periodOfQuery(reportQuerySchema.parse({ preset: '2026-H1' }))).toEqual(halfYear(2026, 1));
    expect(periodOfQuery(reportQuerySchema.parse({ from: '2026-02-01', to: '2026-02-28' }))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    const issues = (input: unknown) => reportQuerySchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ from: '2026-02-30', to: '2026-03-01' })).toEqual([['from', 'validation.invalidDate']]);
    expect(issues({ from: '2026-03-01', to: '2026-02-01' })).toEqual([['to', 'validation.periodOrder']]);
    expect(issues({ from: '2010-01-01', to: '2026-01-01' })).toEqual([['to', 'validation.periodTooLong']]);
    expect(issues({ preset: 'förra året' })).toEqual([['preset', 'validation.invalidOption']]);
    expect(issues({ preset: '1234-H1' })).toEqual([['preset', 'validation.invalidOption']]);
    expect(issues({ from: '0001-01-01', to: '0001-02-01' })).toEqual([['from', 'validation.invalidDate'], ['to', 'validation.invalidDate']]);
    expect(issues({})).toEqual([
      ['from', 'validation.required'],
      ['to', 'validation.required'],
    ]);
  });
});

describe('percentiles (as PostgreSQL percentile_cont)', () => {
  it('interpolates between the two values around the position', () => {
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
    // position 0.9 · 9 = 8.1: between the 9th (9) and 10th (100) value.
    expect(ninetiethPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])).toBeCloseTo(18.1);
    expect(percentileCont([3, 1, 2], 0)).toBe(1);
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
  });
});

describe('report tables', () => {
  it('fills missing cells with 0 and sums the total column and row', () => {
    const table = tableFromEntries(referralsBySourceTable, [
      { row: 'police', column: 'caseOpened', value: 7 },
      { row: 'police', column: 'notForUs', value: 2 },
      { row: 'school', column: 'pending', value: 1 },
      { row: 'unknownSource', column: 'caseOpened', value: 99 },
      { row: 'police', column: 'received', value: 1000 },
    ]);
    const police = table.rows.find((r) => r.key === 'police')!.cells;
    expect(police).toEqual({ caseOpened: 7, passedToSig: 0, routedToOrdinarySupport: 0, notForUs: 2, pending: 0, received: 9 });
    expect(table.rows.at(-1)).toEqual({
      key: 'total',
      cells: { caseOpened: 7, passedToSig: 0, routedToOrdinarySupport: 0, notForUs: 2, pending: 1, received: 10 },
    });
  });
});

describe('money in report tables', () => {
  it('sums kronor in the total row and never suppresses them, while the count beside them is', () => {
    const table = tableFromEntries(costsByProgrammeTable, [
      { row: 'sig', column: 'interventions', value: 2 },
      { row: 'sig', column: 'costKronor', value: 1200 },
      { row: 'adultExitProgramme', column: 'interventions', value: 7 },
      { row: 'adultExitProgramme', column: 'costKronor', value: 3 },
      { row: 'adultExitProgramme', column: 'budgetKronor', value: 50_000 },
    ]);
    expect(table.rows.at(-1)!.cells).toEqual({ interventions: 9, costKronor: 1203, budgetKronor: 50_000 });
    const shown = suppressTable(costsByProgrammeTable, table, { threshold: 5, suppress: true });
    const sig = shown.rows.find((r) => r.key === 'sig')!.cells;
    expect(sig.interventions).toBe('suppressed');
    expect(sig.costKronor).toBe(1200);
    expect(shown.rows.find((r) => r.key === 'adultExitProgramme')!.cells.costKronor).toBe(3);
  });

  it('labels intervention types with the catalogue’s names and other rows with the report’s', () => {
    expect(reportRowLabelKey('sis')).toBe('support.interventionType.sis');
    expect(reportRowLabelKey('ownTypes')).toBe('followUp.row.ownTypes');
    expect(reportRowLabelKey('sig')).toBe('followUp.row.sig');
  });
});

describe('small-number suppression', () => {
  const on = { threshold: 5, suppress: true };

  it('shows counts 1–4 as suppressed, keeps 0 and 5+, and shows them all to the unit itself', () => {
    const table = tableFromEntries(clocksTable, [
      { row: 'firstContact', column: 'metOnTime', value: 12 },
      { row: 'firstContact', column: 'metLate', value: 3 },
      { row: 'firstContact', column: 'missed', value: 4 },
      { row: 'firstContact', column: 'running', value: 0 },
    ]);
    const shown = suppressTable(clocksTable, table, on);
    expect(shown.rows.find((r) => r.key === 'firstContact')!.cells).toEqual({ metOnTime: 12, metLate: 'suppressed', missed: 'suppressed', running: 0, total: 19 });
    expect(suppressTable(clocksTable, table, { ...on, suppress: false }).rows[2]!.cells.metLate).toBe(3);
    expect(suppressedLabel(5)).toBe('<5');
  });

  it('suppresses a second cell when one alone could be worked out from the total', () => {
    const table = tableFromEntries(clocksTable, [
      { row: 'firstContact', column: 'metOnTime', value: 12 },
      { row: 'firstContact', column: 'metLate', value: 2 },
      { row: 'firstContact', column: 'missed', value: 6 },
    ]);
    const cells = suppressTable(clocksTable, table, on).rows.find((r) => r.key === 'firstContact')!.cells;
    // 2 is small; 6 is the smallest other non-zero cell, so it goes too and 20 − 12 leaves two unknowns.
    expect(cells).toEqual({ metOnTime: 12, metLate: 'suppressed', missed: 'suppressed', running: 0, total: 20 });
  });

  it('suppresses the total when no other cell could hide the small one', () => {
    const table = tableFromEntries(clocksTable, [{ row: 'firstContact', column: 'metLate', value: 2 }]);
    const cells = suppressTable(clocksTable, table, on).rows.find((r) => r.key === 'firstContact')!.cells;
    expect(cells).toEqual({ metOnTime: 0, metLate: 'suppressed', missed: 0, running: 0, total: 'suppressed' });
  });

  it('works down columns with a total row too, and never leaves a lone suppressed cell', () => {
    const table = tableFromEntries(referralsBySourceTable, [
      { row: 'police', column: 'caseOpened', value: 9 },
      { row: 'school', column: 'caseOpened', value: 3 },
      { row: 'direct', column: 'caseOpened', value: 8 },
      { row: 'police', column: 'notForUs', value: 7 },
      { row: 'school', column: 'notForUs', value: 6 },
    ]);
    const shown = suppressTable(referralsBySourceTable, table, on);
    for (const row of shown.rows) {
      const hidden = Object.entries(row.cells).filter(([, v]) => v === 'suppressed');
      expect(hidden.length).not.toBe(1);
    }
    const columnHidden = (key: string) => shown.rows.filter((r) => r.cells[key] === 'suppressed').length;
    for (const key of ['caseOpened', 'notForUs', 'received']) expect(columnHidden(key)).not.toBe(1);
    expect(shown.suppressedCells).toBeGreaterThanOrEqual(2);
  });

  it('suppresses a median over fewer people than the threshold', () => {
    const table = tableFromEntries(responseTimesTable, [
      { row: 'firstContact', column: 'measured', value: 3 },
      { row: 'firstContact', column: 'medianHours', value: 20 },
      { row: 'firstContact', column: 'p90Hours', value: 40 },
      { row: 'decision', column: 'measured', value: 8 },
      { row: 'decision', column: 'medianHours', value: 50 },
      { row: 'decision', column: 'p90Hours', value: 90 },
    ]);
    const shown = suppressTable(responseTimesTable, table, on);
    expect(shown.rows[0]!.cells).toEqual({ measured: 'suppressed', medianHours: 'suppressed', p90Hours: 'suppressed' });
    expect(shown.rows[1]!.cells).toEqual({ measured: 8, medianHours: 50, p90Hours: 90 });
  });
});
