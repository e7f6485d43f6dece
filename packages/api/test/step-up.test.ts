// Step-up before revealing a protected identity (issue 3): refused without a fresh second factor, the code is
// single use, the session id rotates, the reveal is audited with its reason, and the step-up lapses after
// five minutes. Also: the test-only switch of the API's checks cannot be turned on in production.
import { createPerson, createReferral } from '@utvag/db/testing';
import { auditEntry, appUser, session } from '@utvag/db/schema';
import { insertSession, verifyAuditChain } from '@utvag/db';
import { stepUpValidMinutes } from '@utvag/domain';
import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginLimits } from '../src/auth/login-limits.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../src/auth/mfa.ts';
import { secretBoxFromEnv } from '../src/auth/secret-box.ts';
import { resolveSession } from '../src/auth/session.ts';
import { stepUp } from '../src/auth/step-up.ts';
import { newSessionToken, sessionIdOf } from '../src/auth/tokens.ts';
import { createContext, testOnlySwitchAllowed, type SessionUser } from '../src/context.ts';
import { AppError } from '../src/errors.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { codeOf, createWorld, silentLog, type World } from './harness.ts';

let world: World;
let protectedReferralId: string;
let plainReferralId: string;
const box = secretBoxFromEnv({});
const policy = { idleMinutes: 30, absoluteHours: 12 };
const caller = createCallerFactory(staffRouter);

beforeAll(async () => {
  world = await createWorld();
  const { tenant } = world;
  const base = { municipalityId: tenant.municipality.id, submittedByUserId: tenant.users.police.id, sourceOrganisationId: tenant.organisations.police.id };
  const hidden = await createPerson(world.t.db, { municipalityId: tenant.municipality.id, firstName: 'Sigrid', lastName: 'Skyddad', protectedIdentity: true, identityNumber: null });
  protectedReferralId = (await createReferral(world.t.db, { ...base, personId: hidden.id })).id;
  plainReferralId = (await createReferral(world.t.db, base)).id;
});
afterAll(() => world.t.drop());

/** A fully signed-in session of `user` with an enrolled authenticator; returns its token and the TOTP secret. */
async function signedIn(user: SessionUser) {
  const first = newSessionToken();
  await insertSession(world.t.db, { id: sessionIdOf(first), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), mfaVerifiedAt: null });
  const { secret } = await startTotpEnrolment(world.t.db, box, user);
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
  const { token } = await confirmTotpEnrolment(world.t.db, box, { token: first, userId: user.id, code, requestId: 't' });
  return { token, secret };
}
const nextCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + 30_000 });
const callerWith = (user: SessionUser, token: string) =>
  caller(createContext({ db: world.t.db, user, sessionId: sessionIdOf(token), log: silentLog }));
const reveal = (user: SessionUser, token: string, reason = 'Behöver ringa personen om ett möte.') =>
  callerWith(user, token).referral.revealIdentity({ id: protectedReferralId, reason });

describe('revealing a protected identity', () => {
  let user: SessionUser;
  let token: string;
  let secret: string;
  let usedCode = '';
  beforeAll(async () => {
    user = await world.user('caseWorker');
    ({ token, secret } = await signedIn(user));
  });

  it('is masked by default and refused without a step-up, and the refusal is on record', async () => {
    const shown = await callerWith(user, token).referral.get({ id: protectedReferralId });
    expect(shown.person).toMatchObject({ name: null, identityNumber: null, protectedIdentity: true });
    expect(await codeOf(reveal(user, token))).toBe('PRECONDITION_FAILED');
    const denied = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.userId, user.id), eq(auditEntry.action, 'identity.reveal')));
    expect(denied.map((e) => e.outcome)).toEqual(['denied']);
  });

  it('refuses a wrong code and keeps the session as it was', async () => {
    await expect(stepUp(world.t.db, box, { token, user, code: '000000', demo: false, requestId: 't' })).rejects.toBeInstanceOf(AppError);
    expect(await resolveSession(world.t.db, token, policy)).not.toBeNull();
  });

  it('after a step-up: a new session id, the identity shown once with the reason on record', async () => {
    usedCode = nextCode(secret);
    const next = await stepUp(world.t.db, box, { token, user, code: usedCode, demo: false, requestId: 't' });
    expect(await resolveSession(world.t.db, token, policy)).toBeNull(); // the old id is gone: rotated
    expect(await resolveSession(world.t.db, next, policy)).not.toBeNull();
    token = next;
    expect((await callerWith(user, token).account.me()).steppedUp).toBe(true);
    const shown = await reveal(user, token, 'Ska boka ett första samtal.');
    expect(shown.name).toBe('Sigrid Skyddad');
    const [entry] = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.userId, user.id), eq(auditEntry.action, 'identity.reveal'), eq(auditEntry.outcome, 'allowed')));
    expect(entry).toMatchObject({ reason: 'Ska boka ett första samtal.', recordType: 'person' });
    // The reason is part of the hashed content: the chain still verifies, and altering a reason would show.
    expect(await verifyAuditChain(world.t.db)).toMatchObject({ ok: true });
  });

  it('refuses the same code twice (a replayed step-up)', async () => {
    const code = usedCode;
    await expect(stepUp(world.t.db, box, { token, user, code, demo: false, requestId: 't' })).rejects.toBeInstanceOf(AppError);
  });

  it('asks for a reason of at least 10 characters and names the field', async () => {
    await expect(reveal(user, token, 'för att')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const error = await reveal(user, token, 'för att').catch((e) => e);
    expect(JSON.stringify(error.cause?.issues ?? error)).toContain('reason');
  });

  it('reveals only protected identities (others are shown anyway)', async () => {
    expect(await codeOf(callerWith(user, token).referral.revealIdentity({ id: plainReferralId, reason: 'Vill se allt om personen.' }))).toBe('NOT_FOUND');
  });

  it(`lapses after ${stepUpValidMinutes} minutes`, async () => {
    const old = new Date(Date.now() - (stepUpValidMinutes * 60 + 5) * 1000);
    await world.t.db.update(session).set({ stepUpAt: old }).where(eq(session.id, sessionIdOf(token)));
    expect(await codeOf(reveal(user, token))).toBe('PRECONDITION_FAILED');
  });

  it('does not carry over to another session of the same user', async () => {
    const other = newSessionToken();
    await insertSession(world.t.db, { id: sessionIdOf(other), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), mfaVerifiedAt: new Date() });
    expect(await codeOf(reveal(user, other))).toBe('PRECONDITION_FAILED');
  });
});

describe('guessing the code at a step-up', () => {
  it('is stopped after five wrong codes, on the same counter as the login\'s second step', async () => {
    const user = await world.user('coordinator');
    const { token, secret } = await signedIn(user);
    const limits = createLoginLimits(world.t.db);
    const attempt = (code: string) => stepUp(world.t.db, box, { token, user, code, demo: false, requestId: 't', limits });
    for (let i = 0; i < 5; i++) await expect(attempt('000000')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Now even the right code is refused until the block ends, and the refusal writes nothing new to the session.
    await expect(attempt(nextCode(secret))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const [row] = await world.t.db.select({ stepUpAt: session.stepUpAt }).from(session).where(eq(session.id, sessionIdOf(token)));
    expect(row?.stepUpAt ?? null).toBeNull();
  });
});

describe('demo accounts', () => {
  it('step up without a code in demo mode only', async () => {
    const user = await world.user('intake');
    await world.t.db.update(appUser).set({ isDemo: true }).where(eq(appUser.id, user.id));
    const demoUser = { ...user, isDemo: true };
    const token = newSessionToken();
    await insertSession(world.t.db, { id: sessionIdOf(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), mfaVerifiedAt: new Date() });
    await expect(stepUp(world.t.db, box, { token, user: demoUser, code: '', demo: false, requestId: 't' })).rejects.toBeInstanceOf(AppError);
    const next = await stepUp(world.t.db, box, { token, user: demoUser, code: '', demo: true, requestId: 't' });
    expect((await reveal(demoUser, next)).name).toBe('Sigrid Skyddad');
  });
});

describe('the test-only switch of the API checks', () => {
  it('cannot be turned on in production, nor outside vitest', () => {
    expect(testOnlySwitchAllowed({ VITEST: 'true', NODE_ENV: 'production' })).toBe(false);
    expect(testOnlySwitchAllowed({ NODE_ENV: 'development' })).toBe(false);
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() => createContext({ db: world.t.db, apiChecksOff: {} as SessionUser })).toThrow(/outside tests/);
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});
