// Consent and disclosure through the API (issue 6 item 4): the register, who may record and revoke, bad input
// that writes nothing, consent driving partner access (revocation cuts it at once), the exit programme's
// missing-authority warning, the disclosure log and its legal bases, conflicts, other municipalities and RLS.
import { inTenantTransaction } from '@utvag/db';
import { auditEntry, caseConsent, disclosure, person, supportCase } from '@utvag/db/schema';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/describe-error.ts';
import { createCase } from './cases-setup.ts';
import { codeOf, contextFor, createWorld, sessionUser, type World } from './harness.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { grantConsent } from './support-setup.ts';

let world: World;
let caseId: string;
let police: string;
let school: string;

beforeAll(async () => {
  world = await createWorld();
  caseId = await createCase(world, { programme: 'adultExitProgramme' });
  police = world.tenant.organisations.police.id;
  school = world.tenant.organisations.school.id;
});
afterAll(() => world.t.drop());

const consents = async () => (await world.t.db.select({ n: count() }).from(caseConsent))[0]!.n;
const disclosures = async () => (await world.t.db.select({ n: count() }).from(disclosure))[0]!.n;
const valid = (over: Record<string, unknown> = {}) => ({
  caseId,
  organisationId: police,
  purposes: ['networkMeeting', 'statusUpdates'],
  signedOn: '2026-01-10',
  startDate: '2026-01-10',
  ...over,
});

/** The error a call ends with: its tRPC code, the field names and the message (Swedish). */
async function refusal(work: Promise<unknown>) {
  try {
    await work;
    return null;
  } catch (e) {
    const err = e as { code: string; cause?: unknown };
    const d = describeError(err, 'sv');
    return { code: err.code, fields: Object.keys(d.fieldErrors ?? {}), message: d.message, fieldErrors: d.fieldErrors };
  }
}

async function caseOfPersonBorn(birthDate: string, programme: 'adultExitProgramme' | 'youthExitProgramme' | 'sig' = 'youthExitProgramme') {
  const id = await createCase(world, { programme });
  const [c] = await world.t.db.select({ personId: supportCase.personId }).from(supportCase).where(eq(supportCase.id, id));
  await world.t.db.update(person).set({ birthDate, identityNumber: null }).where(eq(person.id, c!.personId));
  return id;
}

describe('the consent register', () => {
  it('records a consent (case worker), lists it as active and audits both', async () => {
    const staff = await world.staff('caseWorker');
    const { id } = await staff.consent.record(valid() as never);
    const list = await staff.consent.list({ caseId });
    const mine = list.consents.find((k) => k.id === id)!;
    expect(mine).toMatchObject({ organisationId: police, purposes: ['networkMeeting', 'statusUpdates'], state: 'active', version: 1, revokedOn: null });
    const audit = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.recordId, caseId), sql`${auditEntry.action} in ('consent.record', 'consent.read')`));
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['consent.record', 'consent.read']));
  });

  it('lets every case role read and only case workers, coordinators and unit managers record', async () => {
    for (const role of ['caseWorker', 'coordinator', 'unitManager', 'fieldWorker'] as const) {
      expect(await codeOf(async () => (await world.staff(role)).consent.list({ caseId })), role).toBe('ok');
      expect(await codeOf(async () => (await world.staff(role)).disclosure.list({ caseId })), role).toBe('ok');
    }
    for (const role of ['coordinator', 'unitManager'] as const) {
      expect(await codeOf(async () => (await world.staff(role)).consent.record(valid({ organisationId: school }) as never)), role).toBe('ok');
    }
    const before = await consents();
    for (const role of ['fieldWorker', 'administrator', 'regional'] as const) {
      expect(await codeOf(async () => (await world.staff(role)).consent.record(valid() as never)), role).toBe('FORBIDDEN');
    }
    expect(await codeOf(async () => (await world.staff(null)).consent.list({ caseId }))).toBe('UNAUTHORIZED');
    expect(await consents()).toBe(before);
  });

  it('refuses an end before the start, a bad purpose and an unknown organisation, writing nothing', async () => {
    const staff = await world.staff('caseWorker');
    const before = await consents();
    expect(await refusal(staff.consent.record(valid({ startDate: '2026-03-01', endDate: '2026-02-28' }) as never))).toMatchObject({ code: 'BAD_REQUEST', fields: ['endDate'] });
    expect(await refusal(staff.consent.record(valid({ purposes: [] }) as never))).toMatchObject({ code: 'BAD_REQUEST', fields: ['purposes'] });
    expect(await refusal(staff.consent.record(valid({ purposes: ['gossip'] }) as never))).toMatchObject({ code: 'BAD_REQUEST' });
    // Another municipality's organisation is no receiver here.
    const foreign = world.otherTenant.organisations.police.id;
    expect(await refusal(staff.consent.record(valid({ organisationId: foreign }) as never))).toMatchObject({ code: 'BAD_REQUEST', fields: ['organisationId'] });
    expect(await consents()).toBe(before);
  });

  it('refuses a minor’s consent without a guardian’s signature, with a clear field error', async () => {
    const minorCase = await caseOfPersonBorn('2012-06-01');
    const staff = await world.staff('caseWorker');
    const before = await consents();
    const got = await refusal(staff.consent.record(valid({ caseId: minorCase }) as never));
    expect(got).toMatchObject({ code: 'BAD_REQUEST', fields: ['guardian1SignedOn'] });
    expect(got!.fieldErrors!.guardian1SignedOn).toContain('vårdnadshavare');
    expect(await consents()).toBe(before);
    expect((await staff.consent.list({ caseId: minorCase })).minorToday).toBe(true);
    // One guardian's signature suffices; two are kept.
    await staff.consent.record(valid({ caseId: minorCase, guardian1SignedOn: '2026-01-11', guardian2SignedOn: '2026-01-12' }) as never);
    const [k] = (await staff.consent.list({ caseId: minorCase })).consents;
    expect(k).toMatchObject({ guardian1SignedOn: '2026-01-11', guardian2SignedOn: '2026-01-12' });
  });

  it('shows ended, pending and revoked consents with their state', async () => {
    const id = await createCase(world);
    await grantConsent(world, id, police, { endDate: '2026-01-31' });
    await grantConsent(world, id, school, { startDate: '2099-01-01' });
    await grantConsent(world, id, school, { revokedOn: '2026-02-01', revokedBy: 'guardian', revocationReason: 'Skäl' });
    const states = (await (await world.staff('caseWorker')).consent.list({ caseId: id })).consents.map((k) => k.state).sort();
    expect(states).toEqual(['ended', 'pending', 'revoked']);
  });
});

describe('consent drives partner access', () => {
  it('a partner invited to a meeting sees it; after revocation the partner no longer does, and cannot be invited again', async () => {
    const id = await createCase(world);
    const staff = await world.staff('coordinator');
    // No consent yet: the invitation is refused, nothing written.
    expect(await refusal(staff.networkMeeting.plan({ caseId: id, scheduledAt: '2030-05-01 09:00', place: 'Rum 2', inviteeIds: [world.tenant.users.police.id] } as never))).toMatchObject({
      code: 'BAD_REQUEST',
      fields: ['inviteeIds'],
    });
    const { id: consentId, version } = await staff.consent.record(valid({ caseId: id, purposes: ['networkMeeting'] }) as never);
    const { id: meetingId } = await staff.networkMeeting.plan({ caseId: id, scheduledAt: '2030-05-01 09:00', place: 'Rum 2', inviteeIds: [world.tenant.users.police.id] } as never);
    const partner = await world.partner('police');
    expect((await partner.meetingInvitation.list()).items.map((m) => m.id)).toContain(meetingId);
    // The invitation was logged as a disclosure on the basis of consent.
    const log = (await staff.disclosure.list({ caseId: id })).items;
    expect(log).toEqual([expect.objectContaining({ organisationId: police, category: 'meetingInvitation', legalBasis: 'consent' })]);

    await staff.consent.revoke({ consentId, expectedVersion: version, revokedOn: '2026-02-01', revokedBy: 'person', reason: 'Vill inte att polisen får veta mer.' });
    expect((await partner.meetingInvitation.list()).items.map((m) => m.id)).not.toContain(meetingId);
    expect(await refusal(staff.networkMeeting.invite({ meetingId, userIds: [world.tenant.users.police.id] }))).toMatchObject({ code: 'BAD_REQUEST', fields: ['userIds'] });
    const list = await staff.consent.list({ caseId: id });
    expect(list.consents[0]).toMatchObject({ state: 'revoked', revokedBy: 'person', revocationReason: 'Vill inte att polisen får veta mer.', version: 2 });
  });

  it('covers only the purposes consented to', async () => {
    const id = await createCase(world);
    const staff = await world.staff('coordinator');
    await staff.consent.record(valid({ caseId: id, purposes: ['statusUpdates'] }) as never);
    expect(await refusal(staff.networkMeeting.plan({ caseId: id, scheduledAt: '2030-05-01 09:00', place: 'Rum 2', inviteeIds: [world.tenant.users.police.id] } as never))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('an ended or not yet started consent covers nothing (the SQL function)', async () => {
    const id = await createCase(world);
    await grantConsent(world, id, police, { endDate: '2026-01-31' });
    await grantConsent(world, id, school, { startDate: '2099-01-01' });
    const staffTenant = { municipalityId: world.tenant.municipality.id, organisationId: null, userId: world.tenant.users.caseWorker.id, role: 'caseWorker' };
    const covers = (organisationId: string) =>
      inTenantTransaction(world.t.db, staffTenant, async (tx) => (await tx.execute<{ c: boolean }>(sql`select case_consent_covers(${id}::uuid, ${organisationId}::uuid) as c`))[0]!.c);
    expect(await covers(police)).toBe(false);
    expect(await covers(school)).toBe(false);
    await grantConsent(world, id, school);
    expect(await covers(school)).toBe(true);
  });

  it('refuses a stale revocation with a conflict naming what changed, never overwriting', async () => {
    const id = await createCase(world);
    const staff = await world.staff('caseWorker');
    const { id: consentId } = await staff.consent.record(valid({ caseId: id }) as never);
    await (await world.staff('unitManager')).consent.revoke({ consentId, expectedVersion: 1, revokedOn: '2026-02-01', revokedBy: 'person', reason: 'Första' });
    const got = await refusal(staff.consent.revoke({ consentId, expectedVersion: 1, revokedOn: '2026-02-02', revokedBy: 'guardian', reason: 'Andra' }));
    expect(got?.code).toBe('CONFLICT');
    expect(got?.message).toContain(world.tenant.users.unitManager.name);
    expect(got?.message).toContain('återkallades');
    const [row] = await world.t.db.select().from(caseConsent).where(eq(caseConsent.id, consentId));
    expect(row).toMatchObject({ revocationReason: 'Första', version: 2 });
  });

  it('refuses revocation by a field worker and without a reason', async () => {
    const id = await createCase(world);
    const { id: consentId } = await (await world.staff('caseWorker')).consent.record(valid({ caseId: id }) as never);
    const input = { consentId, expectedVersion: 1, revokedOn: '2026-02-01', revokedBy: 'person' as const, reason: 'Skäl' };
    expect(await codeOf(async () => (await world.staff('fieldWorker')).consent.revoke(input))).toBe('FORBIDDEN');
    expect(await refusal((await world.staff('caseWorker')).consent.revoke({ ...input, reason: ' ' }))).toMatchObject({ code: 'BAD_REQUEST', fields: ['reason'] });
    expect(await refusal((await world.staff('caseWorker')).consent.revoke({ ...input, revokedOn: '2026-01-01' }))).toMatchObject({ code: 'BAD_REQUEST', fields: ['revokedOn'] });
    const [row] = await world.t.db.select().from(caseConsent).where(eq(caseConsent.id, consentId));
    expect(row!.revokedOn).toBeNull();
  });
});

describe('the exit programme’s rule: consent covers every authority involved', () => {
  it('names the involved organisation no consent covers, and stops when one does', async () => {
    const id = await createCase(world, { programme: 'adultExitProgramme' });
    const staff = await world.staff('caseWorker');
    // The police referred the case: they are involved.
    expect((await staff.consent.list({ caseId: id })).missing.map((o) => o.id)).toEqual([police]);
    await staff.consent.record(valid({ caseId: id, purposes: ['informationExchange'] }) as never);
    expect((await staff.consent.list({ caseId: id })).missing).toEqual([]);
  });
  it('has no such rule in SIG', async () => {
    const id = await createCase(world, { programme: 'sig' });
    expect((await (await world.staff('caseWorker')).consent.list({ caseId: id })).missing).toEqual([]);
  });
});

describe('the disclosure log', () => {
  const input = (over: Record<string, unknown> = {}) => ({ caseId, organisationId: school, category: 'caseStatus', legalBasis: 'necessity', disclosedOn: '2026-02-01', ...over });

  it('records a phone disclosure with its basis and lists it', async () => {
    const staff = await world.staff('coordinator');
    await staff.disclosure.record(input({ note: 'Telefonsamtal med rektor' }) as never);
    const items = (await staff.disclosure.list({ caseId })).items;
    expect(items[0]).toMatchObject({ organisationId: school, category: 'caseStatus', legalBasis: 'necessity', note: 'Telefonsamtal med rektor' });
    expect(await codeOf(async () => (await world.staff('fieldWorker')).disclosure.record(input() as never))).toBe('FORBIDDEN');
  });

  it('allows the under-21 exception only for a person under 21, and consent only where a consent covers', async () => {
    const staff = await world.staff('caseWorker');
    const before = await disclosures();
    // The person of `caseId` was born 2004-02-02: 21 or older from 2025-02-02.
    expect(await refusal(staff.disclosure.record(input({ legalBasis: 'crimePreventionUnder21', organisationId: police }) as never))).toMatchObject({
      code: 'BAD_REQUEST',
      fields: ['legalBasis'],
    });
    // No consent covers the probation service.
    const probation = world.tenant.organisations.probationService.id;
    expect(await refusal(staff.disclosure.record(input({ legalBasis: 'consent', organisationId: probation }) as never))).toMatchObject({ code: 'BAD_REQUEST', fields: ['legalBasis'] });
    expect(await refusal(staff.disclosure.record(input({ legalBasis: 'hunch' }) as never))).toMatchObject({ code: 'BAD_REQUEST', fields: ['legalBasis'] });
    expect(await refusal(staff.disclosure.record(input({ disclosedOn: '2999-01-01' }) as never))).toMatchObject({ code: 'BAD_REQUEST', fields: ['disclosedOn'] });
    expect(await disclosures()).toBe(before);
    const young = await caseOfPersonBorn('2008-01-01');
    await staff.disclosure.record(input({ caseId: young, legalBasis: 'crimePreventionUnder21', organisationId: police, disclosedOn: '2026-02-01' }) as never);
    // Consent as the basis where the police's consent covers (recorded in the first test).
    await staff.disclosure.record(input({ legalBasis: 'consent', organisationId: police }) as never);
    expect(await disclosures()).toBe(before + 2);
  });
});

describe('isolation', () => {
  it('refuses another municipality’s staff and changes nothing', async () => {
    const other = await world.staff('otherMunicipalityIntake');
    const [k] = await world.t.db.select().from(caseConsent).where(and(eq(caseConsent.caseId, caseId), sql`revoked_on is null`)).limit(1);
    expect(await codeOf(other.consent.list({ caseId }))).toBe('NOT_FOUND');
    expect(await codeOf(other.disclosure.list({ caseId }))).toBe('NOT_FOUND');
    // The other municipality's case worker may revoke by role, but finds no such consent.
    const otherCaseWorker = createCallerFactory(staffRouter)(contextFor(world.t.db, await sessionUser(world.t.db, world.otherTenant.users.caseWorker.id)));
    const revoke = { consentId: k!.id, expectedVersion: k!.version, revokedOn: '2026-02-01', revokedBy: 'person' as const, reason: 'Försök' };
    expect(await codeOf(otherCaseWorker.consent.revoke(revoke))).toBe('NOT_FOUND');
    expect(await codeOf(other.consent.revoke(revoke))).toBe('FORBIDDEN');
    expect(await codeOf(otherCaseWorker.disclosure.record({ caseId, organisationId: school, category: 'other', legalBasis: 'necessity', disclosedOn: '2026-02-01' } as never))).toBe('NOT_FOUND');
    const [after] = await world.t.db.select().from(caseConsent).where(eq(caseConsent.id, k!.id));
    expect(after!.revokedOn).toBeNull();
  });

  it('row-level security: partners read no consent or disclosure row; another municipality none either', async () => {
    const m = world.tenant.municipality.id;
    const asPartner = { municipalityId: m, organisationId: police, userId: world.tenant.users.police.id, role: 'police' };
    const asOther = { municipalityId: world.otherTenant.municipality.id, organisationId: null, userId: world.otherTenant.users.caseWorker.id, role: 'caseWorker' };
    const asStaff = { municipalityId: m, organisationId: null, userId: world.tenant.users.caseWorker.id, role: 'caseWorker' };
    for (const table of [caseConsent, disclosure]) {
      expect(await inTenantTransaction(world.t.db, asPartner, (tx) => tx.select().from(table))).toHaveLength(0);
      expect(await inTenantTransaction(world.t.db, asOther, (tx) => tx.select().from(table))).toHaveLength(0);
      expect((await inTenantTransaction(world.t.db, asStaff, (tx) => tx.select().from(table))).length).toBeGreaterThan(0);
    }
    // A partner cannot write a consent for itself.
    await expect(
      inTenantTransaction(world.t.db, asPartner, (tx) =>
        tx.insert(caseConsent).values({ municipalityId: m, caseId, organisationId: police, purposes: ['networkMeeting'], signedOn: '2026-01-01', startDate: '2026-01-01', recordedByUserId: world.tenant.users.police.id }),
      ),
    ).rejects.toThrow();
    // The disclosure log is append-only for the application.
    const changed = await inTenantTransaction(world.t.db, asStaff, (tx) => tx.update(disclosure).set({ note: 'ändrad' }).returning());
    expect(changed).toHaveLength(0);
  });
});
