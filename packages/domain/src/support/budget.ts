// Budgets per programme and year (issue 7 item 3; Uppsala's 5 MSEK split 3.5 adult / 1.5 youth, DOMAIN.md §7).
// Spent: the cost accrued this year up to today. Committed: what running interventions will cost for the rest
// of the year up to their planned end. Forecast: spent + committed. A warning when the forecast passes the
// budget, and an early one when it reaches `nearLimitShare` of it.
import type { ProgrammeCode } from '../programmes.ts';
import { accruedCost, committedCost, costInRange, type CostedIntervention } from './cost.ts';
import { yearRange } from './days.ts';
import { mulDivFloor, type Ore } from './money.ts';

export const budgetStatuses = ['noBudget', 'withinBudget', 'nearLimit', 'overBudget'] as const;
export type BudgetStatus = (typeof budgetStatuses)[number];

/** The early warning threshold, in percent of the budget (configuration, default 90 %). */
export const defaultNearLimitPercent = 90;

export interface YearFigures {
  spentOre: Ore;
  committedOre: Ore;
  forecastOre: Ore;
}

/** Spent and committed within `year`, seen on `asOf` (a date in or around the year). */
export function yearFigures(interventions: readonly CostedIntervention[], year: number, asOf: string): YearFigures {
  const range = yearRange(year);
  let spentOre = 0;
  let committedOre = 0;
  for (const i of interventions) {
    if (asOf < range.from) {
      committedOre += committedCost(i, `${year - 1}-12-31`, range.to);
      continue;
    }
    const to = asOf < range.to ? asOf : range.to;
    spentOre += costInRange(i, { from: range.from, to });
    if (asOf < range.to) committedOre += committedCost(i, asOf, range.to);
  }
  return { spentOre, committedOre, forecastOre: spentOre + committedOre };
}

export function budgetStatus(forecastOre: Ore, budgetOre: Ore | null, nearLimitPercent = defaultNearLimitPercent): BudgetStatus {
  if (budgetOre === null) return 'noBudget';
  if (forecastOre > budgetOre) return 'overBudget';
  if (forecastOre >= mulDivFloor(budgetOre, nearLimitPercent, 100)) return 'nearLimit';
  return 'withinBudget';
}

export interface ProgrammeBudgetLine extends YearFigures {
  programme: ProgrammeCode;
  budgetOre: Ore | null;
  /** Budget minus forecast; negative when over. Null without a budget. */
  remainingOre: Ore | null;
  status: BudgetStatus;
}

export function programmeBudgetLine(
  programme: ProgrammeCode,
  budgetOre: Ore | null,
  interventions: readonly CostedIntervention[],
  year: number,
  asOf: string,
  nearLimitPercent = defaultNearLimitPercent,
): ProgrammeBudgetLine {
  const figures = yearFigures(interventions, year, asOf);
  return {
    programme,
    budgetOre,
    ...figures,
    remainingOre: budgetOre === null ? null : budgetOre - figures.forecastOre,
    status: budgetStatus(figures.forecastOre, budgetOre, nearLimitPercent),
  };
}

/** Total actual cost of a group of interventions up to `asOf`, over their whole life (per case, per type). */
export function totalAccrued(interventions: readonly CostedIntervention[], asOf: string): Ore {
  let total = 0;
  for (const i of interventions) total += accruedCost(i, asOf);
  return total;
}
