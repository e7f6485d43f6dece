// The walking skeleton's slice through the API: a police referral, the staff inbox, triage, and the
// partner's feedback — with tenant and organisation isolation, bad input, idempotency and conflicts.
import { TRPCError } from '@trpc/server';
import { auditEntry, referral, person, supportCase } from '@utvag/db/schema';
import { count, eq } from 'drizzle-orm';
import { fictionalIdentityNumber } from '@utvag/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createWorld, referralInput, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

const rows = async (table: typeof referral | typeof person | typeof auditEntry) =>
  (await world.t.db.select({ n: count() }).from(table))[0]!.n;

describe('the slice, end to end', () => {
  it('goes from a police referral through triage to the feedback the police see', async () => {
    const police = await world.partner('police');
    const receipt = await police.referral.submit(referralInput());
    expect(receipt.reference).toMatch(/^UTV-\d{4}-\d{6}$/);
    expect(receipt.feedback).toBe('received');

    const intake = await world.staff('intake');
    const inbox = await intake.inbox.list({ limit: 50 });
    const item = inbox.items.find((i) => i.id === receipt.id);
    expect(item?.person.name).toBe('Alva Påhittad');
    expect(item?.person.identityNumber).toMatch(/^20080517-XXXX$/);
    expect(item?.threatOrProtectionNeed).toBe(true);

    const opened = await intake.referral.get({ id: receipt.id });
    expect(opened.status).toBe('underReview');
    expect((await police.submission.get({ id: receipt.id })).feedback).toBe('underReview');

    const decided = await intake.referral.triage({
      referralId: receipt.id,
      decision: 'openCase',
      programme: 'adultExitProgramme',
      expectedVersion: opened.version,
    });
    expect(decided.status).toBe('caseOpened');
    expect(decided.caseId).toEqual(expect.any(String));
    const [kase] = await world.t.db.select().from(supportCase).where(eq(supportCase.referralId, receipt.id));
    expect(kase?.programme).toBe('adultExitProgramme');

    const seen = await police.submission.get({ id: receipt.id });
    expect(seen.feedback).toBe('acceptedForSupport');
    // The partner's view carries status only: no person, no programme, no reason.
    expect(Object.keys(seen).sort()).toEqual(['feedback', 'id', 'kind', 'receivedAt', 'reference', 'submittedByName', 'timeline', 'updatedAt']);
    expect(seen.timeline.map((e) => e.status)).toEqual(['received', 'underReview', 'acceptedForSupport']);
    expect(JSON.stringify(await police.submission.list({ limit: 50 }))).not.toContain('Påhittad');
  });

  it('refuses a second decision made on a stale version, and a decision on a decided referral', async () => {
    const receipt = await (await world.partner('police')).referral.submit(referralInput());
    const intake = await world.staff('intake');
    const manager = await world.staff('unitManager');
    const { version } = await intake.referral.get({ id: receipt.id });
    await intake.referral.triage({ referralId: receipt.id, decision: 'passToSig', expectedVersion: version });
    expect(
      await codeOf(manager.referral.triage({ referralId: receipt.id, decision: 'notForUs', reason: 'Dubblett', expectedVersion: version })),
    ).toBe('CONFLICT');
    const current = await intake.referral.get({ id: receipt.id });
    expect(current.status).toBe('passedToSig');
    expect(
      await codeOf(intake.referral.triage({ referralId: receipt.id, decision: 'notForUs', reason: 'x', expectedVersion: current.version })),
    ).toBe('CONFLICT');
  });

  it('records "not for us" only with a reason', async () => {
    const receipt = await (await world.partner('police')).referral.submit(referralInput());
    const intake = await world.staff('intake');
    const { version } = await intake.referral.get({ id: receipt.id });
    const error = await intake.referral
      .triage({ referralId: receipt.id, decision: 'notForUs', expectedVersion: version })
      .catch((e: TRPCError) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const ok = await intake.referral.triage({
      referralId: receipt.id,
      decision: 'notForUs',
      reason: 'Bor i en annan kommun.',
      expectedVersion: version,
    });
    expect(ok.status).toBe('notForUs');
    expect(ok.caseId).toBeNull();
    expect((await (await world.partner('police')).submission.get({ id: receipt.id })).feedback).toBe('closedWithoutAction');
  });
});

describe('isolation', () => {
  it('shows a partner only its own organisation’s submissions', async () => {
    const school = await (await world.partner('schoolStaff')).submission.list({ limit: 5 });
    expect(school.items).toEqual([]);
    const police = await world.partner('police');
    const mine = await police.referral.submit(referralInput());
    const otherSchool = await world.partner('otherSchool');
    expect(await codeOf(otherSchool.submission.get({ id: mine.id }))).toBe('NOT_FOUND');
    expect((await otherSchool.submission.list({ limit: 50 })).items.map((i) => i.id)).not.toContain(mine.id);
  });

  it('never shows one municipality’s referrals to another’s staff', async () => {
    const mine = await (await world.partner('police')).referral.submit(referralInput());
    const stranger = await world.staff('otherMunicipalityIntake');
    expect((await stranger.inbox.list({ limit: 100 })).items.map((i) => i.id)).not.toContain(mine.id);
    expect(await codeOf(stranger.referral.get({ id: mine.id }))).toBe('NOT_FOUND');
    expect(
      await codeOf(stranger.referral.triage({ referralId: mine.id, decision: 'passToSig', expectedVersion: 1 })),
    ).toBe('NOT_FOUND');
  });

  it('masks a protected identity in the inbox and in the referral', async () => {
    const receipt = await (await world.partner('police')).referral.submit(referralInput({
      person: { firstName: 'Skyddad', lastName: 'Person', birthDate: '1999-02-03' },
    }));
    const [row] = await world.t.db.select().from(referral).where(eq(referral.id, receipt.id));
    await world.t.db.update(person).set({ protectedIdentity: true }).where(eq(person.id, row!.personId));
    const intake = await world.staff('intake');
    const item = (await intake.inbox.list({ limit: 100 })).items.find((i) => i.id === receipt.id);
    expect(item?.person).toEqual({ name: null, identityNumber: null, birthDate: null, protectedIdentity: true });
    const full = await intake.referral.get({ id: receipt.id });
    expect(JSON.stringify(full)).not.toContain('Skyddad');
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an invalid identity number', { person: { firstName: 'A', lastName: 'B', identityNumber: '20080517-9803' } }, 'person.identityNumber'],
    ['a missing required field', { reason: '' }, 'reason'],
    ['an over-long text', { reason: 'x'.repeat(4001) }, 'reason'],
    ['an unknown enum value', { urgency: 'yesterday' }, 'urgency'],
    ['neither identity number nor birth date', { person: { firstName: 'A', lastName: 'B' } }, 'person.identityNumber'],
    ['a bad e-mail', { contact: { name: 'P', phone: '010-123 45 67', email: 'nope' } }, 'contact.email'],
  ];

  it.each(cases)('refuses %s with BAD_REQUEST naming the field, writing nothing', async (_name, override, field) => {
    const before = [await rows(referral), await rows(person)];
    const police = await world.partner('police');
    const error = (await police.referral.submit(referralInput(override) as never).catch((e) => e)) as TRPCError;
    expect(error).toBeInstanceOf(TRPCError);
    expect(error.code).toBe('BAD_REQUEST');
    const { describeError } = await import('../src/describe-error.ts');
    const described = describeError(error, 'sv');
    expect(described.httpStatus).toBe(400);
    expect(Object.keys(described.fieldErrors ?? {})).toContain(field);
    expect(described.fieldErrors?.[field]).not.toMatch(/^⟦/);
    expect([await rows(referral), await rows(person)]).toEqual(before);
  });

  it('ignores a forged organisation id: the referral belongs to the caller’s organisation', async () => {
    const police = await world.partner('police');
    const receipt = await police.referral.submit(
      referralInput({ sourceOrganisationId: world.tenant.organisations.school.id, municipalityId: world.otherTenant.municipality.id }) as never,
    );
    const [row] = await world.t.db.select().from(referral).where(eq(referral.id, receipt.id));
    expect(row?.sourceOrganisationId).toBe(world.tenant.organisations.police.id);
    expect(row?.municipalityId).toBe(world.tenant.municipality.id);
  });

  it('refuses a malformed id and a malformed cursor with BAD_REQUEST', async () => {
    const intake = await world.staff('intake');
    expect(await codeOf(intake.referral.get({ id: 'not-a-uuid' }))).toBe('BAD_REQUEST');
    expect(await codeOf(intake.inbox.list({ limit: 5, cursor: 'garbage' }))).toBe('BAD_REQUEST');
    expect(await codeOf(intake.inbox.list({ limit: 500 }))).toBe('BAD_REQUEST');
  });
});

describe('idempotency', () => {
  it('returns the first receipt for a repeated key and creates nothing new', async () => {
    const police = await world.partner('police');
    const input = referralInput();
    const first = await police.referral.submit(input);
    const before = await rows(referral);
    const again = await police.referral.submit(input);
    expect(again).toEqual(first);
    expect(await rows(referral)).toBe(before);
  });

  it('files one referral when the same key arrives twice at once', async () => {
    const police = await world.partner('police');
    const input = referralInput();
    const before = await rows(referral);
    const [a, b] = await Promise.all([police.referral.submit(input), police.referral.submit(input)]);
    expect(a.id).toBe(b.id);
    expect(await rows(referral)).toBe(before + 1);
  });
});

describe('concurrency', () => {
  it('files two referrals about the same new person at once, with one person record', async () => {
    const police = await world.partner('police');
    const identityNumber = fictionalIdentityNumber('1999-12-24', 11);
    const about = () => referralInput({ person: { firstName: 'Samma', lastName: 'Nyperson', identityNumber } });
    const [a, b] = await Promise.all([police.referral.submit(about()), police.referral.submit(about())]);
    expect(a.id).not.toBe(b.id);
    const people = await world.t.db.select().from(person).where(eq(person.identityNumber, identityNumber));
    expect(people).toHaveLength(1);
  });
});

describe('audit', () => {
  it('writes an entry for every read and write of a person’s data, without personal data', async () => {
    const police = await world.partner('police');
    const receipt = await police.referral.submit(referralInput());
    const intake = await world.staff('intake');
    await intake.inbox.list({ limit: 10 });
    await intake.referral.get({ id: receipt.id });
    const entries = await world.t.db.select().from(auditEntry).where(eq(auditEntry.recordId, receipt.id));
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['referral.submit', 'referral.read']));
    const read = entries.find((e) => e.action === 'referral.read')!;
    expect(read.userId).toBe(world.tenant.users.intake.id);
    expect(read.role).toBe('intake');
    expect(read.municipalityId).toBe(world.tenant.municipality.id);
    expect(read.subjectIds?.length).toBe(1);
    expect(JSON.stringify(entries)).not.toContain('Påhittad');
  });
});
