// Interventions on a case (issue 7 item 2): each granted by a signed decision of the same case, with a
// provider and a cost model. Reads and writes go through the case's door (cases/access.ts): need-to-know,
// row-level security and the audit entry come with it.
import { findDecision, findIntervention, findInterventionType, findProvider, insertCaseEvent, insertIntervention, listDecisions, listInterventionsOfCase, updateIntervention } from '@utvag/db';
import { decisionGrantsInterventions, type InterventionInput, type InterventionUpdate } from '@utvag/domain';
import { withCase, type StaffContext } from '../cases/access.ts';
import { conflict, notFound } from '../errors.ts';
import { isAllowed } from '../permissions.ts';
import { catalogueOf } from './catalogue.ts';
import { interventionView, todayInSweden } from './costs.ts';
import { decisionNotGranting, unknownCatalogueEntry } from './errors.ts';

export async function listCaseInterventions(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'intervention.read', input.caseId, async (tx, c) => {
    const today = todayInSweden();
    const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
    const [rows, decisions, catalogue] = await Promise.all([
      listInterventionsOfCase(tx, of),
      listDecisions(tx, of),
      catalogueOf(tx, c.case.municipalityId),
    ]);
    const items = rows.map((r) => interventionView(r, today));
    const thisYear = today.slice(0, 4);
    return {
      caseId: c.case.id,
      programme: c.case.programme,
      status: c.case.status,
      today,
      items,
      totals: {
        accruedOre: items.reduce((s, i) => s + i.accruedOre, 0),
        committedOre: items.reduce((s, i) => s + i.committedOre, 0),
        year: Number(thisYear),
      },
      /** Signed decisions that grant support: the ones an intervention may name. */
      decisions: decisions
        .filter((d) => decisionGrantsInterventions(d.decision))
        .map((d) => ({ id: d.decision.id, signedAt: d.decision.signedAt?.toISOString() ?? null, outcome: d.decision.outcome, interventions: d.decision.interventions })),
      types: catalogue.types.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name, costKind: t.costKind, defaultPriceOre: t.defaultPriceOre })),
      providers: catalogue.providers.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name, withinFrameworkAgreement: p.withinFrameworkAgreement, interventionTypeId: p.interventionTypeId })),
      can: { write: isAllowed(ctx.user.role, 'intervention.write') && c.case.status === 'open' },
    };
  });
}

export async function addIntervention(ctx: StaffContext, input: InterventionInput) {
  return withCase(
    ctx,
    'intervention.write',
    input.caseId,
    async (tx, c) => {
      const municipalityId = c.case.municipalityId;
      const decision = await findDecision(tx, { id: input.decisionId, municipalityId });
      if (!decision || decision.decision.caseId !== c.case.id || !decisionGrantsInterventions(decision.decision)) throw decisionNotGranting();
      if (!(await findInterventionType(tx, { id: input.interventionTypeId, municipalityId }))) throw unknownCatalogueEntry('interventionTypeId');
      if (input.providerId && !(await findProvider(tx, { id: input.providerId, municipalityId }))) throw unknownCatalogueEntry('providerId');
      const row = await insertIntervention(tx, {
        municipalityId,
        caseId: c.case.id,
        decisionId: input.decisionId,
        interventionTypeId: input.interventionTypeId,
        providerId: input.providerId ?? null,
        startDate: input.startDate,
        plannedEndDate: input.plannedEndDate ?? null,
        actualEndDate: input.actualEndDate ?? null,
        costKind: input.costKind,
        priceOre: input.price,
        vatHandling: input.vatHandling,
        vatRateBasisPoints: input.vatHandling === 'none' ? 0 : input.vatRateBasisPoints,
        note: input.note ?? null,
        createdByUserId: ctx.user.id,
      });
      await insertCaseEvent(tx, {
        municipalityId,
        caseId: c.case.id,
        kind: 'interventionAdded',
        data: { interventionId: row.id, decisionId: input.decisionId },
        actorUserId: ctx.user.id,
      });
      return row;
    },
    { write: true, requireActive: true },
  );
}

export async function changeIntervention(ctx: StaffContext, input: InterventionUpdate) {
  const municipalityId = ctx.user.municipalityId;
  return withCase(
    ctx,
    'intervention.write',
    async (tx) => (await findIntervention(tx, { id: input.id, municipalityId }))?.intervention.caseId,
    async (tx, c) => {
      if (input.providerId && !(await findProvider(tx, { id: input.providerId, municipalityId }))) throw unknownCatalogueEntry('providerId');
      const row = await updateIntervention(tx, {
        id: input.id,
        municipalityId,
        expectedVersion: input.expectedVersion,
        set: {
          providerId: input.providerId ?? null,
          startDate: input.startDate,
          plannedEndDate: input.plannedEndDate ?? null,
          actualEndDate: input.actualEndDate ?? null,
          costKind: input.costKind,
          priceOre: input.price,
          vatHandling: input.vatHandling,
          vatRateBasisPoints: input.vatHandling === 'none' ? 0 : input.vatRateBasisPoints,
          note: input.note ?? null,
        },
      });
      if (!row) throw (await findIntervention(tx, { id: input.id, municipalityId })) ? conflict() : notFound();
      await insertCaseEvent(tx, { municipalityId, caseId: c.case.id, kind: 'interventionChanged', data: { interventionId: row.id, version: row.version }, actorUserId: ctx.user.id });
      return row;
    },
    { write: true },
  );
}
