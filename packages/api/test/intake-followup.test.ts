// Issue 5 after intake: the clock-stopping events, assignment with history, person matching, the partner's
// timeline and notifications — allowed and refused callers, bad input naming its field with nothing written,
// stale versions refused, every access audited.
import { TRPCError } from '@trpc/server';
import { createPerson, createReferral, createUser } from '@utvag/db/testing';
import { auditEntry, notification, person, referral, referralEvent, supportCase } from '@utvag/db/schema';
import { fictionalIdentityNumber } from '@utvag/domain';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallerFactory } from '../src/trpc.ts';
import { describeError } from '../src/describe-error.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { codeOf, contextFor, createWorld, referralInput, sessionUser, type World } from './harness.ts';
import { concernReportInput, staffIntakeInput } from './inputs.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

const eventCount = async () => (await world.t.db.select({ n: count() }).from(referralEvent))[0]!.n;
const fieldOf = async (work: Promise<unknown>) => {
  const error = (await work.catch((e) => e)) as TRPCError;
  expect(error).toBeInstanceOf(TRPCError);
  return { code: error.code, fields: Object.keys(describeError(error, 'sv').fieldErrors ?? {}) };
};

/** A concern report opened once by intake (under review), with the version to act on. */
async function openedConcernReport() {
  const receipt = await (await world.partner('schoolStaff')).concernReport.submit(concernReportInput());
  const full = await (await world.staff('intake')).referral.get({ id: receipt.id });
  return { id: receipt.id, version: full.version };
}

describe('clock events', () => {
  it('records the first contact, which meets the clock in the referral and the inbox, and is audited', async () => {
    const receipt = await (await world.partner('police')).referral.submit(referralInput());
    const intake = await world.staff('caseWorker');
    const { version } = await intake.referral.get({ id: receipt.id });
    const done = await intake.referral.recordClockEvent({ referralId: receipt.id, expectedVersion: version, event: 'firstContact' });
    expect(done.version).toBe(version + 1);
    const full = await intake.referral.get({ id: receipt.id });
    expect(full.clocks).toEqual([expect.objectContaining({ code: 'firstContact', state: 'met', metLate: false })]);
    expect(full.history).toEqual([expect.objectContaining({ kind: 'firstContact', actorName: world.tenant.users.caseWorker.name })]);
    const inbox = await intake.inbox.list({ limit: 100 });
    expect(inbox.items.find((i) => i.id === receipt.id)?.clocks[0]?.state).toBe('met');
    const [entry] = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.action, 'referral.recordClockEvent'), eq(auditEntry.recordId, receipt.id)));
    expect(entry?.subjectIds).toHaveLength(1);
  });

  it('records the protective assessment and the investigation decision of a concern report', async () => {
    const { id, version } = await openedConcernReport();
    const intake = await world.staff('intake');
    const a = await intake.referral.recordClockEvent({ referralId: id, expectedVersion: version, event: 'immediateSafetyAssessment' });
    await intake.referral.recordClockEvent({ referralId: id, expectedVersion: a.version, event: 'preliminaryAssessment', outcome: 'opened' });
    const full = await intake.referral.get({ id });
    expect(full.clocks.filter((c) => c.code !== 'firstContact').map((c) => c.state)).toEqual(['met', 'met']);
    expect(full.investigationOutcome).toBe('opened');
  });

  it('refuses a stale version, a second recording, and an event that does not apply, writing nothing', async () => {
    const receipt = await (await world.partner('police')).referral.submit(referralInput());
    const intake = await world.staff('intake');
    const { version } = await intake.referral.get({ id: receipt.id });
    const before = await eventCount();
    expect(await codeOf(intake.referral.recordClockEvent({ referralId: receipt.id, expectedVersion: version + 1, event: 'firstContact' }))).toBe('CONFLICT');
    expect(await codeOf(intake.referral.recordClockEvent({ referralId: receipt.id, expectedVersion: version, event: 'immediateSafetyAssessment' }))).toBe('CONFLICT');
    expect(await eventCount()).toBe(before);
    const v2 = (await intake.referral.recordClockEvent({ referralId: receipt.id, expectedVersion: version, event: 'firstContact' })).version;
    const again = await intake.referral.recordClockEvent({ referralId: receipt.id, expectedVersion: v2, event: 'firstContact' }).catch((e) => e);
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe('error.clockAlreadyRecorded');
  });

  it('needs a qualified social worker for the assessments of a child (§10)', async () => {
    const { id, version } = await openedConcernReport();
    const unqualified = await createUser(world.t.db, { municipalityId: world.tenant.municipality.id, role: 'caseWorker' });
    const caller = createCallerFactory(staffRouter)(contextFor(world.t.db, await sessionUser(world.t.db, unqualified.id)));
    const error = await caller.referral.recordClockEvent({ referralId: id, expectedVersion: version, event: 'immediateSafetyAssessment' }).catch((e) => e);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('error.qualifiedSocialWorkerRequired');
    // First contact needs no qualification.
    expect(await codeOf(caller.referral.recordClockEvent({ referralId: id, expectedVersion: version, event: 'firstContact' }))).toBe('ok');
  });

  it('refuses bad input naming the field: a future time, a time before receipt, a decision without its outcome', async () => {
    const { id, version } = await openedConcernReport();
    const intake = await world.staff('intake');
    const before = await eventCount();
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await fieldOf(intake.referral.recordClockEvent({ referralId: id, expectedVersion: version, event: 'firstContact', at: future }))).toEqual({ code: 'BAD_REQUEST', fields: ['at'] });
    expect(await fieldOf(intake.referral.recordClockEvent({ referralId: id, expectedVersion: version, event: 'firstContact', at: '2020-01-01 10:00' }))).toEqual({ code: 'BAD_REQUEST', fields: ['at'] });
    expect(await fieldOf(intake.referral.recordClockEvent({ referralId: id, expectedVersion: version, event: 'preliminaryAssessment' }))).toEqual({ code: 'BAD_REQUEST', fields: ['outcome'] });
    expect(await fieldOf(intake.referral.recordClockEvent({ referralId: id, expectedVersion: version, event: 'bogus' as never }))).toEqual({ code: 'BAD_REQUEST', fields: ['event'] });
    expect(await fieldOf(intake.referral.recordClockEvent({ referralId: id, expectedVersion: version, event: 'firstContact', delayReason: 'x\u0000' }))).toEqual({ code: 'BAD_REQUEST', fields: ['delayReason'] });
    expect(await eventCount()).toBe(before);
  });

  it('takes a decision after 14 days only with a recorded exceptional reason', async () => {
    const t = world.tenant;
    const receivedAt = new Date(Date.now() - 20 * 86_400_000);
    const r = await createReferral(world.t.db, {
      municipalityId: t.municipality.id, submittedByUserId: t.users.schoolStaff.id, sourceOrganisationId: t.organisations.school.id,
      kind: 'concernReport', receivedAt, childAtReceipt: true,
    });
    const intake = await world.staff('intake');
    const { version } = await intake.referral.get({ id: r.id });
    expect(await fieldOf(intake.referral.recordClockEvent({ referralId: r.id, expectedVersion: version, event: 'preliminaryAssessment', outcome: 'notOpened' }))).toEqual({ code: 'BAD_REQUEST', fields: ['delayReason'] });
    await intake.referral.recordClockEvent({ referralId: r.id, expectedVersion: version, event: 'preliminaryAssessment', outcome: 'notOpened', delayReason: 'Vårdnadshavarna gick inte att nå.' });
    const full = await intake.referral.get({ id: r.id });
    expect(full.clocks.find((c) => c.code === 'preliminaryAssessment')).toMatchObject({ state: 'met', metLate: true });
    expect(full.history.at(-1)).toMatchObject({ investigationOutcome: 'notOpened', note: 'Vårdnadshavarna gick inte att nå.' });
  });

  it('finds nothing in another municipality', async () => {
    const { id, version } = await openedConcernReport();
    expect(await codeOf((await world.staff('otherMunicipalityIntake')).referral.recordClockEvent({ referralId: id, expectedVersion: version, event: 'firstContact' }))).toBe('NOT_FOUND');
  });
});

describe('assignment', () => {
  it('assigns to a unit and a case worker with history, notifies the assignee, and filters the inbox', async () => {
    const receipt = await (await world.partner('police')).referral.submit(referralInput());
    const manager = await world.staff('unitManager');
    const { version } = await manager.referral.get({ id: receipt.id });
    const caseWorker = world.tenant.users.caseWorker;
    const done = await manager.referral.assign({ referralId: receipt.id, expectedVersion: version, userId: caseWorker.id });
    const full = await manager.referral.get({ id: receipt.id });
    // A case worker chosen alone brings their own unit.
    expect(full.assignment).toEqual({ unitId: world.tenant.intakeUnit.id, userId: caseWorker.id });
    expect(full.history.at(-1)).toMatchObject({ kind: 'assigned', fromUserName: null, toUserName: caseWorker.name, toUnitName: world.tenant.intakeUnit.name });
    const mine = await (await world.staff('caseWorker')).inbox.list({ limit: 100, assignee: 'me' });
    expect(mine.items.map((i) => i.id)).toContain(receipt.id);
    const byUnit = await manager.inbox.list({ limit: 100, unit: world.tenant.intakeUnit.id });
    expect(byUnit.items.map((i) => i.id)).toContain(receipt.id);
    const notes = await (await world.staff('caseWorker')).notification.list();
    expect(notes.items).toContainEqual(expect.objectContaining({ kind: 'assigned', referralId: receipt.id }));
    // Back to nobody: history keeps both steps.
    await manager.referral.assign({ referralId: receipt.id, expectedVersion: done.version });
    const after = await manager.referral.get({ id: receipt.id });
    expect(after.assignment).toEqual({ unitId: null, userId: null });
    expect(after.history.filter((e) => e.kind === 'assigned')).toHaveLength(2);
  });

  it('refuses another municipality’s unit or staff, a stale version and an unchanged assignment, writing nothing', async () => {
    const receipt = await (await world.partner('police')).referral.submit(referralInput());
    const intake = await world.staff('intake');
    const { version } = await intake.referral.get({ id: receipt.id });
    const before = await eventCount();
    expect(await fieldOf(intake.referral.assign({ referralId: receipt.id, expectedVersion: version, unitId: world.otherTenant.intakeUnit.id }))).toEqual({ code: 'BAD_REQUEST', fields: ['unitId'] });
    expect(await fieldOf(intake.referral.assign({ referralId: receipt.id, expectedVersion: version, userId: world.otherTenant.users.caseWorker.id }))).toEqual({ code: 'BAD_REQUEST', fields: ['userId'] });
    expect(await fieldOf(intake.referral.assign({ referralId: receipt.id, expectedVersion: version, userId: world.tenant.users.police.id }))).toEqual({ code: 'BAD_REQUEST', fields: ['userId'] });
    expect(await fieldOf(intake.referral.assign({ referralId: receipt.id, expectedVersion: version, unitId: 'nope' }))).toEqual({ code: 'BAD_REQUEST', fields: ['unitId'] });
    expect(await codeOf(intake.referral.assign({ referralId: receipt.id, expectedVersion: version + 5, unitId: world.tenant.intakeUnit.id }))).toBe('CONFLICT');
    expect(await codeOf(intake.referral.assign({ referralId: receipt.id, expectedVersion: version }))).toBe('CONFLICT');
    expect(await eventCount()).toBe(before);
  });
});

describe('person matching', () => {
  it('proposes a known person with the same date of birth and a similar name, and links the referral to them', async () => {
    const m = world.tenant.municipality.id;
    const known = await createPerson(world.t.db, { municipalityId: m, firstName: 'Åsa', lastName: 'Matchberg', birthDate: '2004-02-29', identityNumber: fictionalIdentityNumber('2004-02-29', 7) });
    const receipt = await (await world.staff('intake')).intake.register(
      staffIntakeInput({ person: { firstName: 'Asa', lastName: 'matchberg', birthDate: '2004-02-29' } }),
    );
    const intake = await world.staff('intake');
    const full = await intake.referral.get({ id: receipt.id });
    const { candidates } = await intake.referral.matches({ id: receipt.id });
    expect(candidates).toEqual([{ id: known.id, reason: 'birthDateAndName', person: expect.objectContaining({ name: 'Åsa Matchberg' }) }]);
    // The list masks the identity number.
    expect(candidates[0]!.person.identityNumber).not.toContain(known.identityNumber!.slice(8));
    const [search] = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'person.match'), eq(auditEntry.recordId, receipt.id)));
    expect(search?.subjectIds).toEqual(expect.arrayContaining([known.id]));
    const duplicateId = (await world.t.db.select({ p: referral.personId }).from(referral).where(eq(referral.id, receipt.id)))[0]!.p;
    await intake.referral.linkPerson({ referralId: receipt.id, expectedVersion: full.version, personId: known.id });
    const [linked] = await world.t.db.select({ p: referral.personId }).from(referral).where(eq(referral.id, receipt.id));
    expect(linked?.p).toBe(known.id);
    // The duplicate the intake registered is gone.
    expect(await world.t.db.select().from(person).where(eq(person.id, duplicateId))).toEqual([]);
    expect((await intake.referral.matches({ id: receipt.id })).candidates).toEqual([]);
  });

  it('refuses linking a person who is not a candidate, and a stale version', async () => {
    const receipt = await (await world.partner('police')).referral.submit(referralInput({ person: { firstName: 'Nils', lastName: 'Ensam', birthDate: '1999-09-09' } }));
    const intake = await world.staff('intake');
    const { version } = await intake.referral.get({ id: receipt.id });
    const stranger = await createPerson(world.t.db, { municipalityId: world.tenant.municipality.id });
    expect(await fieldOf(intake.referral.linkPerson({ referralId: receipt.id, expectedVersion: version, personId: stranger.id }))).toEqual({ code: 'BAD_REQUEST', fields: ['personId'] });
    expect(await codeOf(intake.referral.linkPerson({ referralId: receipt.id, expectedVersion: version + 1, personId: stranger.id }))).toBe('CONFLICT');
  });

  it('shows a protected identity only masked, and only to staff named on the person’s open case', async () => {
    const m = world.tenant.municipality.id;
    const hidden = await createPerson(world.t.db, { municipalityId: m, firstName: 'Dold', lastName: 'Skyddsson', birthDate: '2003-03-03', identityNumber: null, protectedIdentity: true });
    const receipt = await (await world.partner('police')).referral.submit(referralInput({ person: { firstName: 'Dold', lastName: 'Skyddsson', birthDate: '2003-03-03' } }));
    expect((await (await world.staff('intake')).referral.matches({ id: receipt.id })).candidates).toEqual([]);
    await world.t.db.insert(supportCase).values({ municipalityId: m, personId: hidden.id, programme: 'adultExitProgramme', responsibleUserId: world.tenant.users.coordinator.id });
    const { candidates } = await (await world.staff('coordinator')).referral.matches({ id: receipt.id });
    expect(candidates).toEqual([{ id: hidden.id, reason: 'birthDateAndName', person: { name: null, identityNumber: null, birthDate: null, protectedIdentity: true } }]);
  });
});

describe('the partner’s timeline and notifications', () => {
  it('shows the school received → under review → investigation opened, and never more; each step notifies', async () => {
    const school = await world.partner('schoolStaff');
    const receipt = await school.concernReport.submit(concernReportInput({ threatOrProtectionNeed: true }));
    // Urgent: every intake worker hears of it, by reference number only.
    const intakeNotes = await (await world.staff('intake')).notification.list();
    expect(intakeNotes.items).toContainEqual(expect.objectContaining({ kind: 'urgentReferral', reference: receipt.reference }));
    const intake = await world.staff('intake');
    const { version } = await intake.referral.get({ id: receipt.id });
    const v2 = (await intake.referral.assign({ referralId: receipt.id, expectedVersion: version, unitId: world.tenant.intakeUnit.id })).version;
    await intake.referral.recordClockEvent({ referralId: receipt.id, expectedVersion: v2, event: 'preliminaryAssessment', outcome: 'opened' });
    const seen = await school.submission.get({ id: receipt.id });
    expect(seen.timeline.map((e) => e.status)).toEqual(['received', 'underReview', 'investigation.opened']);
    expect(Object.keys(seen).sort()).toEqual(['feedback', 'id', 'kind', 'receivedAt', 'reference', 'submittedByName', 'timeline', 'updatedAt']);
    // Staff see exactly the same steps.
    expect((await intake.referral.get({ id: receipt.id })).partnerTimeline).toEqual(seen.timeline);
    const notes = await school.notification.list();
    expect(notes.items.filter((n) => n.referralId === receipt.id).map((n) => n.kind)).toEqual(['submissionStatusChanged', 'submissionStatusChanged']);
    expect(notes.unread).toBeGreaterThanOrEqual(2);
    await school.notification.markRead({});
    expect((await school.notification.unreadCount()).unread).toBe(0);
  });

  it('keeps notifications to their recipient: another user sees none of them', async () => {
    const school = await world.partner('schoolStaff');
    expect((await school.notification.list()).items.length).toBeGreaterThan(0);
    const other = await world.partner('otherSchool');
    expect((await other.notification.list()).items).toEqual([]);
    const [one] = (await school.notification.list()).items;
    await other.notification.markRead({ id: one!.id });
    const [row] = await world.t.db.select().from(notification).where(eq(notification.id, one!.id));
    expect(row?.recipientUserId).toBe(world.tenant.users.schoolStaff.id);
  });
});
