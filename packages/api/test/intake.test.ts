// Issue 5, one way in: every source's submission, staff-entered intake, drafts and the inbox over them all —
// allowed and refused roles, bad input naming its field with nothing written, idempotency, isolation.
import { TRPCError } from '@trpc/server';
import { createUser } from '@utvag/db/testing';
import { inTenantTransaction } from '@utvag/db';
import { person, referral, referralDraft } from '@utvag/db/schema';
import { compareInboxItems, fictionalIdentityNumber, inboxRank } from '@utvag/domain';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/describe-error.ts';
import { codeOf, contextFor, createWorld, referralInput, sessionUser, type World } from './harness.ts';
import { concernReportInput, probationInput, staffIntakeInput } from './inputs.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { partnerRouter } from '../src/routers/partner.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

const counts = async () => [
  (await world.t.db.select({ n: count() }).from(referral))[0]!.n,
  (await world.t.db.select({ n: count() }).from(person))[0]!.n,
];

async function inboxItem(id: string) {
  const intake = await world.staff('intake');
  for (let cursor: string | undefined, i = 0; i < 50; i++) {
    const page = await intake.inbox.list({ limit: 100, cursor });
    const found = page.items.find((item) => item.id === id);
    if (found || !page.nextCursor) return found;
    cursor = page.nextCursor;
  }
  return undefined;
}

describe('one form per source', () => {
  it('files a probation referral with its dates and the stated motivation', async () => {
    const receipt = await (await world.partner('probationOfficer')).probationReferral.submit(probationInput());
    expect(receipt.feedback).toBe('received');
    const full = await (await world.staff('intake')).referral.get({ id: receipt.id });
    expect(full.probation).toEqual({
      statedMotivation: expect.stringContaining('vill bort'),
      releaseDate: '2026-09-01',
      supervisionEndDate: '2027-03-01',
    });
    expect(full.source?.type).toBe('probationService');
    expect(full.clocks.map((c) => c.code)).toEqual(['firstContact']);
  });

  it('files a school concern report about a child, with the reporter and both clocks of the law', async () => {
    const receipt = await (await world.partner('schoolStaff')).concernReport.submit(concernReportInput());
    const item = await inboxItem(receipt.id);
    expect(item?.kind).toBe('concernReport');
    expect(item?.child).toBe(true);
    expect(item?.clocks.map((c) => c.code)).toEqual(['immediateSafetyAssessment', 'preliminaryAssessment', 'firstContact']);
    const full = await (await world.staff('intake')).referral.get({ id: receipt.id });
    expect(full.school).toMatchObject({ schoolName: 'Exempelskolan', schoolClass: '8B', guardiansInformed: 'yes' });
    expect(full.school?.guardians).toEqual([{ name: 'Vera Testberg', phone: '070-111 22 33' }]);
    expect(full.submittedByName).toBe(world.tenant.users.schoolStaff.name);
    expect(full.contact.email).toBe('kontakt@test.utvag.invalid');
  });

  it('registers a self-application taken by phone, with when and by whom it was written down', async () => {
    const input = staffIntakeInput();
    const receipt = await (await world.staff('caseWorker')).intake.register(input);
    expect(receipt.receivedAt).toBe(new Date(input.receivedAt).toISOString());
    const full = await (await world.staff('intake')).referral.get({ id: receipt.id });
    expect(full.kind).toBe('selfApplication');
    expect(full.source).toBeNull();
    expect(full.direct).toEqual({ channel: 'phone', applicant: 'self' });
    expect(full.submittedByName).toBe(world.tenant.users.caseWorker.name);
  });

  it('refuses a school filing a police referral and the police filing a concern report, writing nothing', async () => {
    const before = await counts();
    expect(await codeOf((await world.partner('schoolStaff')).referral.submit(referralInput()))).toBe('FORBIDDEN');
    expect(await codeOf((await world.partner('police')).concernReport.submit(concernReportInput()))).toBe('FORBIDDEN');
    expect(await codeOf((await world.partner('police')).probationReferral.submit(probationInput()))).toBe('FORBIDDEN');
    expect(await codeOf((await world.staff('administrator')).intake.register(staffIntakeInput()))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('bad input names the field and writes nothing', () => {
  const future = new Date(Date.now() + 86_400_000).toISOString();
  const good = fictionalIdentityNumber('1996-11-02', 3);
  const badCheckDigit = `${good.slice(0, 8)}-${good.slice(8, 11)}${(Number(good[11]) + 1) % 10}`;
  const cases: [string, 'probation' | 'concern' | 'intake', Record<string, unknown>, string][] = [
    ['supervision ending before release', 'probation', { releaseDate: '2026-09-01', supervisionEndDate: '2026-08-01' }, 'supervisionEndDate'],
    ['no stated motivation', 'probation', { statedMotivation: '  ' }, 'statedMotivation'],
    ['a release date that is no date', 'probation', { releaseDate: '2026-02-30' }, 'releaseDate'],
    ['an identity number failing its check digit', 'probation', { person: { firstName: 'A', lastName: 'B', identityNumber: badCheckDigit } }, 'person.identityNumber'],
    ['an adult in a concern report', 'concern', { child: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01' } }, 'child.birthDate'],
    ['an anonymous reporter', 'concern', { contact: { name: '', phone: '', email: '' } }, 'contact.name'],
    ['no answer about the guardians', 'concern', { guardiansInformed: undefined }, 'guardiansInformed'],
    ['a guardian with a phone but no name', 'concern', { guardian1: { name: '', phone: '070-111 22 33' } }, 'guardian1.name'],
    ['control characters in the observation', 'concern', { observation: 'Såg\u0007 något' }, 'observation'],
    ['an over-long observation', 'concern', { observation: 'x'.repeat(4001) }, 'observation'],
    ['a time in the future', 'intake', { receivedAt: future }, 'receivedAt'],
    ['a time that is no time', 'intake', { receivedAt: '2026-13-01 10:00' }, 'receivedAt'],
    ['an unknown channel', 'intake', { channel: 'pigeon' }, 'channel'],
    ["a guardian's call without the guardian's name", 'intake', { applicant: 'guardian', contact: { name: '', phone: '' } }, 'contact.name'],
  ];

  it.each(cases)('refuses %s', async (_name, form, override, field) => {
    const before = await counts();
    const call =
      form === 'probation'
        ? (await world.partner('probationOfficer')).probationReferral.submit(probationInput(override) as never)
        : form === 'concern'
          ? (await world.partner('schoolStaff')).concernReport.submit(concernReportInput(override) as never)
          : (await world.staff('intake')).intake.register(staffIntakeInput(override) as never);
    const error = (await call.catch((e) => e)) as TRPCError;
    expect(error).toBeInstanceOf(TRPCError);
    expect(error.code).toBe('BAD_REQUEST');
    const described = describeError(error, 'sv');
    expect(Object.keys(described.fieldErrors ?? {})).toContain(field);
    expect(described.fieldErrors?.[field]).not.toMatch(/^⟦/);
    expect(await counts()).toEqual(before);
  });
});

describe('idempotency', () => {
  it('answers a repeated submission with the first receipt, for every source', async () => {
    const school = await world.partner('schoolStaff');
    const report = concernReportInput();
    const first = await school.concernReport.submit(report);
    const before = await counts();
    expect(await school.concernReport.submit(report)).toEqual(first);
    const intake = await world.staff('intake');
    const call = staffIntakeInput();
    expect(await intake.intake.register(call)).toEqual(await intake.intake.register(call));
    expect((await counts())[0]).toBe(before[0]! + 1);
  });

  it('refuses the same key with a different body, writing nothing', async () => {
    const probation = await world.partner('probationOfficer');
    const input = probationInput();
    await probation.probationReferral.submit(input);
    const before = await counts();
    const error = (await probation.probationReferral.submit({ ...input, reason: 'Något annat' }).catch((e) => e)) as TRPCError;
    expect(error.code).toBe('CONFLICT');
    expect(describeError(error, 'sv').message).toMatch(/redan skickats/);
    expect(await counts()).toEqual(before);
  });
});

describe('drafts', () => {
  it('saves a draft, finds it again, and removes it when the same form is submitted', async () => {
    const school = await world.partner('schoolStaff');
    const input = concernReportInput();
    await school.draft.save({ idempotencyKey: input.idempotencyKey, source: 'school', values: { observation: 'Halvfärdig' } });
    await school.draft.save({ idempotencyKey: input.idempotencyKey, source: 'school', values: { observation: 'Nästan klar' } });
    expect((await school.draft.get({ idempotencyKey: input.idempotencyKey })).values).toEqual({ observation: 'Nästan klar' });
    expect((await school.draft.list()).items.map((d) => d.idempotencyKey)).toContain(input.idempotencyKey);
    // A draft is no submission: the organisation's list and the inbox do not show it.
    expect(JSON.stringify(await school.submission.list({ limit: 100 }))).not.toContain('Nästan klar');
    await school.concernReport.submit(input);
    expect(await codeOf(school.draft.get({ idempotencyKey: input.idempotencyKey }))).toBe('NOT_FOUND');
  });

  it('shows a draft to its author only, not to a colleague of the same organisation, nor through the database', async () => {
    const school = await world.partner('schoolStaff');
    const key = crypto.randomUUID();
    await school.draft.save({ idempotencyKey: key, source: 'school', values: { 'child.firstName': 'Hemlig' } });
    const colleague = await createUser(world.t.db, {
      municipalityId: world.tenant.municipality.id,
      role: 'schoolStaff',
      organisationId: world.tenant.organisations.school.id,
    });
    const colleagueCaller = createCallerFactory(partnerRouter)(contextFor(world.t.db, await sessionUser(world.t.db, colleague.id)));
    expect(await codeOf(colleagueCaller.draft.get({ idempotencyKey: key }))).toBe('NOT_FOUND');
    expect((await colleagueCaller.draft.list()).items).toEqual([]);
    const tenant = { municipalityId: colleague.municipalityId, organisationId: colleague.organisationId, userId: colleague.id, role: 'schoolStaff' };
    const seen = await inTenantTransaction(world.t.db, tenant, (tx) => tx.select().from(referralDraft));
    expect(seen).toEqual([]);
    const staff = { municipalityId: colleague.municipalityId, organisationId: null, userId: world.tenant.users.intake.id, role: 'intake' };
    expect(await inTenantTransaction(world.t.db, staff, (tx) => tx.execute(sql`select id from referral_draft`))).toHaveLength(0);
  });

  it("refuses a draft of another role's form and a draft moved to another form", async () => {
    const school = await world.partner('schoolStaff');
    expect(await codeOf(school.draft.save({ idempotencyKey: crypto.randomUUID(), source: 'police', values: {} }))).toBe('FORBIDDEN');
    expect(
      await codeOf(school.draft.save({ idempotencyKey: crypto.randomUUID(), source: 'school', values: { x: 'a\u0000b' } })),
    ).toBe('BAD_REQUEST');
    const before = (await world.t.db.select({ n: count() }).from(referralDraft))[0]!.n;
    const many = Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`f${i}`, 'x']));
    expect(await codeOf(school.draft.save({ idempotencyKey: crypto.randomUUID(), source: 'school', values: many }))).toBe('BAD_REQUEST');
    expect((await world.t.db.select({ n: count() }).from(referralDraft))[0]!.n).toBe(before);
  });
});

describe('the inbox over every source', () => {
  it('orders by protection need, child, then longest waiting, across keyset pages', async () => {
    await (await world.partner('police')).referral.submit(referralInput({ threatOrProtectionNeed: false, urgency: 'normal' }));
    await (await world.partner('police')).referral.submit(referralInput({ threatOrProtectionNeed: true }));
    await (await world.partner('schoolStaff')).concernReport.submit(concernReportInput({ suspectedViolenceAtHome: true }));
    const intake = await world.staff('intake');
    const seen: { rank: number; receivedAt: Date; id: string }[] = [];
    for (let cursor: string | undefined, i = 0; i < 100; i++) {
      const page = await intake.inbox.list({ limit: 3, cursor });
      seen.push(...page.items.map((x) => ({ rank: inboxRank({ protectionNeed: x.protectionNeed, child: x.child }), receivedAt: new Date(x.receivedAt), id: x.id })));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect([...seen].sort(compareInboxItems)).toEqual(seen);
    expect(seen[0]!.rank).toBe(0); // the concern report with suspected violence at home
    expect(seen.some((s) => s.rank === 3)).toBe(true);
  });

  it('filters by source, status and assignee', async () => {
    const intake = await world.staff('intake');
    const schools = await intake.inbox.list({ limit: 100, source: 'school' });
    expect(schools.items.length).toBeGreaterThan(0);
    expect(schools.items.every((i) => i.kind === 'concernReport')).toBe(true);
    const direct = await intake.inbox.list({ limit: 100, source: 'direct' });
    expect(direct.items.every((i) => i.kind === 'selfApplication' && i.source === null)).toBe(true);
    const opened = (await intake.inbox.list({ limit: 1 })).items[0]!;
    await intake.referral.get({ id: opened.id });
    const underReview = await intake.inbox.list({ limit: 100, status: 'underReview' });
    expect(underReview.items.map((i) => i.id)).toContain(opened.id);
    expect(underReview.items.every((i) => i.status === 'underReview')).toBe(true);
    expect((await intake.inbox.list({ limit: 100, assignee: 'me' })).items).toEqual([]);
    const [row] = await world.t.db.select().from(referral).where(eq(referral.id, opened.id));
    await world.t.db.update(referral).set({ assignedUserId: world.tenant.users.intake.id }).where(eq(referral.id, row!.id));
    expect((await intake.inbox.list({ limit: 100, assignee: 'me' })).items.map((i) => i.id)).toEqual([opened.id]);
    expect((await intake.inbox.list({ limit: 100, assignee: 'unassigned' })).items.map((i) => i.id)).not.toContain(opened.id);
    expect(await codeOf(intake.inbox.list({ limit: 5, source: 'carrierPigeon' as never }))).toBe('BAD_REQUEST');
  });

  it('never shows one municipality’s items to another, nor a school’s report to another school', async () => {
    const receipt = await (await world.partner('schoolStaff')).concernReport.submit(concernReportInput());
    const stranger = await world.staff('otherMunicipalityIntake');
    expect((await stranger.inbox.list({ limit: 100 })).items.map((i) => i.id)).not.toContain(receipt.id);
    const otherSchool = await world.partner('otherSchool');
    expect(await codeOf(otherSchool.submission.get({ id: receipt.id }))).toBe('NOT_FOUND');
    expect((await (await world.partner('schoolStaff')).submission.get({ id: receipt.id })).kind).toBe('concernReport');
  });
});
