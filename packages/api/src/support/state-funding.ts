// Police state funding (issue 7 item 4): staff record the police criteria per case, and a cost statement for
// the application holds only what the application needs — the municipality, the case's reference, the period,
// the police judgement, and each intervention's type, provider, dates, days and cost with VAT apart. No name,
// no identity number and no address: the police regional coordinator knows the case by its reference, and a
// protected identity must never reach an export (DOMAIN.md §10).
import { findMunicipalityName, findStateFunding, listInterventionsOfCase, saveStateFunding } from '@utvag/db';
import {
  assessStateFunding,
  costInRange,
  daysInclusive,
  intersect,
  lastDay,
  normaliseStateFundingApplication,
  vatPart,
  type StateFundingInput,
} from '@utvag/domain';
import { withCase, type StaffContext } from '../cases/access.ts';
import { conflict } from '../errors.ts';
import { isAllowed } from '../permissions.ts';
import { costed } from './costs.ts';

const criteriaOf = (r: Awaited<ReturnType<typeof findStateFunding>> | undefined, interventionsDecided: boolean) => ({
  policeDefinitionMet: r?.policeDefinitionMet ?? false,
  policeProtectionNeed: r?.policeProtectionNeed ?? false,
  motivated: r?.motivated ?? false,
  consentToInformationSharing: r?.consentToInformationSharing ?? false,
  policeConditionsSigned: r?.policeConditionsSigned ?? false,
  notWitnessInPendingCase: r?.notWitnessInPendingCase ?? false,
  interventionsDecided,
});

export async function getStateFunding(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'stateFunding.read', input.caseId, async (tx, c) => {
    const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
    const [row, interventions] = await Promise.all([findStateFunding(tx, of), listInterventionsOfCase(tx, of)]);
    const facts = criteriaOf(row, interventions.length > 0);
    return {
      caseId: c.case.id,
      version: row?.version ?? 0,
      policeJudgementOn: row?.policeJudgementOn ?? null,
      application: {
        status: row?.applicationStatus ?? 'notApplied',
        appliedOn: row?.appliedOn ?? null,
        decidedOn: row?.decidedOn ?? null,
        grantedAmountOre: row?.grantedAmountOre ?? null,
      },
      recordedAt: row?.recordedAt.toISOString() ?? null,
      facts,
      assessment: assessStateFunding(facts),
      can: { record: isAllowed(ctx.user.role, 'stateFunding.record'), export: isAllowed(ctx.user.role, 'costStatement.export') },
    };
  });
}

export async function recordStateFunding(ctx: StaffContext, input: StateFundingInput) {
  return withCase(
    ctx,
    'stateFunding.record',
    input.caseId,
    async (tx, c) => {
      const { caseId, expectedVersion, policeJudgementOn, applicationStatus, appliedOn, decidedOn, grantedAmount, ...facts } = input;
      const application = normaliseStateFundingApplication({
        status: applicationStatus,
        appliedOn: appliedOn ?? null,
        decidedOn: decidedOn ?? null,
        grantedAmountOre: grantedAmount ?? null,
      });
      const row = await saveStateFunding(tx, {
        caseId,
        municipalityId: c.case.municipalityId,
        expectedVersion,
        values: {
          ...facts,
          policeJudgementOn: policeJudgementOn ?? null,
          applicationStatus: application.status,
          appliedOn: application.appliedOn,
          decidedOn: application.decidedOn,
          grantedAmountOre: application.grantedAmountOre,
          recordedByUserId: ctx.user.id,
        },
      });
      if (!row) throw conflict();
      return row;
    },
    { write: true },
  );
}

export interface CostStatementLine {
  type: string;
  provider: string | null;
  withinFrameworkAgreement: boolean | null;
  from: string;
  to: string;
  days: number;
  costKind: string;
  priceOre: number;
  netOre: number;
  vatOre: number;
  totalOre: number;
}

/** The statement's data; the export endpoint renders it as PDF or XLSX. */
export async function costStatement(
  ctx: StaffContext,
  input: { caseId: string; from: string; to: string },
  action: 'costStatement.read' | 'costStatement.export',
) {
  return withCase(ctx, action, input.caseId, async (tx, c) => {
    const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
    const [rows, funding, municipalityName] = await Promise.all([
      listInterventionsOfCase(tx, of),
      findStateFunding(tx, of),
      findMunicipalityName(tx, { municipalityId: of.municipalityId }),
    ]);
    const lines: CostStatementLine[] = [];
    for (const r of rows) {
      const model = costed(r.intervention);
      const running = intersect({ from: input.from, to: input.to }, { from: model.startDate, to: lastDay(model) ?? input.to });
      if (!running) continue;
      const totalOre = costInRange(model, running);
      const vatOre = vatPart(totalOre, model);
      lines.push({
        type: r.typeName,
        provider: r.providerName,
        withinFrameworkAgreement: r.withinFrameworkAgreement,
        from: running.from,
        to: running.to,
        days: model.kind === 'oneOff' ? 1 : daysInclusive(running.from, running.to),
        costKind: model.kind,
        priceOre: model.priceOre,
        netOre: totalOre - vatOre,
        vatOre,
        totalOre,
      });
    }
    const facts = criteriaOf(funding, rows.length > 0);
    return {
      caseId: c.case.id,
      municipalityName: municipalityName ?? '',
      reference: c.referralReference ?? c.case.id.slice(0, 8),
      programme: c.case.programme,
      period: { from: input.from, to: input.to },
      policeJudgementOn: funding?.policeJudgementOn ?? null,
      meetsCriteria: assessStateFunding(facts).meetsCriteria,
      lines,
      totals: {
        netOre: lines.reduce((s, l) => s + l.netOre, 0),
        vatOre: lines.reduce((s, l) => s + l.vatOre, 0),
        totalOre: lines.reduce((s, l) => s + l.totalOre, 0),
      },
    };
  });
}
