// Police assessment requests through the API (issue 6 item 3): who may ask, withdraw, read and answer; bad input
// naming the field; another police organisation and another municipality refused with nothing written; answering
// twice; a double submit; what the police see of the person; notifications; expiry and renewal; eligibility.
import { calendarDateInSweden, latestValidUntil, type Role } from '@utvag/domain';
import { auditEntry, notification, person, policeAssessment, policeAssessmentRequest, supportCase } from '@utvag/db/schema';
import { createOrganisation, createUser } from '@utvag/db/testing';
import { addDays } from '@utvag/domain';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/describe-error.ts';
import { partnerRouter } from '../src/routers/partner.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { createCase } from './cases-setup.ts';
import { codeOf, contextFor, createWorld, sessionUser, type World } from './harness.ts';

let world: World;
let caseId: string;
let police: string;
const partnerCaller = createCallerFactory(partnerRouter);
let otherPolice: ReturnType<typeof partnerCaller>;
const today = () => calendarDateInSweden(new Date());

beforeAll(async () => {
  world = await createWorld();
  caseId = await createCase(world);
  await world.t.db.update(supportCase).set({ responsibleUserId: world.tenant.users.caseWorker.id }).where(eq(supportCase.id, caseId));
  police = world.tenant.organisations.police.id;
  // A second police organisation of the same municipality, with a user of its own.
  const org = await createOrganisation(world.t.db, { municipalityId: world.tenant.municipality.id, type: 'police', name: 'Polisen, annat område' });
  const u = await createUser(world.t.db, { municipalityId: world.tenant.municipality.id, role: 'police', organisationId: org.id });
  otherPolice = partnerCaller(contextFor(world.t.db, await sessionUser(world.t.db, u.id)));
});
afterAll(() => world.t.drop());

const requestInput = (over: Record<string, unknown> = {}) => ({ caseId, organisationId: police, question: 'Finns en hotbild mot personen?', legalBasis: 'necessity' as const, ...over });
const answerInput = (requestId: string, over: Record<string, unknown> = {}) => ({
  requestId,
  idempotencyKey: crypto.randomUUID(),
  protectionNeed: 'concrete' as const,
  threatSummary: 'Hot från den tidigare grupperingen.',
  validUntil: addDays(today(), 60),
  ...over,
});
const rows = async (table: typeof policeAssessmentRequest | typeof policeAssessment) => (await world.t.db.select({ n: count() }).from(table))[0]!.n;
async function refusal(work: Promise<unknown>) {
  try {
    await work;
    return null;
  } catch (e) {
    const err = e as { code: string };
    return { code: err.code, fields: Object.keys(describeError(err, 'sv').fieldErrors ?? {}) };
  }
}

describe('asking the police', () => {
  it.each<[Role, string]>([
    ['caseWorker', 'ok'],
    ['coordinator', 'ok'],
    ['unitManager', 'ok'],
    ['fieldWorker', 'FORBIDDEN'],
    ['intake', 'FORBIDDEN'],
    ['administrator', 'FORBIDDEN'],
  ])('request as %s: %s', async (role, expected) => {
    expect(await codeOf(async () => (await world.staff(role)).policeAssessment.request(requestInput()))).toBe(expected);
  });

  it('lists requests to all case staff, and to no partner through the staff router', async () => {
    for (const role of ['caseWorker', 'coordinator', 'fieldWorker', 'unitManager'] as const) {
      expect(await codeOf(async () => (await world.staff(role)).policeAssessment.list({ caseId }))).toBe('ok');
    }
    // Intake has a need to know only until a case worker is named (this case has one).
    expect(await codeOf(async () => (await world.staff('intake')).policeAssessment.list({ caseId }))).toBe('FORBIDDEN');
    expect(await codeOf(async () => (await world.staff('administrator')).policeAssessment.list({ caseId }))).toBe('FORBIDDEN');
    expect(await codeOf(async () => (await world.staff('otherMunicipalityIntake')).policeAssessment.list({ caseId }))).toBe('NOT_FOUND');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const staff = await world.staff('caseWorker');
    const before = await rows(policeAssessmentRequest);
    const cases: [Record<string, unknown>, string][] = [
      [{ question: '  ' }, 'question'],
      [{ legalBasis: 'curiosity' }, 'legalBasis'],
      [{ organisationId: 'nope' }, 'organisationId'],
      // A school is not a police organisation; another municipality's police is not of ours.
      [{ organisationId: world.tenant.organisations.school.id }, 'organisationId'],
      [{ organisationId: world.otherTenant.organisations.police.id }, 'organisationId'],
      [{ previousRequestId: crypto.randomUUID() }, 'previousRequestId'],
      // The person has given no consent that covers the police, and is over 21 (born 2004).
      [{ legalBasis: 'consent' }, 'legalBasis'],
      [{ legalBasis: 'crimePreventionUnder21' }, 'legalBasis'],
    ];
    for (const [over, field] of cases) {
      expect(await refusal(staff.policeAssessment.request(requestInput(over) as never))).toEqual({ code: 'BAD_REQUEST', fields: [field] });
    }
    expect(await rows(policeAssessmentRequest)).toBe(before);
  });

  it('logs the request in the case’s disclosure log with its legal basis', async () => {
    const { id } = await (await world.staff('coordinator')).policeAssessment.request(requestInput({ question: 'Loggas utlämnandet?' }));
    expect(id).toBeTruthy();
    const log = await (await world.staff('caseWorker')).disclosure.list({ caseId });
    expect(log.items).toEqual(expect.arrayContaining([expect.objectContaining({ organisationId: police, category: 'personalDetails', legalBasis: 'necessity' })]));
  });

  it('is refused for another municipality’s staff, with nothing written', async () => {
    const before = await rows(policeAssessmentRequest);
    expect(await codeOf(async () => (await world.staff('otherMunicipalityIntake')).policeAssessment.request(requestInput()))).toBe('FORBIDDEN');
    expect(await rows(policeAssessmentRequest)).toBe(before);
  });

  it('notifies the police organisation’s users, audits, and shows the police only the minimum', async () => {
    const { id } = await (await world.staff('caseWorker')).policeAssessment.request(requestInput());
    const notes = await world.t.db.select().from(notification).where(eq(notification.linkPath, `/bedomningar/${id}`));
    expect(notes.map((n) => n.recipientUserId)).toContain(world.tenant.users.police.id);
    expect(notes.every((n) => n.kind === 'assessmentRequested')).toBe(true);
    const audit = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'policeAssessment.request'), eq(auditEntry.recordId, caseId)));
    expect(audit.length).toBeGreaterThan(0);
    const seen = await (await world.partner('police')).assessmentRequest.get({ id });
    expect(seen.subject).toEqual({ protectedIdentity: false, name: 'Cilla Ärendesson', identityNumber: null });
    expect(seen.question).toBe('Finns en hotbild mot personen?');
    expect(Object.keys(seen)).not.toContain('caseId');
    expect(JSON.stringify(seen)).not.toContain(caseId);
  });

  it('keeps a protected identity masked for the police: the reference only', async () => {
    const protectedCase = await createCase(world);
    const [c] = await world.t.db.select().from(supportCase).where(eq(supportCase.id, protectedCase));
    await world.t.db.update(person).set({ protectedIdentity: true }).where(eq(person.id, c!.personId));
    const { id } = await (await world.staff('caseWorker')).policeAssessment.request(requestInput({ caseId: protectedCase }));
    const seen = await (await world.partner('police')).assessmentRequest.get({ id });
    expect(seen.subject).toEqual({ protectedIdentity: true, name: null, identityNumber: null });
    expect(JSON.stringify(seen)).not.toContain('Ärendesson');
    const [stored] = await world.t.db.select().from(policeAssessmentRequest).where(eq(policeAssessmentRequest.id, id));
    expect(stored).toMatchObject({ subjectName: null, subjectIdentityNumber: null, subjectProtected: true });
  });
});

describe('the police answer', () => {
  it('only the police, only their own organisation’s requests', async () => {
    const { id } = await (await world.staff('caseWorker')).policeAssessment.request(requestInput());
    for (const role of ['probationOfficer', 'schoolStaff'] as const) {
      expect(await codeOf(async () => (await world.partner(role)).assessmentRequest.list())).toBe('FORBIDDEN');
      expect(await codeOf(async () => (await world.partner(role)).assessmentRequest.get({ id }))).toBe('FORBIDDEN');
      expect(await codeOf(async () => (await world.partner(role)).assessmentRequest.answer(answerInput(id)))).toBe('FORBIDDEN');
    }
    // Another police organisation of the municipality: not in its list, not readable, its answer refused, nothing written.
    expect((await otherPolice.assessmentRequest.list()).items.find((r) => r.id === id)).toBeUndefined();
    expect(await codeOf(otherPolice.assessmentRequest.get({ id }))).toBe('NOT_FOUND');
    const before = await rows(policeAssessment);
    expect(await codeOf(otherPolice.assessmentRequest.answer(answerInput(id)))).toBe('NOT_FOUND');
    expect(await rows(policeAssessment)).toBe(before);
    const denied = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'assessmentRequest.answer'), eq(auditEntry.outcome, 'denied')));
    expect(denied.length).toBeGreaterThan(0);
    // Another municipality's police.
    const foreign = partnerCaller(contextFor(world.t.db, await sessionUser(world.t.db, world.otherTenant.users.police.id)));
    expect(await codeOf(foreign.assessmentRequest.get({ id }))).toBe('NOT_FOUND');
    expect(await codeOf(foreign.assessmentRequest.answer(answerInput(id)))).toBe('NOT_FOUND');
    expect(await rows(policeAssessment)).toBe(before);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { id } = await (await world.staff('caseWorker')).policeAssessment.request(requestInput());
    const p = await world.partner('police');
    const before = await rows(policeAssessment);
    const cases: [Record<string, unknown>, string][] = [
      [{ protectionNeed: 'enormous' }, 'protectionNeed'],
      [{ threatSummary: '' }, 'threatSummary'],
      [{ threatSummary: 'x'.repeat(1001) }, 'threatSummary'],
      [{ validUntil: today() }, 'validUntil'],
      [{ validUntil: addDays(latestValidUntil(today()), 1) }, 'validUntil'],
      [{ validUntil: 'snart' }, 'validUntil'],
      [{ idempotencyKey: 'x' }, 'idempotencyKey'],
    ];
    for (const [over, field] of cases) {
      expect(await refusal(p.assessmentRequest.answer(answerInput(id, over) as never))).toEqual({ code: 'BAD_REQUEST', fields: [field] });
    }
    expect(await rows(policeAssessment)).toBe(before);
  });

  it('answers once: a double submit gives one answer, a second answer is a CONFLICT; the case worker is told', async () => {
    const { id } = await (await world.staff('coordinator')).policeAssessment.request(requestInput());
    const p = await world.partner('police');
    const input = answerInput(id);
    const [a, b] = await Promise.all([p.assessmentRequest.answer(input), p.assessmentRequest.answer(input)]);
    expect(a.id).toBe(b.id);
    expect((await world.t.db.select({ n: count() }).from(policeAssessment).where(eq(policeAssessment.requestId, id)))[0]!.n).toBe(1);
    expect(await codeOf(p.assessmentRequest.answer(answerInput(id)))).toBe('CONFLICT');
    const notes = await world.t.db.select().from(notification).where(and(eq(notification.kind, 'assessmentAnswered'), eq(notification.linkPath, `/arenden/${caseId}/hotbedomning`)));
    expect(notes.map((n) => n.recipientUserId)).toContain(world.tenant.users.caseWorker.id);
    const audit = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'assessmentRequest.answer'), eq(auditEntry.recordId, id)));
    expect(audit.length).toBeGreaterThan(0);
    // Staff on the case see the answer; the police see their own.
    const list = await (await world.staff('fieldWorker')).policeAssessment.list({ caseId });
    const shown = list.requests.find((r) => r.id === id)!;
    expect(shown).toMatchObject({ status: 'answered', answer: { protectionNeed: 'concrete', validity: 'valid' } });
    expect((await p.assessmentRequest.get({ id })).answer?.threatSummary).toBe('Hot från den tidigare grupperingen.');
    // An answered request cannot be withdrawn.
    expect(await codeOf(async () => (await world.staff('caseWorker')).policeAssessment.withdraw({ requestId: id, expectedVersion: shown.version }))).toBe('CONFLICT');
  });

  it('a staff member on no need-to-know cannot read the answer', async () => {
    const elsewhere = await createCase(world);
    await world.t.db.update(supportCase).set({ unitId: null, responsibleUserId: world.tenant.users.unitManager.id }).where(eq(supportCase.id, elsewhere));
    expect(await codeOf(async () => (await world.staff('caseWorker')).policeAssessment.list({ caseId: elsewhere }))).toBe('FORBIDDEN');
  });
});

describe('withdrawing', () => {
  it('withdraws an unanswered request at the version read; a stale version or a second withdrawal is a CONFLICT', async () => {
    const staff = await world.staff('caseWorker');
    const { id } = await staff.policeAssessment.request(requestInput());
    expect(await codeOf(async () => (await world.staff('fieldWorker')).policeAssessment.withdraw({ requestId: id, expectedVersion: 1 }))).toBe('FORBIDDEN');
    expect(await codeOf(staff.policeAssessment.withdraw({ requestId: id, expectedVersion: 7 }))).toBe('CONFLICT');
    await staff.policeAssessment.withdraw({ requestId: id, expectedVersion: 1 });
    expect(await codeOf(staff.policeAssessment.withdraw({ requestId: id, expectedVersion: 2 }))).toBe('CONFLICT');
    expect(await codeOf(async () => (await world.partner('police')).assessmentRequest.answer(answerInput(id)))).toBe('CONFLICT');
    const list = await staff.policeAssessment.list({ caseId });
    expect(list.requests.find((r) => r.id === id)?.status).toBe('withdrawn');
  });
});

describe('expiry, renewal and eligibility', () => {
  it('shows an expired answer as expired, renews it with a linked request, and eligibility shows the latest valid one', async () => {
    const fresh = await createCase(world);
    const staff = await world.staff('caseWorker');
    const p = await world.partner('police');
    const { id: first } = await staff.policeAssessment.request(requestInput({ caseId: fresh }));
    await p.assessmentRequest.answer(answerInput(first, { protectionNeed: 'latent', validUntil: addDays(today(), 10) }));
    let list = await staff.policeAssessment.list({ caseId: fresh });
    expect(list.requests[0]!.answer?.validity).toBe('renewSoon');
    expect((await staff.case.eligibility({ caseId: fresh })).policeAssessment).toMatchObject({ protectionNeed: 'latent' });
    // Time passes: the answer's last day was yesterday.
    await world.t.db.update(policeAssessment).set({ validUntil: addDays(today(), -1) }).where(eq(policeAssessment.requestId, first));
    list = await staff.policeAssessment.list({ caseId: fresh });
    expect(list.requests[0]).toMatchObject({ status: 'expired', answer: { validity: 'expired' } });
    expect(list.latestValid).toBeNull();
    expect((await staff.case.eligibility({ caseId: fresh })).policeAssessment).toBeNull();
    // A renewal names the previous request; a previous request of another case is refused.
    expect(await refusal(staff.policeAssessment.request(requestInput({ previousRequestId: first })))).toEqual({ code: 'BAD_REQUEST', fields: ['previousRequestId'] });
    const { id: renewal } = await staff.policeAssessment.request(requestInput({ caseId: fresh, previousRequestId: first }));
    await p.assessmentRequest.answer(answerInput(renewal, { protectionNeed: 'concrete' }));
    list = await staff.policeAssessment.list({ caseId: fresh });
    expect(list.requests[0]).toMatchObject({ id: renewal, previousRequestId: first, status: 'answered' });
    expect(list.latestValid).toMatchObject({ protectionNeed: 'concrete' });
    const timeline = await staff.case.timeline({ caseId: fresh });
    expect(timeline.items.filter((i) => i.key === 'cases.timeline.event.policeAssessmentAnswered')).toHaveLength(2);
  });
});

describe('row-level security', () => {
  it('lets a partner read only requests addressed to its organisation, and write nothing else on them', async () => {
    const { id } = await (await world.staff('caseWorker')).policeAssessment.request(requestInput());
    const { inTenantTransaction } = await import('@utvag/db');
    const asPartner = (userId: string, organisationId: string) => ({ municipalityId: world.tenant.municipality.id, organisationId, userId, role: 'police' as const });
    const mine = await inTenantTransaction(world.t.db, asPartner(world.tenant.users.police.id, police), (tx) =>
      tx.select().from(policeAssessmentRequest).where(eq(policeAssessmentRequest.id, id)),
    );
    expect(mine).toHaveLength(1);
    const other = await createOrganisation(world.t.db, { municipalityId: world.tenant.municipality.id, type: 'police', name: 'Polisen, tredje' });
    const theirs = await inTenantTransaction(world.t.db, asPartner(world.tenant.users.police.id, other.id), (tx) =>
      tx.select().from(policeAssessmentRequest).where(eq(policeAssessmentRequest.id, id)),
    );
    expect(theirs).toHaveLength(0);
    // The police may only mark a request answered: changing its question is refused by the trigger.
    await expect(
      inTenantTransaction(world.t.db, asPartner(world.tenant.users.police.id, police), (tx) =>
        tx.update(policeAssessmentRequest).set({ question: 'Ändrad' }).where(eq(policeAssessmentRequest.id, id)),
      ),
    ).rejects.toThrow();
  });
});
