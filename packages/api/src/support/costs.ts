// What an intervention row costs, through the domain's cost model: accrued to date, committed to its planned
// end (open-ended ones to the end of the year), and the VAT inside.
import type { InterventionRow } from '@utvag/db';
import { accruedCost, calendarDateInSweden, committedCost, vatPart, type CostedIntervention } from '@utvag/domain';

export function costed(i: InterventionRow['intervention']): CostedIntervention {
  return {
    kind: i.costKind,
    priceOre: i.priceOre,
    vatHandling: i.vatHandling,
    vatRateBasisPoints: i.vatRateBasisPoints,
    startDate: i.startDate,
    plannedEndDate: i.plannedEndDate,
    actualEndDate: i.actualEndDate,
  };
}

export const todayInSweden = () => calendarDateInSweden(new Date());
export const endOfYear = (date: string) => `${date.slice(0, 4)}-12-31`;

export function interventionView(row: InterventionRow, today: string) {
  const i = row.intervention;
  const model = costed(i);
  const accruedOre = accruedCost(model, today);
  return {
    id: i.id,
    version: i.version,
    decisionId: i.decisionId,
    type: { id: i.interventionTypeId, code: row.typeCode, name: row.typeName },
    provider: i.providerId ? { id: i.providerId, name: row.providerName ?? '', withinFrameworkAgreement: row.withinFrameworkAgreement } : null,
    startDate: i.startDate,
    plannedEndDate: i.plannedEndDate,
    actualEndDate: i.actualEndDate,
    costKind: i.costKind,
    priceOre: i.priceOre,
    vatHandling: i.vatHandling,
    vatRateBasisPoints: i.vatRateBasisPoints,
    note: i.note,
    running: i.startDate <= today && (i.actualEndDate ?? i.plannedEndDate ?? '9999-12-31') >= today,
    accruedOre,
    vatOre: vatPart(accruedOre, model),
    committedOre: committedCost(model, today, i.plannedEndDate ?? endOfYear(today)),
  };
}
