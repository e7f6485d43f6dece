// The case lifecycle through the API (issue 6): need-to-know, masking, eligibility with its routing, decisions
// only by mandate and locked once signed, the journal's signing and corrections, conflicts that say what
// changed, closing and reopening with history, the SIG bridge, the age-band rule, and the commitment's follow-up.
import { TRPCError } from '@trpc/server';
import { auditEntry, caseDecision, journalEntry, person, supportCase } from '@utvag/db/schema';
import { createUnit, createUser } from '@utvag/db/testing';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/describe-error.ts';
import { createCase, createDecision, createEntry, delegateMandate } from './cases-setup.ts';
import { codeOf, contextFor, createWorld, sessionUser, type World } from './harness.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { staffRouter } from '../src/routers/staff.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

const caller = createCallerFactory(staffRouter);
async function callerOf(userId: string) {
  return caller(contextFor(world.t.db, await sessionUser(world.t.db, userId)));
}
async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, key: error.message, described: describeError(error, 'sv') };
    throw error;
  }
  throw new Error('expected a refusal');
}
const countOf = async (table: typeof journalEntry | typeof caseDecision | typeof auditEntry) =>
  (await world.t.db.select({ n: count() }).from(table))[0]!.n;

describe('access to a case', () => {
  it('lets staff of the case unit, people named on it and unit managers in, and keeps others out', async () => {
    const caseId = await createCase(world);
    const otherUnit = await createUnit(world.t.db, { municipalityId: world.tenant.municipality.id, kind: 'sigTeam' });
    const outsider = await createUser(world.t.db, { municipalityId: world.tenant.municipality.id, role: 'caseWorker', unitId: otherUnit.id });
    expect(await codeOf((await callerOf(outsider.id)).case.get({ caseId }))).toBe('FORBIDDEN');
    expect((await (await callerOf(outsider.id)).case.list({})).items.map((i) => i.id)).not.toContain(caseId);
    expect(await codeOf((await world.staff('caseWorker')).case.get({ caseId }))).toBe('ok');
    expect(await codeOf((await world.staff('unitManager')).case.get({ caseId }))).toBe('ok');

    // Named on the case: the outsider becomes the responsible case worker and gets in; intake steps back.
    const { version } = await (await world.staff('unitManager')).case.get({ caseId });
    await (await world.staff('intake')).case.assign({ caseId, expectedVersion: version, responsibleUserId: outsider.id });
    expect(await codeOf((await callerOf(outsider.id)).case.get({ caseId }))).toBe('ok');
    expect(await codeOf((await world.staff('intake')).case.get({ caseId }))).toBe('FORBIDDEN');
    expect((await (await callerOf(outsider.id)).case.list({ scope: 'mine' })).items.map((i) => i.id)).toEqual([caseId]);

    // The refusal is on record.
    const denied = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.userId, world.tenant.users.intake.id), eq(auditEntry.outcome, 'denied'), eq(auditEntry.recordType, 'case')));
    expect(denied.length).toBeGreaterThan(0);
  });

  it('refuses another municipality as not found, in the API and under row-level security', async () => {
    const caseId = await createCase(world);
    expect(await codeOf((await world.staff('otherMunicipalityIntake')).case.get({ caseId }))).toBe('NOT_FOUND');
    expect((await (await world.staff('otherMunicipalityIntake')).case.list({})).items.map((i) => i.id)).not.toContain(caseId);
  });

  it('masks a protected identity in the list and on the case, and audits both reads', async () => {
    const caseId = await createCase(world);
    const [kase] = await world.t.db.select().from(supportCase).where(eq(supportCase.id, caseId));
    await world.t.db.update(person).set({ protectedIdentity: true }).where(eq(person.id, kase!.personId));
    const manager = await world.staff('unitManager');
    const got = await manager.case.get({ caseId });
    expect(got.person).toMatchObject({ name: null, identityNumber: null, birthDate: null, protectedIdentity: true, ageAtStart: null });
    const listed = (await manager.case.list({})).items.find((i) => i.id === caseId);
    expect(listed?.person.name).toBeNull();
    expect(JSON.stringify(got)).not.toContain('Ärendesson');
    const reads = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.recordId, caseId), eq(auditEntry.action, 'case.read')));
    expect(reads[0]?.subjectIds).toEqual([kase!.personId]);
  });
});

describe('eligibility', () => {
  it('records changed criteria with who and when, and answers with the routing recommendation', async () => {
    const caseId = await createCase(world, { programme: 'adultExitProgramme', ageAtStart: 25 });
    const worker = await world.staff('caseWorker');
    const { version } = await worker.case.eligibility({ caseId });
    const met = (basis: string) => ({ state: 'met' as const, assessedOn: '2026-01-05', basis });
    const saved = await worker.eligibility.record({
      caseId,
      expectedVersion: version,
      criteria: {
        definitionFit: met('Bekräftat'),
        motivation: met('Två samtal'),
        consent: met('Skriftligt'),
        commitment: met('Undertecknat'),
        drugFree: met('Negativa prov'),
        notWitnessInPendingCase: met('Kontrollerat'),
        policeProtectionNeed: { state: 'unknown', assessedOn: '2026-01-05' },
      },
    });
    expect(saved.recorded).toBe(6);
    expect(saved.recommendation.route).toBe('requestPoliceAssessment');
    const after = await worker.case.eligibility({ caseId });
    expect(after.checklist.find((c) => c.code === 'motivation')).toMatchObject({ state: 'met', basis: 'Två samtal', recordedBy: expect.any(String) });
    expect(after.history).toHaveLength(6);
    // Saving the same again records nothing new.
    const again = await worker.eligibility.record({ caseId, expectedVersion: after.version, criteria: { motivation: met('Två samtal') } });
    expect(again.recorded).toBe(0);
  });

  it('refuses a judgement without basis, naming the field, and writes nothing', async () => {
    const caseId = await createCase(world);
    const worker = await world.staff('caseWorker');
    const { version } = await worker.case.eligibility({ caseId });
    const r = await refusal(worker.eligibility.record({ caseId, expectedVersion: version, criteria: { consent: { state: 'met', assessedOn: '2026-01-05' } } }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(Object.keys(r.described.fieldErrors ?? {})).toEqual(['criteria.consent.basis']);
    expect((await worker.case.eligibility({ caseId })).history).toHaveLength(0);
  });

  it('refuses a stale save with a message naming who changed what', async () => {
    const caseId = await createCase(world);
    const worker = await world.staff('caseWorker');
    const { version } = await worker.case.get({ caseId });
    await (await world.staff('unitManager')).case.updateDetails({ caseId, expectedVersion: version, ageBandReason: 'Särskilda skäl' });
    const r = await refusal(worker.eligibility.record({ caseId, expectedVersion: version, criteria: { consent: { state: 'met', assessedOn: '2026-01-05', basis: 'Ja' } } }));
    expect(r.code).toBe('CONFLICT');
    expect(r.key).toBe('cases.error.conflict');
    expect(r.described.message).toContain('skäl utanför åldersgruppen');
    expect(r.described.message).toContain((await world.user('unitManager')).name);
    expect((await worker.case.eligibility({ caseId })).history).toHaveLength(0);
  });
});

describe('decisions', () => {
  const complete = { outcome: 'granted' as const, grounds: 'Uppfyller kriterierna.', hasChildren: 'yes' as const, childImpact: 'Barnen bor med sin mamma; flytten påverkar umgänget.', interventions: 'Placering på annan ort\nSamtalsstöd' };

  it('goes from investigation to a signed, locked decision with the time from first contact', async () => {
    const caseId = await createCase(world, { firstContactAt: new Date(Date.now() - 3 * 86_400_000) });
    const worker = await world.staff('caseWorker');
    const draft = await worker.decision.save({ caseId, ...complete });
    const manager = await world.staff('unitManager');
    const signed = await manager.decision.sign({ decisionId: draft.id, expectedVersion: draft.version });
    expect(signed).toMatchObject({ stage: 'signed', outcome: 'granted', interventions: ['Placering på annan ort', 'Samtalsstöd'], daysFromFirstContact: 3 });
    expect((await worker.case.get({ caseId })).decisionClock).toEqual({ decided: true, days: 3 });

    // Locked: not through the API, and not even by SQL.
    const r = await refusal(worker.decision.save({ caseId, decisionId: draft.id, expectedVersion: signed.version, grounds: 'Ändrat' }));
    expect(r.key).toBe('cases.error.decisionSigned');
    await expect(world.t.db.update(caseDecision).set({ grounds: 'x' }).where(eq(caseDecision.id, draft.id))).rejects.toThrow();
  });

  it('refuses a signature without decision mandate, and a coordinator signs only with delegation', async () => {
    const caseId = await createCase(world);
    const draft = await (await world.staff('caseWorker')).decision.save({ caseId, ...complete });
    expect(await codeOf((await world.staff('caseWorker')).decision.sign({ decisionId: draft.id, expectedVersion: draft.version }))).toBe('FORBIDDEN');
    const coordinatorId = world.tenant.users.coordinator.id;
    await delegateMandate(world, coordinatorId, false);
    const r = await refusal((await world.staff('coordinator')).decision.sign({ decisionId: draft.id, expectedVersion: draft.version }));
    expect(r).toMatchObject({ code: 'FORBIDDEN', key: 'cases.error.noDecisionMandate' });
    const [still] = await world.t.db.select().from(caseDecision).where(eq(caseDecision.id, draft.id));
    expect(still?.stage).toBe('investigation');
    await delegateMandate(world, coordinatorId, true);
    expect((await (await world.staff('coordinator')).decision.sign({ decisionId: draft.id, expectedVersion: draft.version })).stage).toBe('signed');
  });

  it('refuses to sign an incomplete decision, naming what is missing (the child perspective included)', async () => {
    const caseId = await createCase(world);
    const draft = await (await world.staff('caseWorker')).decision.save({ caseId, outcome: 'granted', hasChildren: 'yes' });
    const r = await refusal((await world.staff('unitManager')).decision.sign({ decisionId: draft.id, expectedVersion: draft.version }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(Object.keys(r.described.fieldErrors ?? {}).sort()).toEqual(['childImpact', 'grounds']);
  });

  it('asks for the age-band reason before signing, but never blocks the case for age', async () => {
    const caseId = await createCase(world, { ageAtStart: 35 });
    const worker = await world.staff('caseWorker');
    expect((await worker.case.get({ caseId })).outsideAgeBand).toBe(true);
    const draft = await worker.decision.save({ caseId, ...complete });
    const manager = await world.staff('unitManager');
    const r = await refusal(manager.decision.sign({ decisionId: draft.id, expectedVersion: draft.version }));
    expect(r.key).toBe('cases.error.ageBandReasonMissing');
    const { version } = await worker.case.get({ caseId });
    await worker.case.updateDetails({ caseId, expectedVersion: version, ageBandReason: 'Äldre men i SIG:s nätverksarbete sedan tidigare.' });
    expect((await manager.decision.sign({ decisionId: draft.id, expectedVersion: draft.version })).stage).toBe('signed');
  });
});

describe('journal', () => {
  it('signs an entry, refuses to edit it, and amends it with a linked correction', async () => {
    const caseId = await createCase(world);
    const worker = await world.staff('caseWorker');
    const entry = await worker.journal.write({ caseId, body: 'Ringde och berättade om hotet.', oralSource: { at: '2026-01-05 10:15', from: 'Mamman' } });
    const signed = await worker.journal.sign({ entryId: entry.id, expectedVersion: entry.version });
    const r = await refusal(worker.journal.edit({ entryId: entry.id, expectedVersion: signed.version, body: 'Ändrat' }));
    expect(r.key).toBe('cases.error.entrySigned');
    await expect(world.t.db.update(journalEntry).set({ body: 'x' }).where(eq(journalEntry.id, entry.id))).rejects.toThrow();
    await expect(world.t.db.delete(journalEntry).where(eq(journalEntry.id, entry.id))).rejects.toThrow();

    const correction = await (await world.staff('coordinator')).journal.amend({ entryId: entry.id, body: 'Rättelse: det var pappan som ringde.', sign: true });
    const journal = await worker.case.journal({ caseId });
    const original = journal.entries.find((e) => e.id === entry.id)!;
    expect(original).toMatchObject({ body: 'Ringde och berättade om hotet.', correctedBy: [correction.id], oralSource: { from: 'Mamman' } });
    expect(journal.entries.find((e) => e.id === correction.id)).toMatchObject({ correctsEntryId: entry.id, signedAt: expect.any(String) });
  });

  it('lets only the author change or sign an unsigned entry', async () => {
    const caseId = await createCase(world);
    const entry = await createEntry(world, caseId);
    const r = await refusal((await world.staff('coordinator')).journal.sign({ entryId: entry.id, expectedVersion: entry.version }));
    expect(r).toMatchObject({ code: 'FORBIDDEN', key: 'cases.error.notAuthor' });
  });

  it('refuses oral information without its source, and writes nothing', async () => {
    const caseId = await createCase(world);
    const before = await countOf(journalEntry);
    const r = await refusal((await world.staff('caseWorker')).journal.write({ caseId, body: 'Muntligt', oralSource: { at: '2026-01-05 10:15' } }));
    expect(Object.keys(r.described.fieldErrors ?? {})).toEqual(['oralSource.from']);
    expect(await countOf(journalEntry)).toBe(before);
  });
});

describe('closing, reopening and the programme bridge', () => {
  it('passes a SIG case to the exit programme and keeps its history', async () => {
    const caseId = await createCase(world);
    const worker = await world.staff('caseWorker');
    await worker.journal.write({ caseId, body: 'Motiverad att lämna.', sign: true });
    const { version } = await worker.case.get({ caseId });
    await worker.case.changeProgramme({ caseId, expectedVersion: version, programme: 'adultExitProgramme', reason: 'Egen motivation; vill lämna.' });
    const got = await worker.case.get({ caseId });
    expect(got.programme).toBe('adultExitProgramme');
    const { items } = await worker.case.timeline({ caseId });
    expect(items.map((i) => i.key)).toEqual(expect.arrayContaining(['cases.timeline.event.programmeChanged', 'cases.timeline.journalWritten', 'cases.timeline.event.opened']));
    expect(items.find((i) => i.key === 'cases.timeline.event.programmeChanged')?.params).toMatchObject({ from: 'sig', to: 'adultExitProgramme' });
  });

  it('refuses to terminate without a reason and writes nothing; closes and reopens with history', async () => {
    const caseId = await createCase(world);
    const worker = await world.staff('caseWorker');
    const { version } = await worker.case.get({ caseId });
    const r = await refusal(worker.case.close({ caseId, expectedVersion: version, outcome: 'terminated' }));
    expect(Object.keys(r.described.fieldErrors ?? {})).toEqual(['terminationReason']);
    expect((await worker.case.get({ caseId })).status).toBe('open');

    await worker.case.close({ caseId, expectedVersion: version, outcome: 'terminated', terminationReason: 'relapse' });
    const closed = await worker.case.get({ caseId });
    expect(closed).toMatchObject({ status: 'closed', closing: { outcome: 'terminated', terminationReason: 'relapse' } });
    // A closed case takes no new decisions until it is reopened.
    expect((await refusal(worker.decision.save({ caseId }))).key).toBe('cases.error.caseClosed');
    expect(await codeOf(worker.case.reopen({ caseId, expectedVersion: closed.version, reason: 'Ny kontakt' }))).toBe('FORBIDDEN');
    await (await world.staff('coordinator')).case.reopen({ caseId, expectedVersion: closed.version, reason: 'Hör av sig igen och vill ha stöd.' });
    const reopened = await worker.case.get({ caseId });
    expect(reopened).toMatchObject({ status: 'reopened', closing: null, reopenedAt: expect.any(String) });
    const keys = (await worker.case.timeline({ caseId })).items.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['cases.timeline.event.closed', 'cases.timeline.event.reopened']));
  });
});

describe('commitment and follow-up', () => {
  it('opens a review task for the coordinator on a breach, which the coordinator completes', async () => {
    const caseId = await createCase(world, { coordinatorUserId: world.tenant.users.coordinator.id });
    const worker = await world.staff('caseWorker');
    await worker.commitment.record({ caseId, signedOn: '2026-01-02', conditions: 'Avstå från brott och droger; drogtest varje vecka.' });
    const negative = await worker.followUp.record({ caseId, kind: 'drugTest', occurredOn: '2026-01-09', result: 'negative' });
    expect(negative.taskId).toBeNull();
    const breach = await worker.followUp.record({ caseId, kind: 'breach', occurredOn: '2026-01-10', note: 'Setts med gruppen igen.' });
    expect(breach.taskId).toEqual(expect.any(String));
    const got = await worker.case.get({ caseId });
    expect(got.commitments).toHaveLength(1);
    expect(got.tasks).toEqual([expect.objectContaining({ kind: 'reviewBreach', assignedTo: (await world.user('coordinator')).name, doneAt: null })]);
    await (await world.staff('coordinator')).task.complete({ taskId: breach.taskId!, note: 'Samtal bokat.' });
    expect((await refusal((await world.staff('unitManager')).task.complete({ taskId: breach.taskId! }))).key).toBe('cases.error.taskDone');
  });

  it('refuses a drug test without a result', async () => {
    const caseId = await createCase(world);
    const r = await refusal((await world.staff('caseWorker')).followUp.record({ caseId, kind: 'drugTest', occurredOn: '2026-01-09' }));
    expect(Object.keys(r.described.fieldErrors ?? {})).toEqual(['result']);
  });
});

it('keeps the audit chain for every case write', async () => {
  const caseId = await createCase(world);
  await (await world.staff('caseWorker')).journal.write({ caseId, body: 'Anteckning' });
  const [row] = await world.t.db.execute<{ n: string }>(sql`select count(*) as n from audit_entry where record_id = ${caseId} and action = 'journal.write'`);
  expect(Number(row!.n)).toBe(1);
});
