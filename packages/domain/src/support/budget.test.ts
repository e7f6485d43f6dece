import { describe, expect, it } from 'vitest';
import { budgetStatus, programmeBudgetLine, totalAccrued, yearFigures } from './budget.ts';
import type { CostedIntervention } from './cost.ts';

const none = { vatHandling: 'none', vatRateBasisPoints: 0, actualEndDate: null } as const;
const hvb: CostedIntervention = { ...none, kind: 'perDay', priceOre: 280_000, startDate: '2025-12-01', plannedEndDate: '2026-05-31' };
const income: CostedIntervention = { ...none, kind: 'perMonth', priceOre: 950_000, startDate: '2026-03-01', plannedEndDate: null };
const move: CostedIntervention = { ...none, kind: 'oneOff', priceOre: 4_500_000, startDate: '2026-12-01', plannedEndDate: null };

describe('budget forecast', () => {
  it('splits a year into spent (to date) and committed (running interventions to their planned end)', () => {
    const f = yearFigures([hvb, income, move], 2026, '2026-03-31');
    // HVB: 1 Jan–31 Mar 2026 = 90 days spent (December 2025 belongs to last year), 1 Apr–31 May = 61 days committed.
    // Income support: March spent; open-ended, so April–December committed. The move: all committed.
    expect(f.spentOre).toBe(90 * 280_000 + 950_000);
    expect(f.committedOre).toBe(61 * 280_000 + 9 * 950_000 + 4_500_000);
    expect(f.forecastOre).toBe(f.spentOre + f.committedOre);
  });
  it('an ended intervention commits nothing after its actual end', () => {
    const f = yearFigures([{ ...hvb, actualEndDate: '2026-01-31' }], 2026, '2026-03-31');
    expect(f).toEqual({ spentOre: 31 * 280_000, committedOre: 0, forecastOre: 31 * 280_000 });
  });
  it('a past year is all spent, a future year all committed', () => {
    expect(yearFigures([hvb], 2025, '2026-03-31')).toEqual({ spentOre: 31 * 280_000, committedOre: 0, forecastOre: 31 * 280_000 });
    const next = yearFigures([income], 2027, '2026-03-31');
    expect(next).toEqual({ spentOre: 0, committedOre: 12 * 950_000, forecastOre: 12 * 950_000 });
  });
  it('warns when the forecast passes the budget, and early when it nears it', () => {
    expect(budgetStatus(100, null)).toBe('noBudget');
    expect(budgetStatus(89, 100)).toBe('withinBudget');
    expect(budgetStatus(90, 100)).toBe('nearLimit');
    expect(budgetStatus(100, 100)).toBe('nearLimit');
    expect(budgetStatus(101, 100)).toBe('overBudget');
    expect(budgetStatus(95, 100, 96)).toBe('withinBudget');
  });
  it('gives a programme line with the remaining amount (Uppsala: 3.5 MSEK adult exit)', () => {
    const line = programmeBudgetLine('adultExitProgramme', 350_000_000, [hvb, income, move], 2026, '2026-03-31');
    expect(line.status).toBe('withinBudget');
    expect(line.remainingOre).toBe(350_000_000 - line.forecastOre);
    const over = programmeBudgetLine('adultExitProgramme', 10_000_000, [hvb], 2026, '2026-03-31');
    expect(over.status).toBe('overBudget');
    expect(over.remainingOre).toBeLessThan(0);
  });
  it('totals a case’s interventions over their whole life', () => {
    expect(totalAccrued([hvb, move], '2026-12-31')).toBe(182 * 280_000 + 4_500_000);
  });
});
