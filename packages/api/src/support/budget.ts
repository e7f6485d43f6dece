// The unit manager's budget page (issue 7 item 3): per programme spent, committed and forecast against the
// year's budget with the warning, and this year's costs per case, per intervention type and per programme.
// One query loads every intervention running in the year; the domain does the arithmetic.
import { findSupportSetting, listBudgets, listInterventionsRunningIn, saveBudget } from '@utvag/db';
import {
  defaultNearLimitPercent,
  programmeBudgetLine,
  programmeCodes,
  yearFigures,
  yearRange,
  type BudgetInput,
  type CostedIntervention,
  type ProgrammeCode,
} from '@utvag/domain';
import { audited } from '../audit.ts';
import type { StaffContext } from '../cases/access.ts';
import { conflict } from '../errors.ts';
import { todayInSweden } from './costs.ts';

type Row = Awaited<ReturnType<typeof listInterventionsRunningIn>>[number];

function groupBy<K>(rows: Row[], key: (r: Row) => K): Map<K, Row[]> {
  const groups = new Map<K, Row[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

const model = (r: Row): CostedIntervention => r;

export async function budgetOverview(ctx: StaffContext, input: { year?: number }) {
  const today = todayInSweden();
  const year = input.year ?? Number(today.slice(0, 4));
  return audited(ctx, 'budget.read', async (tx) => {
    const municipalityId = ctx.user.municipalityId;
    const range = yearRange(year);
    const [rows, budgets, setting] = await Promise.all([
      listInterventionsRunningIn(tx, { municipalityId, ...range }),
      listBudgets(tx, { municipalityId, year }),
      findSupportSetting(tx, { municipalityId }),
    ]);
    const nearLimitPercent = setting?.nearLimitPercent ?? defaultNearLimitPercent;
    const byProgramme = groupBy(rows, (r) => r.programme);
    const programmes = programmeCodes.map((code) => {
      const b = budgets.find((x) => x.programme === code);
      return {
        ...programmeBudgetLine(code, b?.amountOre ?? null, (byProgramme.get(code) ?? []).map(model), year, today, nearLimitPercent),
        budgetVersion: b?.version ?? 0,
      };
    });
    const figuresOf = (list: Row[]) => yearFigures(list.map(model), year, today);
    const types = [...groupBy(rows, (r) => r.typeId)].map(([id, list]) => ({ id, code: list[0]!.typeCode, name: list[0]!.typeName, count: list.length, ...figuresOf(list) }));
    const cases = [...groupBy(rows, (r) => r.caseId)].map(([id, list]) => ({
      id,
      programme: list[0]!.programme as ProgrammeCode,
      reference: list[0]!.reference,
      interventions: list.length,
      ...figuresOf(list),
    }));
    const total = figuresOf(rows);
    const budgetTotal = budgets.reduce((s, b) => s + b.amountOre, 0);
    return {
      result: {
        year,
        today,
        nearLimitPercent,
        total: { ...total, budgetOre: budgetTotal },
        programmes,
        types: types.sort((a, b) => b.forecastOre - a.forecastOre),
        cases: cases.sort((a, b) => b.forecastOre - a.forecastOre),
        interventionCount: rows.length,
      },
      record: { recordType: 'budget', recordId: null, subjectIds: [...new Set(rows.map((r) => r.personId))] },
    };
  });
}

export async function setBudget(ctx: StaffContext, input: BudgetInput) {
  return audited(ctx, 'budget.manage', async (tx) => {
    const row = await saveBudget(tx, {
      municipalityId: ctx.user.municipalityId,
      programme: input.programme,
      year: input.year,
      amountOre: input.amount,
      expectedVersion: input.expectedVersion,
      userId: ctx.user.id,
    });
    if (!row) throw conflict();
    return { result: row, record: { recordType: 'budget', recordId: row.id } };
  });
}

