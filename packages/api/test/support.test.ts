// Support work through the API (issue 7): interventions and their costs, bad input that writes nothing, the
// budget, the plan's versions, network meetings with consent, the partner's view, reminders and the cost statement.
import { inTenantTransaction } from '@utvag/db';
import { auditEntry, intervention, networkMeeting, networkMeetingParticipant, supportCase } from '@utvag/db/schema';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/describe-error.ts';
import { codeOf, createWorld, type World } from './harness.ts';
import { caseWithGrant, interventionInput, typeId } from './support-setup.ts';
import { createDecision } from './cases-setup.ts';

let world: World;
let caseId: string;
let decisionId: string;
let hvb: string;

beforeAll(async () => {
  world = await createWorld();
  ({ caseId, decisionId } = await caseWithGrant(world));
  hvb = await typeId(world);
});
afterAll(() => world.t.drop());

const interventions = async () => (await world.t.db.select({ n: count() }).from(intervention))[0]!.n;
/** The error a call ends with: its tRPC code and the field messages (Swedish). */
async function refusal(work: Promise<unknown>) {
  try {
    await work;
    return null;
  } catch (e) {
    const err = e as { code: string; cause?: unknown };
    return { code: err.code, fields: Object.keys(describeError(err, 'sv').fieldErrors ?? {}) };
  }
}

describe('interventions', () => {
  it('records one under a signed decision, and the case’s cost accrues by day', async () => {
    const staff = await world.staff('caseWorker');
    await staff.intervention.add(interventionInput({ caseId, decisionId, interventionTypeId: hvb }));
    const list = await staff.intervention.list({ caseId });
    expect(list.items).toHaveLength(1);
    // 31 days of January at 2,800 kr, all in the past (the suite runs after January 2026).
    expect(list.items[0]!.accruedOre).toBe(31 * 280_000);
    expect(list.totals.accruedOre).toBe(31 * 280_000);
    const audit = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'intervention.write'), eq(auditEntry.recordId, caseId)));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const staff = await world.staff('caseWorker');
    const before = await interventions();
    const cases: [Record<string, unknown>, string][] = [
      [{ price: '-100' }, 'price'],
      [{ plannedEndDate: '2025-12-31' }, 'plannedEndDate'],
      [{ decisionId: '' }, 'decisionId'],
    ];
    for (const [over, field] of cases) {
      const got = await refusal(staff.intervention.add(interventionInput({ caseId, decisionId, interventionTypeId: hvb, ...over }) as never));
      expect(got).toEqual({ code: 'BAD_REQUEST', fields: [field] });
    }
    // A decision that is not signed, and a signed one of another case, are no decision to act on.
    const unsigned = await createDecision(world, caseId, { outcome: 'granted' });
    const other = await caseWithGrant(world);
    for (const id of [unsigned.id, other.decisionId]) {
      expect(await refusal(staff.intervention.add(interventionInput({ caseId, decisionId: id, interventionTypeId: hvb })))).toEqual({
        code: 'BAD_REQUEST',
        fields: ['decisionId'],
      });
    }
    expect(await interventions()).toBe(before);
  });

  it('refuses a stale version when an intervention is changed', async () => {
    const staff = await world.staff('caseWorker');
    const [item] = (await staff.intervention.list({ caseId })).items;
    const change = { id: item!.id, startDate: item!.startDate, plannedEndDate: item!.plannedEndDate, costKind: 'perDay', price: '2800', actualEndDate: '2026-01-20' };
    await staff.intervention.update({ ...change, expectedVersion: item!.version } as never);
    expect(await codeOf(staff.intervention.update({ ...change, expectedVersion: item!.version } as never))).toBe('CONFLICT');
    expect((await staff.intervention.list({ caseId })).items[0]!.accruedOre).toBe(20 * 280_000);
  });
});

describe('budget', () => {
  it('moves the programme’s spent and forecast when an intervention is added, and warns past the budget', async () => {
    const manager = await world.staff('unitManager');
    const before = await manager.budget.overview({ year: 2026 });
    const sig = () => before.programmes.find((p) => p.programme === 'sig')!;
    const { caseId: c2, decisionId: d2 } = await caseWithGrant(world);
    await (await world.staff('caseWorker')).intervention.add(
      interventionInput({ caseId: c2, decisionId: d2, interventionTypeId: hvb, startDate: '2026-02-01', plannedEndDate: '2026-02-28' }),
    );
    const after = await manager.budget.overview({ year: 2026 });
    const line = after.programmes.find((p) => p.programme === 'sig')!;
    expect(line.forecastOre - sig().forecastOre).toBe(28 * 280_000);
    expect(after.cases.find((c) => c.id === c2)?.forecastOre).toBe(28 * 280_000);
    await manager.budget.set({ programme: 'sig', year: 2026, amount: '10 000', expectedVersion: 0 } as never);
    const warned = (await manager.budget.overview({ year: 2026 })).programmes.find((p) => p.programme === 'sig')!;
    expect(warned.budgetOre).toBe(1_000_000);
    expect(warned.status).toBe('overBudget');
    // Someone else set it first: a second create is a conflict, not an overwrite.
    expect(await codeOf(manager.budget.set({ programme: 'sig', year: 2026, amount: '20 000', expectedVersion: 0 } as never))).toBe('CONFLICT');
  });
});

describe('coordinated plan', () => {
  it('keeps every version and refuses a stale one', async () => {
    const staff = await world.staff('caseWorker');
    await staff.plan.addGoal({ caseId, expectedVersion: 0, text: 'Eget boende på annan ort' });
    const v1 = await staff.plan.get({ caseId });
    await staff.plan.addAction({ caseId, expectedVersion: 1, text: 'Ansöka om lägenhet', actor: 'person', goalId: v1.plan.goals[0]!.id } as never);
    await staff.plan.setOwnWords({ caseId, expectedVersion: 2, text: 'Jag vill kunna gå till jobbet utan att vara rädd.' });
    expect(await codeOf(staff.plan.addGoal({ caseId, expectedVersion: 2, text: 'Sent' }))).toBe('CONFLICT');
    const plan = await staff.plan.get({ caseId });
    expect(plan.version).toBe(3);
    expect(plan.versions.map((v) => v.change)).toEqual(['setPersonsOwnWords', 'addAction', 'addGoal']);
    expect((await staff.plan.get({ caseId, version: 1 })).plan.actions).toHaveLength(0);
    expect(plan.plan.personsOwnWords).toContain('utan att vara rädd');
  });
});

describe('network meetings and consent', () => {
  it('refuses an invitation the consent does not cover, writing nothing', async () => {
    const staff = await world.staff('coordinator');
    const before = (await world.t.db.select({ n: count() }).from(networkMeeting))[0]!.n;
    const got = await refusal(
      staff.networkMeeting.plan({ caseId, scheduledAt: '2030-03-01 09:00', place: 'Rum 1', inviteeIds: [world.tenant.users.schoolStaff.id] } as never),
    );
    expect(got).toEqual({ code: 'BAD_REQUEST', fields: ['inviteeIds'] });
    expect((await world.t.db.select({ n: count() }).from(networkMeeting))[0]!.n).toBe(before);
  });

  it('shows a planned meeting to the invited partner, with the items meant for them, and to nobody else', async () => {
    const staff = await world.staff('coordinator');
    const { id } = await staff.networkMeeting.plan({
      caseId,
      scheduledAt: '2030-03-01 09:00',
      place: 'Socialkontoret, rum 3',
      inviteeIds: [world.tenant.users.police.id, world.tenant.users.caseWorker.id],
    } as never);
    const police = world.tenant.organisations.police.id;
    await staff.networkMeeting.addAgendaItem({ meetingId: id, title: 'Hotbilden just nu', organisationIds: [police] } as never);
    await staff.networkMeeting.addAgendaItem({ meetingId: id, title: 'Ekonomi (internt)', organisationIds: [] } as never);
    // An item for an organisation that is not invited is refused.
    expect(await codeOf(staff.networkMeeting.addAgendaItem({ meetingId: id, title: 'Skolan', organisationIds: [world.tenant.organisations.school.id] } as never))).toBe(
      'BAD_REQUEST',
    );
    const seen = await (await world.partner('police')).meetingInvitation.list();
    const mine = seen.items.find((m) => m.id === id);
    expect(mine?.agenda.map((a) => a.title)).toEqual(['Hotbilden just nu']);
    for (const role of ['schoolStaff', 'probationOfficer', 'otherSchool'] as const) {
      expect((await (await world.partner(role)).meetingInvitation.list()).items.find((m) => m.id === id)).toBeUndefined();
    }
    // Row-level security says the same when the API's filter is bypassed: an uninvited partner reads no row.
    const school = world.tenant.users.schoolStaff;
    const rows = await inTenantTransaction(
      world.t.db,
      { municipalityId: world.tenant.municipality.id, organisationId: world.tenant.organisations.school.id, userId: school.id, role: 'schoolStaff' },
      (tx) => tx.select().from(networkMeeting),
    );
    expect(rows).toHaveLength(0);
    // A decision at the meeting becomes a plan action.
    await staff.networkMeeting.recordDecision({ meetingId: id, text: 'Polisen gör en ny hotbildsbedömning', actor: 'police' } as never);
    const plan = await staff.plan.get({ caseId });
    expect(plan.plan.actions.find((a) => a.meetingId === id)?.actor).toBe('police');
    const participants = await world.t.db.select().from(networkMeetingParticipant).where(eq(networkMeetingParticipant.meetingId, id));
    expect(participants).toHaveLength(2);
  });

  it('flags an open case with no meeting for more than 31 days', async () => {
    const { caseId: quiet } = await caseWithGrant(world);
    await world.t.db.update(supportCase).set({ openedAt: sql`now() - interval '40 days'` }).where(eq(supportCase.id, quiet));
    const reminders = await (await world.staff('unitManager')).networkMeeting.reminders();
    expect(reminders.periodDays).toBe(31);
    expect(reminders.items.map((r) => r.caseId)).toContain(quiet);
    expect(reminders.items.map((r) => r.caseId)).not.toContain(caseId);
  });
});

describe('state funding', () => {
  it('records the police criteria and states the costs of a period with only the application’s fields', async () => {
    const staff = await world.staff('caseWorker');
    const all = { policeDefinitionMet: true, policeProtectionNeed: true, motivated: true, consentToInformationSharing: true, policeConditionsSigned: true, notWitnessInPendingCase: true };
    await staff.stateFunding.record({ caseId, expectedVersion: 0, policeJudgementOn: '2026-01-05', ...all } as never);
    expect((await staff.stateFunding.get({ caseId })).assessment).toEqual({ meetsCriteria: true, missing: [] });
    expect(await codeOf(staff.stateFunding.record({ caseId, expectedVersion: 0, ...all } as never))).toBe('CONFLICT');
    const s = await staff.stateFunding.costStatement({ caseId, from: '2026-01-01', to: '2026-01-10' });
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({ days: 10, totalOre: 10 * 280_000, vatOre: 0 });
    expect(s.totals.totalOre).toBe(10 * 280_000);
    expect(JSON.stringify(s)).not.toMatch(/Cilla|Ärendesson|2004/);
  });

  it('records the application to the police, keeping only what its state means', async () => {
    const staff = await world.staff('coordinator');
    const { version } = await staff.stateFunding.get({ caseId });
    const all = { policeDefinitionMet: true, policeProtectionNeed: true, motivated: true, consentToInformationSharing: true, policeConditionsSigned: true, notWitnessInPendingCase: true };
    // A decision date and an amount on an application still waiting are dropped, not stored.
    await staff.stateFunding.record({ caseId, expectedVersion: version, ...all, applicationStatus: 'applied', appliedOn: '2026-02-01', decidedOn: '2026-03-01', grantedAmount: '1000' } as never);
    expect((await staff.stateFunding.get({ caseId })).application).toEqual({ status: 'applied', appliedOn: '2026-02-01', decidedOn: null, grantedAmountOre: null });
    await staff.stateFunding.record({ caseId, expectedVersion: version + 1, ...all, applicationStatus: 'granted', appliedOn: '2026-02-01', decidedOn: '2026-03-01', grantedAmount: '250 000,50' } as never);
    expect((await staff.stateFunding.get({ caseId })).application).toEqual({ status: 'granted', appliedOn: '2026-02-01', decidedOn: '2026-03-01', grantedAmountOre: 25_000_050 });
  });

  it('names the field of an incomplete or impossible application, and writes nothing', async () => {
    const staff = await world.staff('caseWorker');
    const before = await staff.stateFunding.get({ caseId });
    const base = { caseId, expectedVersion: before.version };
    expect(await refusal(staff.stateFunding.record({ ...base, applicationStatus: 'granted' } as never))).toEqual({ code: 'BAD_REQUEST', fields: ['appliedOn', 'decidedOn', 'grantedAmount'] });
    expect(await refusal(staff.stateFunding.record({ ...base, applicationStatus: 'denied', appliedOn: '2026-05-01', decidedOn: '2026-04-01' } as never))).toEqual({ code: 'BAD_REQUEST', fields: ['decidedOn'] });
    expect(await refusal(staff.stateFunding.record({ ...base, applicationStatus: 'sent' } as never))).toEqual({ code: 'BAD_REQUEST', fields: ['applicationStatus'] });
    expect(await refusal(staff.stateFunding.record({ ...base, applicationStatus: 'granted', appliedOn: '2026-01-01', decidedOn: '2026-02-01', grantedAmount: '-5' } as never))).toEqual({ code: 'BAD_REQUEST', fields: ['grantedAmount'] });
    expect(await staff.stateFunding.get({ caseId })).toEqual(before);
    // A field worker may read the case but not record the funding.
    expect(await codeOf((await world.staff('fieldWorker')).stateFunding.record({ ...base, applicationStatus: 'notApplied' } as never))).toBe('FORBIDDEN');
  });
});

