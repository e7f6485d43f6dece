import { describe, expect, it } from 'vitest';
import {
  completedTrendHalfYears,
  halfYearsRefreshedNightly,
  isStorablePeriod,
  settledAt,
  storedFiguresAreFresh,
} from './report-freshness.ts';

const h1 = { from: '2026-01-01', to: '2026-06-30' };
const h2of2025 = { from: '2025-07-01', to: '2025-12-31' };
const h1of2025 = { from: '2025-01-01', to: '2025-06-30' };
const now = new Date('2026-11-24T02:00:00Z');
const hoursBefore = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('which periods are stored', () => {
  it('stores completed half-years only: not the open one, a year or a custom period', () => {
    expect(isStorablePeriod(h1, now)).toBe(true);
    expect(isStorablePeriod({ from: '2026-07-01', to: '2026-12-31' }, now)).toBe(false);
    expect(isStorablePeriod({ from: '2025-01-01', to: '2025-12-31' }, now)).toBe(false);
    expect(isStorablePeriod({ from: '2026-01-01', to: '2026-03-31' }, now)).toBe(false);
    // A half-year ends at midnight Swedish time: 22:00Z on 30 June is 1 July 00:00 in summer.
    expect(isStorablePeriod(h1, new Date('2026-06-30T21:59:00Z'))).toBe(false);
    expect(isStorablePeriod(h1, new Date('2026-06-30T22:00:00Z'))).toBe(true);
  });

  it('refreshes the last two completed half-years and counts the trends’ completed ones', () => {
    expect(halfYearsRefreshedNightly(now)).toEqual([h1, h2of2025]);
    expect(halfYearsRefreshedNightly(new Date('2026-03-01T12:00:00Z'))).toEqual([h2of2025, h1of2025]);
    const trend = completedTrendHalfYears(now);
    expect(trend.map((h) => h.label)).toEqual(['2023-H1', '2023-H2', '2024-H1', '2024-H2', '2025-H1', '2025-H2', '2026-H1']);
  });
});

describe('freshness', () => {
  it('takes the nightly half-years as fresh for 26 hours, then no longer', () => {
    expect(storedFiguresAreFresh(h1, hoursBefore(25), now)).toBe(true);
    expect(storedFiguresAreFresh(h1, hoursBefore(27), now)).toBe(false);
    expect(storedFiguresAreFresh(h2of2025, hoursBefore(1), now)).toBe(true);
  });

  it('takes an older half-year as fresh once computed after its clocks could no longer run', () => {
    const settled = settledAt(h1of2025);
    // The longest intake clock is the preliminary assessment: 14 days from 30 June, to the end of 14 July.
    expect(settled.getTime()).toBeGreaterThan(new Date('2025-07-14T00:00:00Z').getTime());
    expect(settled.getTime()).toBeLessThan(new Date('2025-07-15T00:00:00Z').getTime());
    expect(storedFiguresAreFresh(h1of2025, new Date(settled.getTime() + 1000), now)).toBe(true);
    expect(storedFiguresAreFresh(h1of2025, new Date('2025-07-02T03:00:00Z'), now)).toBe(false);
  });

  it('never takes the open half-year or a custom period as fresh', () => {
    expect(storedFiguresAreFresh({ from: '2026-07-01', to: '2026-12-31' }, now, now)).toBe(false);
    expect(storedFiguresAreFresh({ from: '2025-01-01', to: '2025-03-31' }, now, now)).toBe(false);
  });
});
