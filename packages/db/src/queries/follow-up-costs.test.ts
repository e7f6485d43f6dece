// The report's money SQL held to the domain: the cost of every generated intervention in a period equals the
// domain's costInRange, the budget is prorated by days, and police funding counts applications and decisions.
import { costInRange, costKinds, vatHandlings, vatRates, type CostedIntervention } from '@utvag/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget, caseDecision, intervention, interventionType, stateFundingAssessment, supportCase } from '../schema/index.ts';
import { createPerson, createTenant, createTestDatabase, type Tenant, type TestDatabase } from '../testing/index.ts';
import { costEntries, interventionCostsInPeriod, policeFundingEntries } from './follow-up-costs.ts';

let t: TestDatabase;
let tenant: Tenant;
let m: string;
let adultCase: string;
let sigCase: string;
let decisionId: string;
let ownTypeId: string;
let sisTypeId: string;

async function newCase(programme: 'adultExitProgramme' | 'sig') {
  const p = await createPerson(t.db, { municipalityId: m });
  const [c] = await t.db.insert(supportCase).values({ municipalityId: m, personId: p.id, programme }).returning();
  return c!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTenant(t.db);
  m = tenant.municipality.id;
  adultCase = await newCase('adultExitProgramme');
  sigCase = await newCase('sig');
  const [d] = await t.db.insert(caseDecision).values({ municipalityId: m, caseId: adultCase, createdByUserId: tenant.users.caseWorker.id }).returning();
  decisionId = d!.id;
  const [own] = await t.db.insert(interventionType).values({ municipalityId: m, name: 'Egen insats', costKind: 'perDay', defaultPriceOre: 0 }).returning();
  const [sis] = await t.db.insert(interventionType).values({ municipalityId: m, code: 'sis', name: 'SiS', costKind: 'perDay', defaultPriceOre: 0 }).returning();
  ownTypeId = own!.id;
  sisTypeId = sis!.id;
});
afterAll(() => t.drop());

// A small deterministic generator, so a failure names a reproducible case.
function generator(seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const date = (fromDay: number, spanDays: number) => new Date(Date.UTC(2025, 0, 1) + Math.floor(fromDay + next() * spanDays) * 86_400_000).toISOString().slice(0, 10);
  return { next, pick, date };
}

describe('the cost of an intervention in a period', () => {
  it('is the same in SQL as in the domain, for every cost model, VAT handling and date layout', async () => {
    const g = generator(20261123);
    const made: CostedIntervention[] = [];
    await t.db.delete(intervention);
    for (let n = 0; n < 120; n++) {
      const startDate = g.date(0, 600);
      const end = g.next();
      const plannedEndDate = end < 0.3 ? null : addDays(startDate, Math.floor(g.next() * 200));
      const actualEndDate = end > 0.8 ? addDays(startDate, Math.floor(g.next() * 120)) : null;
      const vatHandling = g.pick(vatHandlings);
      const i: CostedIntervention = {
        startDate,
        plannedEndDate,
        actualEndDate,
        kind: g.pick(costKinds),
        priceOre: Math.floor(g.next() * 5_000_000) + (g.next() < 0.2 ? 1 : 0),
        vatHandling,
        vatRateBasisPoints: vatHandling === 'none' ? 0 : g.pick(vatRates),
      };
      made.push(i);
      await t.db.insert(intervention).values({
        municipalityId: m, caseId: adultCase, decisionId, interventionTypeId: ownTypeId, createdByUserId: tenant.users.caseWorker.id,
        startDate: i.startDate, plannedEndDate: i.plannedEndDate, actualEndDate: i.actualEndDate,
        costKind: i.kind, priceOre: i.priceOre, vatHandling: i.vatHandling, vatRateBasisPoints: i.vatRateBasisPoints,
        // `note` carries the index so the SQL rows can be matched back to the generated ones.
        note: String(n),
      });
    }
    for (const period of [{ from: '2025-01-01', to: '2025-06-30' }, { from: '2025-02-10', to: '2026-03-05' }, { from: '2026-02-01', to: '2026-02-28' }]) {
      const expected = made.map((i) => costInRange(i, period)).reduce((a, b) => a + b, 0);
      const sqlRows = await interventionCostsInPeriod(t.db, { municipalityIds: [m], ...period });
      const total = sqlRows.reduce((a, r) => a + r.costOre, 0);
      expect(total, `period ${period.from}–${period.to}`).toBe(expected);
      // Only interventions that run in the period appear, and none of them costs nothing unless it is a one-off before it.
      expect(sqlRows.length).toBe(made.filter((i) => i.startDate <= period.to && (i.actualEndDate ?? i.plannedEndDate ?? period.to) >= period.from).length);
    }
  });
});

describe('the report’s cost tables', () => {
  it('sum per programme and per type, with the budget for the period in proportion to its days', async () => {
    await t.db.delete(intervention);
    const base = { municipalityId: m, decisionId, createdByUserId: tenant.users.caseWorker.id, vatHandling: 'none' as const, vatRateBasisPoints: 0 };
    // 10 days at 1,000 kr in the exit programme (SiS), and a one-off of 5,000 kr in SIG (own type).
    await t.db.insert(intervention).values([
      { ...base, caseId: adultCase, interventionTypeId: sisTypeId, startDate: '2026-03-01', plannedEndDate: '2026-03-10', costKind: 'perDay', priceOre: 100_000 },
      { ...base, caseId: sigCase, interventionTypeId: ownTypeId, startDate: '2026-03-15', costKind: 'oneOff', priceOre: 500_000 },
      // Before the period: not counted.
      { ...base, caseId: sigCase, interventionTypeId: ownTypeId, startDate: '2025-12-15', plannedEndDate: '2025-12-31', costKind: 'perDay', priceOre: 100 },
    ]);
    // 3,650,000 kr for 2026: the first half-year's 181 days hold 1,810,000 kr.
    await t.db.insert(budget).values({ municipalityId: m, programme: 'adultExitProgramme', year: 2026, amountOre: 365_000_000 });
    const { byProgramme, byType } = await costEntries(t.db, { municipalityIds: [m], from: '2026-01-01', to: '2026-06-30' });
    expect(byProgramme).toEqual(expect.arrayContaining([
      { row: 'adultExitProgramme', column: 'interventions', value: 1 },
      { row: 'adultExitProgramme', column: 'costKronor', value: 10_000 },
      { row: 'adultExitProgramme', column: 'budgetKronor', value: 1_810_000 },
      { row: 'sig', column: 'interventions', value: 1 },
      { row: 'sig', column: 'costKronor', value: 5_000 },
    ]));
    expect(byProgramme).toHaveLength(5);
    expect(byType).toEqual(expect.arrayContaining([
      { row: 'sis', column: 'costKronor', value: 10_000 },
      { row: 'ownTypes', column: 'costKronor', value: 5_000 },
    ]));
    expect(await costEntries(t.db, { municipalityIds: [], from: '2026-01-01', to: '2026-06-30' })).toEqual({ byProgramme: [], byType: [] });
  });

  it('count police funding applications sent and decided in the period, with the amount granted', async () => {
    const facts = { policeDefinitionMet: true, policeProtectionNeed: true, motivated: true, consentToInformationSharing: true, policeConditionsSigned: true, notWitnessInPendingCase: true, recordedByUserId: tenant.users.caseWorker.id, municipalityId: m };
    await t.db.insert(stateFundingAssessment).values([
      { ...facts, caseId: adultCase, applicationStatus: 'granted', appliedOn: '2026-02-01', decidedOn: '2026-04-01', grantedAmountOre: 25_000_000 },
      // Applied in the previous year, refused in the period.
      { ...facts, caseId: sigCase, applicationStatus: 'denied', appliedOn: '2025-11-01', decidedOn: '2026-01-20' },
    ]);
    const entries = await policeFundingEntries(t.db, { municipalityIds: [m], from: '2026-01-01', to: '2026-06-30' });
    expect(entries).toEqual(expect.arrayContaining([
      { row: 'adultExitProgramme', column: 'applied', value: 1 },
      { row: 'adultExitProgramme', column: 'granted', value: 1 },
      { row: 'adultExitProgramme', column: 'grantedKronor', value: 250_000 },
      { row: 'sig', column: 'applied', value: 0 },
      { row: 'sig', column: 'denied', value: 1 },
    ]));
    // The database refuses a decision dated before its application.
    await expect(t.db.update(stateFundingAssessment).set({ decidedOn: '2025-01-01' })).rejects.toThrow();
  });
});

function addDays(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
