import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accruedCost, committedCost, costInRange, grossUnitPrice, monthlyCosts, vatPart, type CostedIntervention } from './cost.ts';
import { addDays, dateOfDayNumber, dayNumber, daysInclusive, monthSlices } from './days.ts';

const base = { vatHandling: 'none', vatRateBasisPoints: 0, plannedEndDate: null, actualEndDate: null } as const;
const perDay = (over: Partial<CostedIntervention> = {}): CostedIntervention => ({
  ...base,
  kind: 'perDay',
  priceOre: 280_000,
  startDate: '2026-01-15',
  ...over,
});
const perMonth = (over: Partial<CostedIntervention> = {}): CostedIntervention => ({
  ...base,
  kind: 'perMonth',
  priceOre: 950_000,
  startDate: '2026-01-01',
  ...over,
});

describe('calendar days', () => {
  it('counts inclusive days across months and leap days', () => {
    expect(daysInclusive('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysInclusive('2026-02-28', '2026-03-01')).toBe(2);
    expect(daysInclusive('2026-03-02', '2026-03-01')).toBe(0);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(dateOfDayNumber(dayNumber('2028-02-29'))).toBe('2028-02-29');
  });
  it('cuts a range into calendar months', () => {
    expect(monthSlices({ from: '2024-01-30', to: '2024-03-02' }).map((s) => [s.from, s.to, s.daysInMonth])).toEqual([
      ['2024-01-30', '2024-01-31', 31],
      ['2024-02-01', '2024-02-29', 29],
      ['2024-03-01', '2024-03-02', 31],
    ]);
  });
});

describe('per-day cost', () => {
  it('accrues each running day, start and end included, across months', () => {
    const i = perDay({ plannedEndDate: '2026-02-14' });
    expect(accruedCost(i, '2026-01-15')).toBe(280_000);
    expect(accruedCost(i, '2026-01-31')).toBe(17 * 280_000);
    expect(accruedCost(i, '2026-12-31')).toBe(31 * 280_000);
    expect(accruedCost(i, '2026-01-14')).toBe(0);
  });
  it('counts February 29 in a leap year', () => {
    const i = perDay({ startDate: '2024-02-01', plannedEndDate: '2024-02-29' });
    expect(accruedCost(i, '2024-03-31')).toBe(29 * 280_000);
    expect(accruedCost({ ...i, startDate: '2023-02-01', plannedEndDate: '2023-02-28' }, '2023-03-31')).toBe(28 * 280_000);
  });
  it('a year of an external placement costs just over 1 MSEK (003)', () => {
    const i = perDay({ startDate: '2026-01-01', plannedEndDate: '2026-12-31' });
    expect(accruedCost(i, '2026-12-31')).toBe(365 * 280_000);
    expect(accruedCost(i, '2026-12-31')).toBeGreaterThan(100_000_000);
  });
  it('an actual end stops the cost, even before the planned end', () => {
    const i = perDay({ plannedEndDate: '2026-06-30', actualEndDate: '2026-01-20' });
    expect(accruedCost(i, '2026-06-30')).toBe(6 * 280_000);
    expect(committedCost(i, '2026-01-20', '2026-12-31')).toBe(0);
  });
});

describe('per-month cost', () => {
  it('a whole month costs the monthly price, whatever its length', () => {
    for (const [from, to] of [['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28'], ['2024-02-01', '2024-02-29'], ['2026-04-01', '2026-04-30']]) {
      expect(costInRange(perMonth({ startDate: '2020-01-01' }), { from: from!, to: to! })).toBe(950_000);
    }
  });
  it('a part month costs its share of that month’s days', () => {
    // 15 January to 31 January: 17 of 31 days.
    expect(costInRange(perMonth({ startDate: '2026-01-15' }), { from: '2026-01-01', to: '2026-01-31' })).toBe(950_000 - Math.floor((950_000 * 14) / 31));
    // One day in February 2024 is 1/29 of the month, in February 2026 1/28.
    expect(costInRange(perMonth({ startDate: '2024-01-01' }), { from: '2024-02-10', to: '2024-02-10' })).toBeGreaterThanOrEqual(Math.floor(950_000 / 29));
    expect(costInRange(perMonth({ startDate: '2024-01-01' }), { from: '2024-02-10', to: '2024-02-10' })).toBeLessThanOrEqual(Math.ceil(950_000 / 29));
    expect(costInRange(perMonth(), { from: '2026-02-10', to: '2026-02-10' })).toBeGreaterThanOrEqual(Math.floor(950_000 / 28));
  });
  it('daily accrual adds up to the monthly price with no öre lost (cumulative rounding)', () => {
    const i = perMonth({ priceOre: 1_000_001 });
    let sum = 0;
    for (let d = 1; d <= 31; d++) sum += costInRange(i, { from: `2026-03-${String(d).padStart(2, '0')}`, to: `2026-03-${String(d).padStart(2, '0')}` });
    expect(sum).toBe(1_000_001);
  });
  it('a year accrues twelve monthly prices, leap year or not', () => {
    expect(accruedCost(perMonth({ startDate: '2024-01-01' }), '2024-12-31')).toBe(12 * 950_000);
    expect(accruedCost(perMonth({ startDate: '2026-01-01' }), '2026-12-31')).toBe(12 * 950_000);
  });
});

describe('one-off cost', () => {
  it('falls on the start day only', () => {
    const i: CostedIntervention = { ...base, kind: 'oneOff', priceOre: 4_500_000, startDate: '2026-03-10' };
    expect(accruedCost(i, '2026-03-09')).toBe(0);
    expect(accruedCost(i, '2026-03-10')).toBe(4_500_000);
    expect(accruedCost(i, '2027-03-10')).toBe(4_500_000);
    expect(costInRange(i, { from: '2026-03-11', to: '2026-12-31' })).toBe(0);
    expect(committedCost(i, '2026-03-01', '2026-12-31')).toBe(4_500_000);
    expect(committedCost(i, '2026-03-10', '2026-12-31')).toBe(0);
  });
});

describe('open-ended interventions', () => {
  it('accrue up to the day asked about, and commit up to the horizon', () => {
    const i = perDay({ startDate: '2026-11-01' });
    expect(accruedCost(i, '2026-11-30')).toBe(30 * 280_000);
    expect(committedCost(i, '2026-11-30', '2026-12-31')).toBe(31 * 280_000);
    expect(accruedCost(i, '2027-01-01')).toBe(62 * 280_000);
  });
  it('commit until the planned end when it comes before the horizon', () => {
    expect(committedCost(perDay({ startDate: '2026-11-01', plannedEndDate: '2026-12-10' }), '2026-11-30', '2026-12-31')).toBe(10 * 280_000);
    expect(committedCost(perDay({ startDate: '2026-11-01', plannedEndDate: '2027-06-30' }), '2026-11-30', '2026-12-31')).toBe(31 * 280_000);
  });
});

describe('VAT', () => {
  it('adds VAT on top or keeps it inside the price, and shows the VAT part', () => {
    const onTop = perDay({ priceOre: 100_000, vatHandling: 'addedOnTop', vatRateBasisPoints: 2500 });
    expect(grossUnitPrice(onTop)).toBe(125_000);
    expect(vatPart(125_000, onTop)).toBe(25_000);
    const included = { ...onTop, vatHandling: 'included' as const };
    expect(grossUnitPrice(included)).toBe(100_000);
    expect(vatPart(100_000, included)).toBe(20_000);
    expect(vatPart(100_000, { ...onTop, vatHandling: 'none' as const })).toBe(0);
    expect(grossUnitPrice(perDay({ priceOre: 333, vatHandling: 'addedOnTop', vatRateBasisPoints: 600 }))).toBe(353);
  });
});

describe('properties', () => {
  const dates = fc.integer({ min: dayNumber('2023-01-01'), max: dayNumber('2029-12-31') }).map(dateOfDayNumber);
  const intervention = fc.record({
    kind: fc.constantFrom('perDay', 'perMonth', 'oneOff'),
    priceOre: fc.integer({ min: 0, max: 100_000_000 }),
    vatHandling: fc.constantFrom('none', 'included', 'addedOnTop'),
    vatRateBasisPoints: fc.constantFrom(0, 600, 1200, 2500),
    startDate: dates,
    plannedEndDate: fc.option(dates),
    actualEndDate: fc.constant(null),
  }) as fc.Arbitrary<CostedIntervention>;

  it('a range split in two costs the same as the whole, to the öre', () => {
    fc.assert(
      fc.property(intervention, dates, dates, dates, (i, a, b, c) => {
        const [from, mid, to] = [a, b, c].sort();
        const whole = costInRange(i, { from: from!, to: to! });
        const parts = costInRange(i, { from: from!, to: mid! }) + costInRange(i, { from: addDays(mid!, 1), to: to! });
        expect(parts).toBe(whole);
        expect(Number.isSafeInteger(whole) && whole >= 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('accrued today plus committed equals the cost up to the horizon', () => {
    fc.assert(
      fc.property(intervention, dates, (i, asOf) => {
        const horizon = '2029-12-31';
        const total = costInRange(i, { from: '2023-01-01', to: horizon });
        expect(accruedCost(i, asOf) + committedCost(i, asOf, horizon)).toBe(total);
      }),
      { numRuns: 500 },
    );
  });
  it('monthly costs add up to the range', () => {
    fc.assert(
      fc.property(intervention, (i) => {
        const range = { from: '2025-01-01', to: '2026-12-31' };
        expect(monthlyCosts(i, range).reduce((s, m) => s + m.costOre, 0)).toBe(costInRange(i, range));
      }),
      { numRuns: 200 },
    );
  });
});
