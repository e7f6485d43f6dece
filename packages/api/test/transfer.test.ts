// Transfer to another municipality through the API (issue 6 item 9): the offer with consent and a summary limited
// to what the consent allows, refused to the own municipality; the receiving municipality sees the offer and its
// summary and nothing else of the sender, before and after acceptance; accepting moves the person (protection
// kept) into a new case that continues the history; the sender's case is closed as moved and read-only; declining
// needs a reason; withdrawing; conflicts by version; notifications and audit entries in both municipalities.
import { verifyAuditChain } from '@utvag/db';
import { auditEntry, caseTransfer, intervention, notification, person, supportCase } from '@utvag/db/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/describe-error.ts';
import { createCase, createDecision, createEntry } from './cases-setup.ts';
import { codeOf, createWorld, type World } from './harness.ts';
import { typeId } from './support-setup.ts';
import { offeredCase, staffOf } from './transfer-setup.ts';

let world: World;
let caseId: string;
let personId: string;
const journalSecret = 'Hemlig journaltext om var personen bor';

beforeAll(async () => {
  world = await createWorld();
  caseId = await createCase(world);
  const [c] = await world.t.db.select().from(supportCase).where(eq(supportCase.id, caseId));
  personId = c!.personId;
  await world.t.db.update(person).set({ protectedIdentity: true }).where(eq(person.id, personId));
  await world.t.db.update(supportCase).set({ ageAtStart: 22 }).where(eq(supportCase.id, caseId));
  const grant = await createDecision(world, caseId, { outcome: 'granted', stage: 'signed', signedAt: new Date(), signedByUserId: world.tenant.users.unitManager.id });
  await createDecision(world, caseId, { outcome: 'denied' });
  await world.t.db.insert(intervention).values({
    municipalityId: world.tenant.municipality.id, caseId, decisionId: grant.id, interventionTypeId: await typeId(world), startDate: '2026-01-01',
    costKind: 'perDay', priceOre: 100, vatHandling: 'none', vatRateBasisPoints: 0, createdByUserId: world.tenant.users.caseWorker.id,
  });
  await createEntry(world, caseId, { body: journalSecret, signedAt: new Date(), signedByUserId: world.tenant.users.caseWorker.id });
});
afterAll(() => world.t.drop());

async function refusal(work: Promise<unknown>) {
  try {
    await work;
    return null;
  } catch (e) {
    const err = e as { code: string };
    return { code: err.code, fields: describeError(err as never, 'sv').fieldErrors ?? {} };
  }
}

const offerInput = (over: Record<string, unknown> = {}) => ({
  caseId,
  toMunicipalityId: world.otherTenant.municipality.id,
  consentSignedOn: '2026-01-12',
  summary: 'Flyttar till ny ort i mars. Behöver stödboende.',
  ...over,
});
const transfers = async () => world.t.db.select().from(caseTransfer).where(eq(caseTransfer.caseId, caseId));

describe('offering', () => {
  it('refuses a transfer to the own municipality, naming the field, and writes nothing', async () => {
    const r = await refusal((await world.staff('caseWorker')).transfer.offer(offerInput({ toMunicipalityId: world.tenant.municipality.id })));
    expect(r?.code).toBe('BAD_REQUEST');
    expect(Object.keys(r!.fields)).toEqual(['toMunicipalityId']);
    expect(r!.fields.toMunicipalityId).toContain('egna kommunen');
    expect(await transfers()).toHaveLength(0);
  });

  it('requires the consent date and a summary', async () => {
    const r = await refusal((await world.staff('caseWorker')).transfer.offer(offerInput({ consentSignedOn: '', summary: '' })));
    expect(r?.code).toBe('BAD_REQUEST');
    expect(Object.keys(r!.fields).sort()).toEqual(['consentSignedOn', 'summary']);
    expect(await transfers()).toHaveLength(0);
  });

  it('refuses a municipality that does not exist', async () => {
    const r = await refusal((await world.staff('caseWorker')).transfer.offer(offerInput({ toMunicipalityId: crypto.randomUUID() })));
    expect(Object.keys(r!.fields)).toEqual(['toMunicipalityId']);
  });

  it('is refused to intake and field workers', async () => {
    expect(await codeOf((await world.staff('intake')).transfer.offer(offerInput()))).toBe('FORBIDDEN');
    expect(await codeOf((await world.staff('fieldWorker')).transfer.offer(offerInput()))).toBe('FORBIDDEN');
  });

  it('lists the other municipalities by name only, never the own', async () => {
    const view = await (await world.staff('caseWorker')).transfer.forCase({ caseId });
    expect(view.municipalities.map((m) => m.id)).toContain(world.otherTenant.municipality.id);
    expect(view.municipalities.map((m) => m.id)).not.toContain(world.tenant.municipality.id);
    expect(Object.keys(view.municipalities[0]!).sort()).toEqual(['id', 'name']);
    expect(view.mayOffer).toBe(true);
  });

  it('offers with the consent date and a summary limited to what the consent allows; a second offer is a conflict', async () => {
    const offered = await (await world.staff('caseWorker')).transfer.offer(offerInput());
    expect(offered.status).toBe('offered');
    const [row] = await transfers();
    expect(row!.consentSignedOn).toBe('2026-01-12');
    expect(row!.summary).toEqual({
      programme: 'sig',
      ageBand: '21-25',
      protectedIdentity: true,
      decisionOutcomes: ['granted'],
      interventionTypes: [expect.any(String)],
      text: 'Flyttar till ny ort i mars. Behöver stödboende.',
    });
    expect(await codeOf((await world.staff('coordinator')).transfer.offer(offerInput()))).toBe('CONFLICT');
    const view = await (await world.staff('caseWorker')).transfer.forCase({ caseId });
    expect(view.transfers.map((t) => t.status)).toEqual(['offered']);
    expect(view.mayOffer).toBe(false);
  });

  it('notifies the receiving municipality’s intake with the reference only', async () => {
    const [row] = await transfers();
    const notes = await world.t.db.select().from(notification).where(eq(notification.caseTransferId, row!.id));
    expect(notes.map((n) => n.recipientUserId)).toEqual([world.otherTenant.users.intake.id]);
    expect(notes[0]).toMatchObject({ kind: 'transferOffered', reference: row!.reference, referralId: null, municipalityId: world.otherTenant.municipality.id });
  });
});

describe('the receiving municipality before accepting', () => {
  it('sees the offer and its summary, nothing else of the sender', async () => {
    const intake = await world.staff('otherMunicipalityIntake');
    const list = await intake.transfer.listIncoming();
    expect(list.items).toHaveLength(1);
    const one = await intake.transfer.get({ transferId: list.items[0]!.id });
    expect(one.summary.protectedIdentity).toBe(true);
    expect(one.mayAnswer).toBe(true);
    const text = JSON.stringify([list, one]);
    for (const secret of [journalSecret, caseId, personId, world.tenant.users.caseWorker.id, world.tenant.users.caseWorker.email]) {
      expect(text).not.toContain(secret);
    }
    expect(await codeOf(intake.case.get({ caseId }))).toBe('NOT_FOUND');
    expect(await codeOf(intake.case.journal({ caseId }))).toBe('NOT_FOUND');
  });

  it('the sender does not see its own offer as incoming', async () => {
    const [row] = await transfers();
    const intake = await world.staff('intake');
    expect((await intake.transfer.listIncoming()).items).toHaveLength(0);
    expect(await codeOf(intake.transfer.get({ transferId: row!.id }))).toBe('NOT_FOUND');
    expect(await codeOf(intake.transfer.accept({ transferId: row!.id, expectedVersion: row!.version }))).toBe('NOT_FOUND');
  });

  it('is refused to the receiver’s case workers and field workers', async () => {
    const [row] = await transfers();
    for (const role of ['caseWorker', 'fieldWorker'] as const) {
      const caller = await staffOf(world, world.otherTenant, role);
      expect(await codeOf(caller.transfer.listIncoming())).toBe('FORBIDDEN');
      expect(await codeOf(caller.transfer.accept({ transferId: row!.id, expectedVersion: row!.version }))).toBe('FORBIDDEN');
    }
  });

  it('declining needs a reason; a stale version is a conflict; nothing changes', async () => {
    const [row] = await transfers();
    const intake = await world.staff('otherMunicipalityIntake');
    const r = await refusal(intake.transfer.decline({ transferId: row!.id, expectedVersion: row!.version, reason: ' ' }));
    expect(r?.code).toBe('BAD_REQUEST');
    expect(Object.keys(r!.fields)).toEqual(['reason']);
    expect(await codeOf(intake.transfer.accept({ transferId: row!.id, expectedVersion: row!.version + 5 }))).toBe('CONFLICT');
    expect((await transfers())[0]!.status).toBe('offered');
  });
});

describe('accepting', () => {
  let newCaseId: string;

  it('opens a new case in the receiving municipality with the person, the protection and the history', async () => {
    const [row] = await transfers();
    const intake = await world.staff('otherMunicipalityIntake');
    const accepted = await intake.transfer.accept({ transferId: row!.id, expectedVersion: row!.version });
    expect(accepted.status).toBe('accepted');
    newCaseId = accepted.newCaseId;
    const [created] = await world.t.db.select().from(supportCase).where(eq(supportCase.id, newCaseId));
    expect(created).toMatchObject({ municipalityId: world.otherTenant.municipality.id, transferredFromCaseId: caseId, status: 'open', programme: 'sig' });
    const [moved] = await world.t.db.select().from(person).where(eq(person.id, created!.personId));
    expect(moved).toMatchObject({ municipalityId: world.otherTenant.municipality.id, protectedIdentity: true });
    const view = await intake.case.get({ caseId: newCaseId });
    expect(view.person.protectedIdentity).toBe(true);
    expect(view.person.name).toBeNull();
    const timeline = await intake.case.timeline({ caseId: newCaseId });
    const keys = JSON.stringify(timeline);
    expect(keys).toContain('transfer.timeline.transferredIn');
    expect(keys).toContain('cases.timeline.event.opened');
    expect(keys).not.toContain(journalSecret);
  });

  it('the receiver still reads nothing of the sending case', async () => {
    const intake = await world.staff('otherMunicipalityIntake');
    expect(await codeOf(intake.case.get({ caseId }))).toBe('NOT_FOUND');
    expect(await codeOf(intake.case.timeline({ caseId }))).toBe('NOT_FOUND');
    expect(await codeOf(intake.case.journal({ caseId }))).toBe('NOT_FOUND');
    const one = await intake.transfer.get({ transferId: (await transfers())[0]!.id });
    expect(one.status).toBe('accepted');
    expect(one.newCaseId).toBe(newCaseId);
    expect(JSON.stringify(one)).not.toContain(caseId);
  });

  it('the sender reads its case, closed as moved, and can no longer write to it', async () => {
    const coordinator = await world.staff('coordinator');
    const view = await coordinator.case.get({ caseId });
    expect(view.status).toBe('closed');
    expect(view.closing).toMatchObject({ outcome: 'terminated', terminationReason: 'moved' });
    expect(JSON.stringify(await coordinator.case.journal({ caseId }))).toContain(journalSecret);
    const r = await refusal(coordinator.case.reopen({ caseId, expectedVersion: view.version, reason: 'Flyttade tillbaka' }));
    expect(r?.code).toBe('CONFLICT');
    expect(await codeOf(coordinator.journal.write({ caseId, body: 'Ny anteckning' } as never))).toBe('CONFLICT');
    expect(await codeOf(coordinator.transfer.offer(offerInput()))).toBe('CONFLICT');
    const forCase = await coordinator.transfer.forCase({ caseId });
    expect(forCase.movedAway).toBe(true);
    expect(forCase.transfers[0]!.status).toBe('accepted');
  });

  it('a second answer is a conflict naming the answer', async () => {
    const [row] = await transfers();
    const intake = await world.staff('otherMunicipalityIntake');
    const r = await refusal(intake.transfer.decline({ transferId: row!.id, expectedVersion: row!.version - 1, reason: 'För sent' }));
    expect(r?.code).toBe('CONFLICT');
    expect(await codeOf(intake.transfer.accept({ transferId: row!.id, expectedVersion: row!.version }))).toBe('CONFLICT');
  });

  it('is on record in both municipalities, and the audit chain holds', async () => {
    const entries = await world.t.db.select().from(auditEntry).where(eq(auditEntry.action, 'transfer.accept'));
    const by = Object.fromEntries(entries.map((e) => [e.municipalityId, e]));
    expect(by[world.tenant.municipality.id]).toMatchObject({ recordId: caseId, subjectIds: [personId], userId: world.otherTenant.users.intake.id });
    expect(by[world.otherTenant.municipality.id]).toMatchObject({ recordId: newCaseId, userId: world.otherTenant.users.intake.id });
    expect((await verifyAuditChain(world.t.db)).ok).toBe(true);
  });
});

describe('declining and withdrawing', () => {
  it('a declined offer shows its reason to the sender, and the case stays', async () => {
    const other = await createCase(world);
    const intake = await world.staff('otherMunicipalityIntake');
    const offered = await (await world.staff('caseWorker')).transfer.offer(offerInput({ caseId: other }));
    await (await staffOf(world, world.otherTenant, 'coordinator')).transfer.decline({ transferId: offered.id, expectedVersion: offered.version, reason: 'Personen bor inte här.' });
    const view = await (await world.staff('caseWorker')).transfer.forCase({ caseId: other });
    expect(view.transfers[0]).toMatchObject({ status: 'declined', declineReason: 'Personen bor inte här.' });
    expect(view.mayOffer).toBe(true);
    expect((await (await world.staff('caseWorker')).case.get({ caseId: other })).status).not.toBe('closed');
    expect(await codeOf(intake.transfer.accept({ transferId: offered.id, expectedVersion: offered.version + 1 }))).toBe('CONFLICT');
    const [entry] = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'transfer.decline'), eq(auditEntry.municipalityId, world.tenant.municipality.id)));
    expect(entry?.recordId).toBe(offered.id);
  });

  it('the sender withdraws an unanswered offer (a stale version is a conflict); it can no longer be accepted', async () => {
    const other = await createCase(world);
    const worker = await world.staff('caseWorker');
    const offered = await worker.transfer.offer(offerInput({ caseId: other }));
    expect(await codeOf(worker.transfer.withdraw({ transferId: offered.id, expectedVersion: offered.version + 1 }))).toBe('CONFLICT');
    expect(await codeOf((await world.staff('fieldWorker')).transfer.withdraw({ transferId: offered.id, expectedVersion: offered.version }))).toBe('FORBIDDEN');
    const withdrawn = await worker.transfer.withdraw({ transferId: offered.id, expectedVersion: offered.version });
    expect(withdrawn.status).toBe('withdrawn');
    const intake = await world.staff('otherMunicipalityIntake');
    expect(await codeOf(intake.transfer.accept({ transferId: offered.id, expectedVersion: withdrawn.version }))).toBe('CONFLICT');
    expect(await codeOf((await staffOf(world, world.otherTenant, 'caseWorker')).transfer.withdraw({ transferId: offered.id, expectedVersion: withdrawn.version }))).toBe('NOT_FOUND');
  });
});

describe('in the database', () => {
  it('an answered offer never changes, and an offer is never deleted', async () => {
    const { transferId } = await offeredCase(world, world.otherTenant, world.tenant);
    await expect(world.t.db.update(caseTransfer).set({ summary: { programme: 'sig', ageBand: null, protectedIdentity: false, decisionOutcomes: [], interventionTypes: [], text: 'x' } }).where(eq(caseTransfer.id, transferId))).rejects.toThrow();
    await expect(world.t.db.delete(caseTransfer).where(eq(caseTransfer.id, transferId))).rejects.toThrow();
    const [accepted] = await world.t.db.select().from(caseTransfer).where(eq(caseTransfer.status, 'accepted'));
    await expect(world.t.db.update(caseTransfer).set({ status: 'offered' }).where(eq(caseTransfer.id, accepted!.id))).rejects.toThrow();
  });
});
