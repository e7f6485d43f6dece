// Cost models of an intervention and how its cost accrues day by day (issue 7 item 2).
// - perDay: the price for each calendar day the intervention runs (residential care, foster family, SiS).
// - perMonth: the price for each calendar month; a part month costs its share of that month's days, so February
//   costs the same as January and a day in February costs more (1/28 or 1/29 of the month).
// - oneOff: the whole price on the start day (a relocation, a deposit).
// Prices are integer öre. VAT: `none` (most care is exempt), `included` (the price holds the VAT) or
// `addedOnTop` (the provider adds VAT to the price). The cost counted against budgets is what the municipality
// pays, VAT included; the VAT part is shown apart for the cost statement.
import { assertOre, mulDivFloor, mulDivRound, type Ore } from './money.ts';
import { addDays, daysInclusive, intersect, monthSlices, type DateRange } from './days.ts';

export const costKinds = ['perDay', 'perMonth', 'oneOff'] as const;
export type CostKind = (typeof costKinds)[number];

export const vatHandlings = ['none', 'included', 'addedOnTop'] as const;
export type VatHandling = (typeof vatHandlings)[number];

/** Swedish VAT rates in basis points (25 %, 12 %, 6 %, none). */
export const vatRates = [0, 600, 1200, 2500] as const;

export interface CostModel {
  kind: CostKind;
  /** Per day, per month or once, in öre, as the provider quotes it. */
  priceOre: Ore;
  vatHandling: VatHandling;
  /** Basis points: 2500 = 25 %. Ignored when vatHandling is `none`. */
  vatRateBasisPoints: number;
}

/** The price per unit the municipality pays, VAT included. */
export function grossUnitPrice(model: CostModel): Ore {
  assertOre(model.priceOre);
  if (model.vatHandling !== 'addedOnTop') return model.priceOre;
  return model.priceOre + mulDivRound(model.priceOre, model.vatRateBasisPoints, 10_000);
}

/** The VAT inside an amount paid under this model (0 when none applies). */
export function vatPart(amount: Ore, model: CostModel): Ore {
  if (model.vatHandling === 'none' || model.vatRateBasisPoints === 0) return 0;
  return mulDivRound(amount, model.vatRateBasisPoints, 10_000 + model.vatRateBasisPoints);
}

export interface InterventionPeriod {
  startDate: string;
  /** Null: open-ended (no planned end yet). */
  plannedEndDate: string | null;
  /** Set when the intervention ended; it replaces the planned end. */
  actualEndDate: string | null;
}

export type CostedIntervention = InterventionPeriod & CostModel;

/** The last day the intervention runs (or ran), or null while it runs with no end in sight. */
export function lastDay(i: InterventionPeriod): string | null {
  return i.actualEndDate ?? i.plannedEndDate;
}

/** The cost of the days of `range` on which the intervention runs, VAT included. */
export function costInRange(i: CostedIntervention, range: DateRange): Ore {
  const running = intersect(range, { from: i.startDate, to: lastDay(i) ?? range.to });
  if (!running) return 0;
  const unit = grossUnitPrice(i);
  switch (i.kind) {
    case 'oneOff':
      return running.from === i.startDate ? unit : 0;
    case 'perDay':
      return assertOre(unit * daysInclusive(running.from, running.to));
    case 'perMonth': {
      // Cumulative shares rounded down, so the days of a whole month add up to exactly the monthly price
      // however the month is cut (no öre lost or gained between monthly and daily views).
      let total = 0;
      for (const s of monthSlices(running)) {
        const upTo = Number(s.to.slice(8));
        const before = Number(s.from.slice(8)) - 1;
        total += mulDivFloor(unit, upTo, s.daysInMonth) - mulDivFloor(unit, before, s.daysInMonth);
      }
      return assertOre(total);
    }
  }
}

/** Actual cost so far: from the start up to and including `asOf` (or the actual end, if earlier). */
export function accruedCost(i: CostedIntervention, asOf: string): Ore {
  return costInRange(i, { from: i.startDate, to: asOf });
}

/**
 * Committed cost: what a running intervention will still cost from the day after `asOf` to its planned end.
 * An open-ended one is committed up to `horizon` (the end of the budget year), since nobody has said when it
 * stops. An actual end replaces the planned one (an ended intervention commits nothing after it).
 */
export function committedCost(i: CostedIntervention, asOf: string, horizon: string): Ore {
  const end = lastDay(i) ?? horizon;
  const to = end < horizon ? end : horizon;
  return costInRange(i, { from: addDays(asOf, 1), to });
}

/** Cost per calendar month of a range, for charts and the cost statement; months without cost are left out. */
export function monthlyCosts(i: CostedIntervention, range: DateRange): Array<{ month: string; costOre: Ore }> {
  return monthSlices(range)
    .map((s) => ({ month: s.from.slice(0, 7), costOre: costInRange(i, s) }))
    .filter((m) => m.costOre !== 0);
}

/**
 * Only a signed decision that grants support (fully or in part) may carry interventions (issue 7: "an
 * intervention without a decision" is refused; a denied or unsigned decision is no decision to act on).
 */
export function decisionGrantsInterventions(d: { stage: string; outcome: string | null }): boolean {
  return d.stage === 'signed' && (d.outcome === 'granted' || d.outcome === 'partlyGranted');
}
