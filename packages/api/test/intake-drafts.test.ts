// The rest of issue 5: staff drafts of the intake form (item 6), rejecting a proposed person match (item 4) and
// e-mail delivery of notifications through a local SMTP server started here (item 7). Allowed and refused callers
// are in the authorization matrix; here: behaviour, bad input naming its field with nothing written, stale
// versions, audit entries, and no personal data in an e-mail.
import type { AddressInfo } from 'node:net';
import { TRPCError } from '@trpc/server';
import { deleteExpiredDrafts } from '@utvag/db';
import { createPerson } from '@utvag/db/testing';
import { appUser, auditEntry, notification, referral, referralDraft, referralEvent } from '@utvag/db/schema';
import { draftExpiryCutoff, draftRetentionDays, fictionalIdentityNumber, isDraftExpired, wantsEmail } from '@utvag/domain';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../src/describe-error.ts';
import { deliverPendingEmails, emailQueue, mailConfigFromEnv, smtpMailer, startIntakeJobs } from '../src/intake/email-delivery.ts';
import type { Logger } from '../src/logger.ts';
import { codeOf, createWorld, referralInput, silentLog, type World } from './harness.ts';
import { staffIntakeInput } from './inputs.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

const fieldOf = async (work: Promise<unknown>) => {
  const error = (await work.catch((e) => e)) as TRPCError;
  expect(error).toBeInstanceOf(TRPCError);
  return { code: error.code, fields: Object.keys(describeError(error, 'sv').fieldErrors ?? {}) };
};
const draftCount = async () => (await world.t.db.select({ n: count() }).from(referralDraft))[0]!.n;
const auditOf = (action: string, userId: string) =>
  world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, action), eq(auditEntry.userId, userId)));

describe('staff drafts', () => {
  it('saves, reopens, lists (without the person) and discards the author’s own draft, each audited', async () => {
    const intake = await world.staff('intake');
    const key = crypto.randomUUID();
    const values = { applicant: 'guardian', channel: 'phone', 'person.lastName': 'Utkastsson', reason: 'Mamma ringde.' };
    const saved = await intake.intake.draft.save({ idempotencyKey: key, values });
    expect(saved).toMatchObject({ idempotencyKey: key, values });
    // Saving the same form again replaces its values: still one draft.
    await intake.intake.draft.save({ idempotencyKey: key, values: { ...values, reason: 'Mamma ringde igen.' } });
    expect((await intake.intake.draft.get({ idempotencyKey: key })).values.reason).toBe('Mamma ringde igen.');
    const list = await intake.intake.draft.list();
    const item = list.items.find((d) => d.idempotencyKey === key);
    expect(item).toEqual({ idempotencyKey: key, applicant: 'guardian', channel: 'phone', updatedAt: expect.any(String) });
    expect(JSON.stringify(list)).not.toContain('Utkastsson');
    const [row] = await world.t.db.select().from(referralDraft).where(eq(referralDraft.idempotencyKey, key));
    expect(row).toMatchObject({ source: 'direct', organisationId: null, userId: world.tenant.users.intake.id });
    await intake.intake.draft.discard({ idempotencyKey: key });
    expect(await codeOf(intake.intake.draft.get({ idempotencyKey: key }))).toBe('NOT_FOUND');
    expect(await codeOf(intake.intake.draft.discard({ idempotencyKey: key }))).toBe('NOT_FOUND');
    const me = world.tenant.users.intake.id;
    expect((await auditOf('intakeDraft.save', me)).length).toBeGreaterThanOrEqual(2);
    expect((await auditOf('intakeDraft.read', me)).length).toBeGreaterThanOrEqual(2);
    expect((await auditOf('intakeDraft.discard', me)).length).toBe(1);
  });

  it('is nobody else’s: a colleague, the other municipality and the partner router see nothing', async () => {
    const key = crypto.randomUUID();
    await (await world.staff('caseWorker')).intake.draft.save({ idempotencyKey: key, values: { reason: 'Eget' } });
    for (const other of [await world.staff('intake'), await world.staff('unitManager'), await world.staff('otherMunicipalityIntake')]) {
      expect(await codeOf(other.intake.draft.get({ idempotencyKey: key }))).toBe('NOT_FOUND');
      expect((await other.intake.draft.list()).items.map((d) => d.idempotencyKey)).not.toContain(key);
      expect(await codeOf(other.intake.draft.discard({ idempotencyKey: key }))).toBe('NOT_FOUND');
    }
    // A partner's draft never shows among staff drafts, and a partner's list never shows a staff draft.
    const police = await world.partner('police');
    const partnerKey = crypto.randomUUID();
    await police.draft.save({ idempotencyKey: partnerKey, source: 'police', values: { reason: 'Polisens' } });
    expect((await police.draft.list()).items.map((d) => d.idempotencyKey)).not.toContain(key);
    expect(await draftCount()).toBeGreaterThanOrEqual(2);
  });

  it('is deleted when the form it belongs to is submitted', async () => {
    const intake = await world.staff('intake');
    const input = staffIntakeInput();
    await intake.intake.draft.save({ idempotencyKey: input.idempotencyKey, values: { reason: 'Halvfärdigt' } });
    await intake.intake.register(input);
    expect(await codeOf(intake.intake.draft.get({ idempotencyKey: input.idempotencyKey }))).toBe('NOT_FOUND');
    expect(await world.t.db.select().from(referralDraft).where(eq(referralDraft.idempotencyKey, input.idempotencyKey))).toEqual([]);
  });

  it('expires: not offered after the retention days, and the clean-up deletes only expired drafts', async () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(isDraftExpired(new Date(now.getTime() - (draftRetentionDays + 1) * 86_400_000), now)).toBe(true);
    expect(isDraftExpired(new Date(now.getTime() - (draftRetentionDays - 1) * 86_400_000), now)).toBe(false);
    const intake = await world.staff('intake');
    const [oldKey, freshKey] = [crypto.randomUUID(), crypto.randomUUID()];
    await intake.intake.draft.save({ idempotencyKey: oldKey, values: { reason: 'Gammalt' } });
    await intake.intake.draft.save({ idempotencyKey: freshKey, values: { reason: 'Nytt' } });
    await world.t.db
      .update(referralDraft)
      .set({ updatedAt: sql`now() - make_interval(days => ${draftRetentionDays + 1})` })
      .where(eq(referralDraft.idempotencyKey, oldKey));
    expect(await codeOf(intake.intake.draft.get({ idempotencyKey: oldKey }))).toBe('NOT_FOUND');
    expect((await intake.intake.draft.list()).items.map((d) => d.idempotencyKey)).toEqual(expect.arrayContaining([freshKey]));
    expect((await intake.intake.draft.list()).items.map((d) => d.idempotencyKey)).not.toContain(oldKey);
    // Partner drafts expire the same way.
    const police = await world.partner('police');
    const policeKey = crypto.randomUUID();
    await police.draft.save({ idempotencyKey: policeKey, source: 'police', values: { reason: 'Gammalt' } });
    await world.t.db
      .update(referralDraft)
      .set({ updatedAt: sql`now() - make_interval(days => ${draftRetentionDays + 1})` })
      .where(eq(referralDraft.idempotencyKey, policeKey));
    expect(await codeOf(police.draft.get({ idempotencyKey: policeKey }))).toBe('NOT_FOUND');
    expect(await deleteExpiredDrafts(world.t.db, draftExpiryCutoff(new Date()))).toBe(2);
    const left = await world.t.db.select({ key: referralDraft.idempotencyKey }).from(referralDraft);
    expect(left.map((d) => d.key)).toContain(freshKey);
    expect(left.map((d) => d.key)).not.toContain(oldKey);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const intake = await world.staff('intake');
    const before = await draftCount();
    expect(await fieldOf(intake.intake.draft.save({ idempotencyKey: 'not-a-uuid', values: {} }))).toEqual({ code: 'BAD_REQUEST', fields: ['idempotencyKey'] });
    expect(await fieldOf(intake.intake.draft.save({ idempotencyKey: crypto.randomUUID(), values: { reason: 'a\u0000b' } }))).toMatchObject({
      code: 'BAD_REQUEST',
      fields: [expect.stringContaining('values')],
    });
    expect(await codeOf(intake.intake.draft.save({ idempotencyKey: crypto.randomUUID(), values: { reason: 'x'.repeat(4001) } }))).toBe('BAD_REQUEST');
    const many = Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`f${i}`, 'x']));
    expect(await codeOf(intake.intake.draft.save({ idempotencyKey: crypto.randomUUID(), values: many }))).toBe('BAD_REQUEST');
    // A source is not the caller's to choose: it is stripped, the draft is always of the staff form.
    const key = crypto.randomUUID();
    await intake.intake.draft.save({ idempotencyKey: key, values: {}, source: 'police' } as never);
    const [row] = await world.t.db.select().from(referralDraft).where(eq(referralDraft.idempotencyKey, key));
    expect(row?.source).toBe('direct');
    expect(await draftCount()).toBe(before + 1);
    expect(await fieldOf(intake.intake.draft.get({ idempotencyKey: 'x' }))).toEqual({ code: 'BAD_REQUEST', fields: ['idempotencyKey'] });
    expect(await fieldOf(intake.intake.draft.discard({ idempotencyKey: '' }))).toEqual({ code: 'BAD_REQUEST', fields: ['idempotencyKey'] });
  });
});

describe('rejecting a proposed person match', () => {
  async function referralWithCandidate(lastName: string, serial: number) {
    const m = world.tenant.municipality.id;
    const known = await createPerson(world.t.db, { municipalityId: m, firstName: 'Kim', lastName, birthDate: '2002-06-06', identityNumber: fictionalIdentityNumber('2002-06-06', serial) });
    const receipt = await (await world.staff('intake')).intake.register(staffIntakeInput({ person: { firstName: 'Kim', lastName, birthDate: '2002-06-06' } }));
    return { known, referralId: receipt.id };
  }

  it('records that the candidate is someone else, is not proposed again, bumps the version, and is audited', async () => {
    const { known, referralId } = await referralWithCandidate('Avvisarsson', 3);
    const intake = await world.staff('coordinator');
    expect((await intake.referral.matches({ id: referralId })).candidates.map((c) => c.id)).toEqual([known.id]);
    const { version } = await intake.referral.get({ id: referralId });
    const done = await intake.referral.rejectMatch({ referralId, expectedVersion: version, personId: known.id });
    expect(done).toEqual({ id: referralId, version: version + 1 });
    expect((await intake.referral.matches({ id: referralId })).candidates).toEqual([]);
    const [event] = await world.t.db.select().from(referralEvent).where(and(eq(referralEvent.referralId, referralId), eq(referralEvent.kind, 'matchRejected')));
    expect(event).toMatchObject({ toPersonId: known.id, actorUserId: world.tenant.users.coordinator.id });
    const full = await intake.referral.get({ id: referralId });
    expect(full.history.map((h) => h.kind)).toContain('matchRejected');
    // The person is still known and the referral keeps its own person.
    const [row] = await world.t.db.select({ p: referral.personId }).from(referral).where(eq(referral.id, referralId));
    expect(row?.p).not.toBe(known.id);
    const [entry] = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'referral.rejectMatch'), eq(auditEntry.recordId, referralId)));
    expect(entry?.subjectIds).toEqual(expect.arrayContaining([known.id]));
    // A rejected candidate cannot be linked either (it is no longer a candidate).
    expect(await fieldOf(intake.referral.linkPerson({ referralId, expectedVersion: version + 1, personId: known.id }))).toEqual({ code: 'BAD_REQUEST', fields: ['personId'] });
    // Another referral about the same person still proposes them: the rejection is per referral.
    const again = await (await world.staff('intake')).intake.register(staffIntakeInput({ person: { firstName: 'Kim', lastName: 'Avvisarsson', birthDate: '2002-06-06' } }));
    expect((await intake.referral.matches({ id: again.id })).candidates.map((c) => c.id)).toContain(known.id);
  });

  it('refuses a stale version, a person who is not a candidate and bad input, writing nothing', async () => {
    const { known, referralId } = await referralWithCandidate('Gammalsson', 4);
    const intake = await world.staff('intake');
    const { version } = await intake.referral.get({ id: referralId });
    const events = async () => (await world.t.db.select({ n: count() }).from(referralEvent).where(eq(referralEvent.referralId, referralId)))[0]!.n;
    const before = await events();
    expect(await codeOf(intake.referral.rejectMatch({ referralId, expectedVersion: version + 1, personId: known.id }))).toBe('CONFLICT');
    const stranger = await createPerson(world.t.db, { municipalityId: world.tenant.municipality.id });
    expect(await fieldOf(intake.referral.rejectMatch({ referralId, expectedVersion: version, personId: stranger.id }))).toEqual({ code: 'BAD_REQUEST', fields: ['personId'] });
    expect(await fieldOf(intake.referral.rejectMatch({ referralId, expectedVersion: version, personId: 'nope' }))).toEqual({ code: 'BAD_REQUEST', fields: ['personId'] });
    expect(await fieldOf(intake.referral.rejectMatch({ referralId: 'nope', expectedVersion: version, personId: known.id }))).toEqual({ code: 'BAD_REQUEST', fields: ['referralId'] });
    expect(await fieldOf(intake.referral.rejectMatch({ referralId, expectedVersion: 0, personId: known.id }))).toEqual({ code: 'BAD_REQUEST', fields: ['expectedVersion'] });
    expect(await codeOf(intake.referral.rejectMatch({ referralId: crypto.randomUUID(), expectedVersion: 1, personId: known.id }))).toBe('NOT_FOUND');
    // Another municipality cannot reach the referral at all.
    expect(await codeOf((await world.staff('otherMunicipalityIntake')).referral.rejectMatch({ referralId, expectedVersion: version, personId: known.id }))).toBe('NOT_FOUND');
    expect(await events()).toBe(before);
    expect((await intake.referral.get({ id: referralId })).version).toBe(version);
  });
});

describe('e-mail of notifications', () => {
  type Received = { to: string[]; raw: string };
  let server: SMTPServer;
  let smtpUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (raw += chunk));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Quoted-printable soft breaks and escapes undone, enough to search the text. */
  const plain = (raw: string) => {
    const s = raw.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < s.length; i++) {
      const hex = s.slice(i + 1, i + 3);
      if (s[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else bytes.push(s.charCodeAt(i));
    }
    return Buffer.from(bytes).toString('utf8');
  };
  const config = () => mailConfigFromEnv({ SMTP_URL: smtpUrl, STAFF_URL: 'https://personal.example', PARTNER_URL: 'https://partner.example' })!;
  const handleAllPending = () => world.t.db.update(notification).set({ emailHandledAt: new Date() }).where(isNull(notification.emailHandledAt));

  it('keeps a per-account choice, default urgent only, refusing an unknown option', async () => {
    expect(wantsEmail('urgentOnly', 'urgentReferral')).toBe(true);
    expect(wantsEmail('urgentOnly', 'assigned')).toBe(false);
    expect(wantsEmail('all', 'submissionStatusChanged')).toBe(true);
    expect(wantsEmail('off', 'urgentReferral')).toBe(false);
    const school = await world.partner('schoolStaff');
    expect(await school.notification.emailPreference()).toEqual({ preference: 'urgentOnly', email: world.tenant.users.schoolStaff.email });
    expect(await fieldOf(school.notification.setEmailPreference({ preference: 'sometimes' } as never))).toEqual({ code: 'BAD_REQUEST', fields: ['preference'] });
    await school.notification.setEmailPreference({ preference: 'all' });
    expect((await school.notification.emailPreference()).preference).toBe('all');
    // Only one's own account changes.
    const [other] = await world.t.db.select({ p: appUser.emailNotifications }).from(appUser).where(eq(appUser.id, world.tenant.otherSchoolUser.id));
    expect(other?.p).toBe('urgentOnly');
    expect((await auditOf('notification.settings', world.tenant.users.schoolStaff.id)).length).toBe(3);
  });

  it('sends an urgent referral to intake through the pg-boss job, with no personal data, once', async () => {
    await handleAllPending();
    received.length = 0;
    const receipt = await (await world.partner('police')).referral.submit(
      referralInput({ threatOrProtectionNeed: true, person: { firstName: 'Hemlig', lastName: 'Mejlberg', identityNumber: fictionalIdentityNumber('1998-01-21', 4) } }),
    );
    const jobs = await startIntakeJobs({ connectionString: world.t.url, db: world.t.db, log: silentLog, env: { SMTP_URL: smtpUrl, STAFF_URL: 'https://personal.example' }, schedule: false });
    try {
      expect(jobs.mailEnabled).toBe(true);
      const jobId = await jobs.boss.send(emailQueue, {});
      for (let i = 0; i < 100; i++) {
        const job = await jobs.boss.getJobById(emailQueue, jobId!);
        if (job?.state === 'completed') break;
        if (job?.state === 'failed') throw new Error('the e-mail job failed');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await jobs.stop();
    }
    const intakeEmail = world.tenant.users.intake.email;
    const mine = received.filter((m) => m.to.includes(intakeEmail));
    expect(mine).toHaveLength(1);
    const text = plain(mine[0]!.raw);
    expect(text).toContain('Du har en ny avisering i Utväg');
    expect(text).toContain(receipt.reference);
    expect(text).toContain('https://personal.example/aviseringar');
    for (const secret of ['Hemlig', 'Mejlberg', '19980121', 'Per Polis', 'threat', 'skydd']) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    const rows = await world.t.db.select().from(notification).where(eq(notification.referralId, receipt.id));
    expect(rows.every((r) => r.emailHandledAt && r.emailSentAt)).toBe(true);
    // A second round sends nothing more.
    const again = await deliverPendingEmails(world.t.db, smtpMailer(config()), config(), silentLog);
    expect(again.sent).toBe(0);
    expect(received.filter((m) => m.to.includes(intakeEmail))).toHaveLength(1);
  });

  it('follows each recipient’s choice and leaves stale rows unsent', async () => {
    await handleAllPending();
    received.length = 0;
    const m = world.tenant.municipality.id;
    const [r] = await world.t.db.select({ id: referral.id, reference: referral.reference }).from(referral).where(eq(referral.municipalityId, m)).limit(1);
    const u = world.tenant.users;
    // The school chose 'all' above; the police keep the default (urgent only); the case worker chose 'off'.
    await (await world.staff('caseWorker')).notification.setEmailPreference({ preference: 'off' });
    await world.t.db.insert(notification).values([
      { municipalityId: m, recipientUserId: u.schoolStaff.id, kind: 'submissionStatusChanged', referralId: r!.id, reference: r!.reference },
      { municipalityId: m, recipientUserId: u.police.id, kind: 'submissionStatusChanged', referralId: r!.id, reference: r!.reference },
      { municipalityId: m, recipientUserId: u.caseWorker.id, kind: 'urgentReferral', referralId: r!.id, reference: r!.reference },
      { municipalityId: m, recipientUserId: u.schoolStaff.id, kind: 'assigned', referralId: r!.id, reference: r!.reference, createdAt: new Date(Date.now() - 2 * 86_400_000) },
    ]);
    const lines: string[] = [];
    const log: Logger = { info: (e, f) => lines.push(JSON.stringify({ e, ...f })), warn: (e, f) => lines.push(JSON.stringify({ e, ...f })), error: () => undefined, child: () => log };
    const round = await deliverPendingEmails(world.t.db, smtpMailer(config()), config(), log);
    expect(round).toEqual({ sent: 1, skipped: 2, failed: 0, expired: 1 });
    expect(received.map((x) => x.to)).toEqual([[u.schoolStaff.email]]);
    expect(plain(received[0]!.raw)).toContain('https://partner.example/aviseringar');
    expect(await world.t.db.select().from(notification).where(isNull(notification.emailHandledAt))).toEqual([]);
    // The log holds counts only: no address, no reference number.
    expect(lines.join('\n')).not.toContain('@');
    expect(lines.join('\n')).not.toContain(r!.reference);
  });

  it('keeps a row pending when the SMTP server cannot be reached, and says e-mail is off without SMTP_URL', async () => {
    await handleAllPending();
    const m = world.tenant.municipality.id;
    const [r] = await world.t.db.select({ id: referral.id, reference: referral.reference }).from(referral).where(eq(referral.municipalityId, m)).limit(1);
    await world.t.db.insert(notification).values({ municipalityId: m, recipientUserId: world.tenant.users.intake.id, kind: 'urgentReferral', referralId: r!.id, reference: r!.reference });
    const broken = mailConfigFromEnv({ SMTP_URL: 'smtp://127.0.0.1:1' })!;
    const round = await deliverPendingEmails(world.t.db, smtpMailer(broken), broken, silentLog);
    expect(round.failed).toBe(1);
    expect((await world.t.db.select().from(notification).where(isNull(notification.emailHandledAt))).length).toBe(1);

    expect(mailConfigFromEnv({})).toBeNull();
    const lines: string[] = [];
    const log: Logger = { info: (e, f) => lines.push(JSON.stringify({ e, ...f })), warn: () => undefined, error: () => undefined, child: () => log };
    const jobs = await startIntakeJobs({ connectionString: world.t.url, db: world.t.db, log, env: {}, schedule: false });
    await jobs.stop();
    expect(jobs.mailEnabled).toBe(false);
    expect(lines).toEqual([expect.stringContaining('notification.email.off')]);
  });
});
