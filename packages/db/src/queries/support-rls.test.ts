// Row-level security of support work (migration 0012), bypassing the API: staff see their own municipality's
// rows; partners see no intervention, budget, plan or catalogue row at all, and only the meetings they are
// invited to with the agenda items meant for them; no tenant sees nothing. The consent function answers only
// within the transaction's municipality.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseConsent, caseDecision, intervention, interventionType, networkMeeting, networkMeetingAgendaItem, networkMeetingParticipant, planVersion, supportCase } from '../schema/index.ts';
import { createPerson, createReferral, createTenant, createTestDatabase, type Tenant, type TestDatabase } from '../testing/index.ts';
import { caseConsentCovers } from './support.ts';
import { inTenantTransaction, type TenantContext } from './tenant.ts';

let t: TestDatabase;
let a: Tenant;
let b: Tenant;
const cases: Record<string, string> = {};
const meetings: Record<string, string> = {};

async function seed(tenant: Tenant) {
  const m = tenant.municipality.id;
  const person = await createPerson(t.db, { municipalityId: m });
  const referral = await createReferral(t.db, {
    personId: person.id,
    municipalityId: m,
    submittedByUserId: tenant.users.police.id,
    sourceOrganisationId: tenant.organisations.police.id,
    consentToContact: true,
  });
  const [c] = await t.db.insert(supportCase).values({ municipalityId: m, personId: person.id, programme: 'adultExitProgramme', referralId: referral.id }).returning();
  const [d] = await t.db.insert(caseDecision).values({ municipalityId: m, caseId: c!.id, createdByUserId: tenant.users.caseWorker.id, stage: 'signed', outcome: 'granted' }).returning();
  const [type] = await t.db.insert(interventionType).values({ municipalityId: m, code: 'counselling', name: 'Samtalsstöd', costKind: 'perMonth', defaultPriceOre: 400_000 }).returning();
  await t.db.insert(intervention).values({
    municipalityId: m, caseId: c!.id, decisionId: d!.id, interventionTypeId: type!.id, startDate: '2026-01-01', costKind: 'perMonth',
    priceOre: 400_000, vatHandling: 'none', vatRateBasisPoints: 0, createdByUserId: tenant.users.caseWorker.id,
  });
  await t.db.insert(planVersion).values({ municipalityId: m, caseId: c!.id, version: 1, content: { goals: [], actions: [], personsOwnWords: null }, change: 'addGoal', savedByUserId: tenant.users.caseWorker.id });
  const [meeting] = await t.db.insert(networkMeeting).values({ municipalityId: m, caseId: c!.id, scheduledAt: new Date(), place: 'Rum 1', createdByUserId: tenant.users.coordinator.id }).returning();
  await t.db.insert(networkMeetingParticipant).values({ municipalityId: m, meetingId: meeting!.id, userId: tenant.users.police.id, organisationId: tenant.organisations.police.id, invitedByUserId: tenant.users.coordinator.id });
  await t.db.insert(networkMeetingAgendaItem).values([
    { municipalityId: m, meetingId: meeting!.id, title: 'För polisen', organisationIds: [tenant.organisations.police.id] },
    { municipalityId: m, meetingId: meeting!.id, title: 'Internt', organisationIds: [] },
  ]);
  // Consent drives partner access (issue 6 item 4): the police are covered by the register, the school is not.
  await t.db.insert(caseConsent).values({
    municipalityId: m, caseId: c!.id, organisationId: tenant.organisations.police.id, purposes: ['networkMeeting'], signedOn: '2026-01-01',
    startDate: '2026-01-01', recordedByUserId: tenant.users.caseWorker.id,
  });
  cases[m] = c!.id;
  meetings[m] = meeting!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  a = await createTenant(t.db);
  b = await createTenant(t.db);
  await seed(a);
  await seed(b);
});
afterAll(() => t.drop());

const staffOf = (tenant: Tenant): TenantContext => ({ municipalityId: tenant.municipality.id, organisationId: null, userId: tenant.users.caseWorker.id, role: 'caseWorker' });
const partnerOf = (tenant: Tenant, role: 'police' | 'schoolStaff'): TenantContext => ({
  municipalityId: tenant.municipality.id,
  organisationId: role === 'police' ? tenant.organisations.police.id : tenant.organisations.school.id,
  userId: tenant.users[role].id,
  role,
});
const count = (tenant: TenantContext, table: string) =>
  inTenantTransaction(t.db, tenant, async (tx) => Number((await tx.execute<{ n: string }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n));

const staffOnly = ['intervention', 'intervention_type', 'provider', 'budget', 'support_setting', 'state_funding_assessment', 'plan_version'];

describe('support work under row-level security', () => {
  it('shows staff only their own municipality', async () => {
    for (const table of ['intervention', 'intervention_type', 'plan_version', 'network_meeting', 'network_meeting_participant', 'network_meeting_agenda_item']) {
      expect(await count(staffOf(a), table), table).toBe(1 + (table === 'network_meeting_agenda_item' ? 1 : 0));
    }
  });
  it('shows a partner no case data, and only the meetings and items meant for them', async () => {
    for (const table of staffOnly) expect(await count(partnerOf(a, 'police'), table), table).toBe(0);
    expect(await count(partnerOf(a, 'police'), 'network_meeting')).toBe(1);
    expect(await count(partnerOf(a, 'police'), 'network_meeting_agenda_item')).toBe(1);
    for (const table of ['network_meeting', 'network_meeting_participant', 'network_meeting_agenda_item']) {
      expect(await count(partnerOf(a, 'schoolStaff'), table), table).toBe(0);
    }
  });
  it('lets a partner write nothing', async () => {
    await expect(
      inTenantTransaction(t.db, partnerOf(a, 'police'), (tx) =>
        tx.insert(networkMeetingAgendaItem).values({ municipalityId: a.municipality.id, meetingId: meetings[a.municipality.id]!, title: 'x', organisationIds: [a.organisations.police.id] }),
      ),
    ).rejects.toThrow();
  });
  it('shows nothing without a tenant', async () => {
    const none: TenantContext = { municipalityId: '', organisationId: null, userId: '', role: '' };
    for (const table of [...staffOnly, 'network_meeting']) expect(await count(none, table), table).toBe(0);
  });
  it('answers the consent question only inside the transaction’s municipality', async () => {
    const caseA = cases[a.municipality.id]!;
    const covers = (tenant: TenantContext, organisationId: string) =>
      inTenantTransaction(t.db, tenant, (tx) => caseConsentCovers(tx, { caseId: caseA, organisationId }));
    expect(await covers(staffOf(a), a.organisations.police.id)).toBe(true);
    expect(await covers(partnerOf(a, 'police'), a.organisations.police.id)).toBe(true);
    expect(await covers(staffOf(a), a.organisations.school.id)).toBe(false);
    expect(await covers(staffOf(b), a.organisations.police.id)).toBe(false);
  });
});
