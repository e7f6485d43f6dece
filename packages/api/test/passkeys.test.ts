// Passkeys (WebAuthn) as the second factor (issue 3), against a software authenticator: enrolment, login,
// step-up, and the refusals that make a passkey phishing-resistant and single use: another origin, a replayed or
// expired challenge, a counter that went back, another user's credential, no user verification. Also: removal
// needs a step-up, bad input names its field, RLS keeps passkeys their owner's, failures are rate limited.
import { inTenantTransaction, insertSession, listWebauthnCredentials } from '@utvag/db';
import { auditEntry, webauthnChallenge, webauthnCredential } from '@utvag/db/schema';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginLimits } from '../src/auth/login-limits.ts';
import { logIn } from '../src/auth/login.ts';
import { enrolPasskeyAtLogin, verifySecondFactor } from '../src/auth/mfa.ts';
import { passkeyAuthenticationOptions, passkeyRegistrationOptions, webauthnSettingsFromEnv } from '../src/auth/passkeys.ts';
import { secretBoxFromEnv } from '../src/auth/secret-box.ts';
import { resolveSession } from '../src/auth/session.ts';
import { hasFreshStepUp, stepUp } from '../src/auth/step-up.ts';
import { newSessionToken, sessionIdOf } from '../src/auth/tokens.ts';
import { createContext, type SessionUser } from '../src/context.ts';
import { describeError } from '../src/describe-error.ts';
import { AppError } from '../src/errors.ts';
import { partnerRouter } from '../src/routers/partner.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { codeOf, createWorld, silentLog, type World } from './harness.ts';
import { flags, SoftwareAuthenticator } from './software-authenticator.ts';

const origin = 'https://utvag.test';
const settings = { origin, rpId: 'utvag.test', rpName: 'Utväg' };
const box = secretBoxFromEnv({});
const policy = { idleMinutes: 30, absoluteHours: 12 };
const staffCaller = createCallerFactory(staffRouter);
const partnerCaller = createCallerFactory(partnerRouter);
let world: World;
const previousOrigin = process.env.ORIGIN;

beforeAll(async () => {
  // The account procedures read the portal's ORIGIN, as a running portal does.
  process.env.ORIGIN = origin;
  world = await createWorld();
});
afterAll(async () => {
  if (previousOrigin === undefined) delete process.env.ORIGIN;
  else process.env.ORIGIN = previousOrigin;
  await world.t.drop();
});

/** A fully signed-in session of the user (second factor done); its cookie token. */
async function signedIn(user: SessionUser) {
  const token = newSessionToken();
  await insertSession(world.t.db, { id: sessionIdOf(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), mfaVerifiedAt: new Date() });
  return token;
}
const callerFor = (user: SessionUser, token: string) => {
  const ctx = createContext({ db: world.t.db, user, sessionId: sessionIdOf(token), log: silentLog });
  return user.kind === 'staff' ? staffCaller(ctx) : partnerCaller(ctx);
};

/** Enrols a passkey on the account page's procedures; returns the authenticator and what registering answered. */
async function enrol(user: SessionUser, token: string, authenticator = new SoftwareAuthenticator(origin), label = 'Jobbdatorn') {
  const caller = callerFor(user, token);
  const options = await caller.account.passkeyRegistrationOptions();
  const response = authenticator.create(options);
  const done = await caller.account.registerPasskey({ label, response: JSON.stringify(response) });
  return { authenticator, done };
}

let address = 0;
async function passwordOnly(user: { email: string; password: string }, portal: 'staff' | 'partner') {
  const result = await logIn(world.t.db, {
    email: user.email,
    password: user.password,
    portal,
    requestId: 't',
    policy,
    limits: createLoginLimits(world.t.db),
    address: `10.7.0.${++address}`,
    demo: false,
  });
  return result!;
}

const auditOf = (userId: string, action: string) =>
  world.t.db.select().from(auditEntry).where(and(eq(auditEntry.userId, userId), eq(auditEntry.action, action)));

describe('enrolling, signing in and stepping up with a passkey', () => {
  let user: SessionUser;
  let authenticator: SoftwareAuthenticator;
  let recoveryCodes: string[] = [];

  it('enrols a passkey as the first factor, with recovery codes, audited', async () => {
    user = await world.user('caseWorker');
    const token = await signedIn(user);
    const enrolled = await enrol(user, token);
    authenticator = enrolled.authenticator;
    expect(enrolled.done.recoveryCodes).toHaveLength(10);
    recoveryCodes = enrolled.done.recoveryCodes!;
    const list = await callerFor(user, token).account.passkeys();
    expect(list.passkeys.map((p) => p.label)).toEqual(['Jobbdatorn']);
    expect(list.passkeys[0]!.lastUsedAt).toBeNull();
    // Now the user has a factor: adding another needs a step-up first.
    expect(list.needsStepUp).toBe(true);
    const [entry] = await auditOf(user.id, 'passkey.enrol');
    expect(entry?.recordId).toBe(enrolled.done.id);
    // No challenge is left to answer again.
    expect(await world.t.db.select().from(webauthnChallenge).where(eq(webauthnChallenge.userId, user.id))).toEqual([]);
  });

  it('signs in with password and passkey: the session is MFA-verified and its id rotates', async () => {
    const login = await passwordOnly(world.tenant.users.caseWorker, 'staff');
    expect(login.mfaRequired).toBe(true);
    const options = await passkeyAuthenticationOptions(world.t.db, settings, { sessionId: sessionIdOf(login.token), userId: user.id, purpose: 'login' });
    expect(options?.userVerification).toBe('required');
    expect(options?.allowCredentials).toHaveLength(1);
    const next = await verifySecondFactor(world.t.db, box, {
      token: login.token,
      userId: user.id,
      passkey: authenticator.get(options!),
      webauthn: settings,
      requestId: 't',
    });
    expect(next).not.toBe(login.token);
    expect(await resolveSession(world.t.db, login.token, policy)).toBeNull();
    expect((await resolveSession(world.t.db, next, policy))?.mfaPending).toBe(false);
    const entries = await auditOf(user.id, 'session.mfa');
    expect(entries.at(-1)).toMatchObject({ outcome: 'allowed', recordType: 'webauthn_credential' });
    const [stored] = await world.t.db.select().from(webauthnCredential).where(eq(webauthnCredential.userId, user.id));
    expect(stored?.signCount).toBe(1);
    expect(stored?.lastUsedAt).not.toBeNull();
  });

  it('steps up with a passkey: fresh step-up, new session id, audited', async () => {
    const token = await signedIn(user);
    const options = await passkeyAuthenticationOptions(world.t.db, settings, { sessionId: sessionIdOf(token), userId: user.id, purpose: 'stepUp' });
    const next = await stepUp(world.t.db, box, { token, user, code: '', passkey: authenticator.get(options!), webauthn: settings, demo: false, requestId: 't' });
    expect(await hasFreshStepUp({ db: world.t.db, sessionId: sessionIdOf(next), user })).toBe(true);
    expect(await resolveSession(world.t.db, token, policy)).toBeNull();
    expect((await auditOf(user.id, 'session.stepUp')).at(-1)).toMatchObject({ outcome: 'allowed', recordType: 'webauthn_credential' });
  });

  it('steps up with a recovery code when the passkey is not at hand, once', async () => {
    const token = await signedIn(user);
    const next = await stepUp(world.t.db, box, { token, user, code: recoveryCodes[0]!, demo: false, requestId: 't' });
    expect(await hasFreshStepUp({ db: world.t.db, sessionId: sessionIdOf(next), user })).toBe(true);
    await expect(stepUp(world.t.db, box, { token: next, user, code: recoveryCodes[0]!, demo: false, requestId: 't' })).rejects.toBeInstanceOf(AppError);
    // No app is enrolled, so no six digits are a code.
    await expect(stepUp(world.t.db, box, { token: next, user, code: '123456', demo: false, requestId: 't' })).rejects.toBeInstanceOf(AppError);
  });

  it('does not take a login challenge for a step-up', async () => {
    const token = await signedIn(user);
    const options = await passkeyAuthenticationOptions(world.t.db, settings, { sessionId: sessionIdOf(token), userId: user.id, purpose: 'login' });
    await expect(
      stepUp(world.t.db, box, { token, user, code: '', passkey: authenticator.get(options!), webauthn: settings, demo: false, requestId: 't' }),
    ).rejects.toMatchObject({ messageKey: 'auth.passkey.failed' });
  });

  /** A pending login of the case worker, the options for it, and a try of `answer` as its second factor. */
  async function tryLogin(answer: (options: { challenge: string; rpId?: string }) => unknown) {
    const login = await passwordOnly(world.tenant.users.caseWorker, 'staff');
    const options = (await passkeyAuthenticationOptions(world.t.db, settings, { sessionId: sessionIdOf(login.token), userId: user.id, purpose: 'login' }))!;
    const passkey = answer(options);
    const attempt = () => verifySecondFactor(world.t.db, box, { token: login.token, userId: user.id, passkey, webauthn: settings, requestId: 't' });
    return { login, options, passkey, attempt };
  }

  it('refuses an answer made on another origin (a phishing site)', async () => {
    const { attempt, login } = await tryLogin((o) => authenticator.get(o, { origin: 'https://utvag-login.example' }));
    await expect(attempt()).rejects.toBeInstanceOf(AppError);
    expect((await resolveSession(world.t.db, login.token, policy))?.mfaPending).toBe(true);
    expect((await auditOf(user.id, 'session.mfa')).at(-1)?.outcome).toBe('denied');
  });

  it('refuses an answer for another RP ID', async () => {
    const { attempt } = await tryLogin((o) => authenticator.get(o, { rpId: 'example.org' }));
    await expect(attempt()).rejects.toMatchObject({ messageKey: 'auth.passkey.failed' });
  });

  it('refuses a replayed challenge: an accepted answer cannot be used again', async () => {
    const first = await tryLogin((o) => authenticator.get(o));
    await first.attempt();
    // The same signed answer once more, on a new login that has a challenge of its own.
    const second = await tryLogin(() => first.passkey);
    await expect(second.attempt()).rejects.toMatchObject({ messageKey: 'auth.passkey.failed' });
  });

  it('uses a challenge once, even when its first answer was refused', async () => {
    const { attempt, options, login } = await tryLogin((o) => authenticator.get(o, { origin: 'https://utvag-login.example' }));
    await expect(attempt()).rejects.toBeInstanceOf(AppError);
    const retry = authenticator.get(options);
    await expect(
      verifySecondFactor(world.t.db, box, { token: login.token, userId: user.id, passkey: retry, webauthn: settings, requestId: 't' }),
    ).rejects.toMatchObject({ messageKey: 'auth.passkey.failed' });
  });

  it('keeps one pending challenge per session and purpose: asking again replaces it', async () => {
    const { attempt, login } = await tryLogin((o) => authenticator.get(o));
    await passkeyAuthenticationOptions(world.t.db, settings, { sessionId: sessionIdOf(login.token), userId: user.id, purpose: 'login' });
    expect(await world.t.db.select().from(webauthnChallenge).where(eq(webauthnChallenge.sessionId, sessionIdOf(login.token)))).toHaveLength(1);
    await expect(attempt()).rejects.toMatchObject({ messageKey: 'auth.passkey.failed' });
  });

  it('refuses an answer to an expired challenge', async () => {
    const { attempt } = await tryLogin((o) => authenticator.get(o));
    await world.t.db.update(webauthnChallenge).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(webauthnChallenge.userId, user.id));
    await expect(attempt()).rejects.toMatchObject({ messageKey: 'auth.passkey.failed' });
  });

  it('refuses a counter that did not grow (a cloned authenticator)', async () => {
    const [stored] = await world.t.db.select().from(webauthnCredential).where(eq(webauthnCredential.userId, user.id));
    const { attempt } = await tryLogin((o) => authenticator.get(o, { counter: stored!.signCount }));
    await expect(attempt()).rejects.toMatchObject({ messageKey: 'auth.passkey.failed' });
    const [after] = await world.t.db.select().from(webauthnCredential).where(eq(webauthnCredential.userId, user.id));
    expect(after?.signCount).toBe(stored!.signCount);
  });

  it('refuses an answer without user verification', async () => {
    const { attempt } = await tryLogin((o) => authenticator.get(o, { flags: flags.up }));
    await expect(attempt()).rejects.toMatchObject({ messageKey: 'auth.passkey.failed' });
  });

  it("refuses another user's credential", async () => {
    const other = await world.user('intake');
    const { authenticator: theirs } = await enrol(other, await signedIn(other));
    const { attempt } = await tryLogin((o) => theirs.get(o));
    await expect(attempt()).rejects.toMatchObject({ messageKey: 'auth.passkey.failed' });
  });

  it('blocks the second step after five failures, like the password', async () => {
    const login = await passwordOnly(world.tenant.users.caseWorker, 'staff');
    const limits = createLoginLimits(world.t.db);
    const fail = () => verifySecondFactor(world.t.db, box, { token: login.token, userId: user.id, passkey: { id: 'x' }, webauthn: settings, requestId: 't', limits });
    for (let i = 0; i < 5; i++) await expect(fail()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(fail()).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // A TOTP code meets the same block.
    await expect(verifySecondFactor(world.t.db, box, { token: login.token, userId: user.id, code: '123456', requestId: 't', limits })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
  });
});

describe('a passkey as the first factor at the second step of a login', () => {
  it('enrols instead of the app: recovery codes, MFA-verified, new session id; a password alone adds none later', async () => {
    const u = world.tenant.users.administrator;
    const user = await world.user('administrator');
    const login = await passwordOnly(u, 'staff');
    expect(login.mfaRequired).toBe(true);
    const authenticator = new SoftwareAuthenticator(origin);
    const options = await passkeyRegistrationOptions(world.t.db, settings, { sessionId: sessionIdOf(login.token), user });
    const enrol = (label: unknown, token: string, response: unknown) =>
      enrolPasskeyAtLogin(world.t.db, settings, { token, userId: user.id, label, response, requestId: 't' });
    await expect(enrol('', login.token, {})).rejects.toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { label: { key: 'validation.required' } } });
    const done = await enrol('Säkerhetsnyckel', login.token, authenticator.create(options));
    expect(done.recoveryCodes).toHaveLength(10);
    expect(await resolveSession(world.t.db, login.token, policy)).toBeNull();
    expect((await resolveSession(world.t.db, done.token, policy))?.mfaPending).toBe(false);
    // The next password-only session must use the passkey: it cannot enrol another one.
    const next = await passwordOnly(u, 'staff');
    expect(next.mfaRequired).toBe(true);
    const again = await passkeyRegistrationOptions(world.t.db, settings, { sessionId: sessionIdOf(next.token), user });
    await expect(enrol('Inkräktarens', next.token, new SoftwareAuthenticator(origin).create(again))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await resolveSession(world.t.db, next.token, policy))?.mfaPending).toBe(true);
    expect(await world.t.db.select().from(webauthnCredential).where(eq(webauthnCredential.userId, user.id))).toHaveLength(1);
  });
});

describe('the account page: passkeys of one’s own', () => {
  it('counts as the second factor a partner enrolled: the next login asks for it', async () => {
    const u = world.tenant.users.schoolStaff;
    expect((await passwordOnly(u, 'partner')).mfaRequired).toBe(false);
    const user = await world.user('schoolStaff');
    await enrol(user, await signedIn(user), new SoftwareAuthenticator(origin), 'Telefonen');
    expect((await passwordOnly(u, 'partner')).mfaRequired).toBe(true);
  });

  it('refuses a new passkey made for another origin or without user verification', async () => {
    const user = await world.user('police');
    const token = await signedIn(user);
    const caller = callerFor(user, token);
    const phished = new SoftwareAuthenticator('https://utvag-login.example').create(await caller.account.passkeyRegistrationOptions());
    expect(await codeOf(caller.account.registerPasskey({ label: 'Nyckel', response: JSON.stringify(phished) }))).toBe('BAD_REQUEST');
    const unverified = new SoftwareAuthenticator(origin).create(await caller.account.passkeyRegistrationOptions(), { flags: flags.up | flags.at });
    expect(await codeOf(caller.account.registerPasskey({ label: 'Nyckel', response: JSON.stringify(unverified) }))).toBe('BAD_REQUEST');
    expect((await caller.account.passkeys()).passkeys).toEqual([]);
  });

  it('names the field of bad input', async () => {
    const user = await world.user('probationOfficer');
    const caller = callerFor(user, await signedIn(user));
    const fields = async (input: unknown) => {
      try {
        await caller.account.registerPasskey(input as never);
      } catch (error) {
        return Object.keys(describeError(error as { code?: string; cause?: unknown }, 'sv').fieldErrors ?? {});
      }
      return [];
    };
    expect(await fields({ label: '', response: '{}' })).toContain('label');
    expect(await fields({ label: 'Nyckel', response: 'inte json' })).toEqual(['response']);
    expect(await fields({ label: 'x'.repeat(61), response: '' })).toEqual(['label', 'response']);
    expect(Object.keys(describeError(await errorOf(caller.account.removePasskey({ id: 'nej' })), 'sv').fieldErrors ?? {})).toEqual(['id']);
  });

  it('removes a passkey only after a step-up, and only the user’s own', async () => {
    const user = await world.user('coordinator');
    const token = await signedIn(user);
    const { authenticator } = await enrol(user, token);
    const other = await world.user('unitManager');
    const { done: theirs } = await enrol(other, await signedIn(other));
    const [mine] = (await callerFor(user, token).account.passkeys()).passkeys;
    expect(await codeOf(callerFor(user, token).account.removePasskey({ id: mine!.id }))).toBe('PRECONDITION_FAILED');
    expect((await auditOf(user.id, 'passkey.remove')).at(-1)?.outcome).toBe('denied');
    const options = await passkeyAuthenticationOptions(world.t.db, settings, { sessionId: sessionIdOf(token), userId: user.id, purpose: 'stepUp' });
    const stepped = await stepUp(world.t.db, box, { token, user, code: '', passkey: authenticator.get(options!), webauthn: settings, demo: false, requestId: 't' });
    expect(await codeOf(callerFor(user, stepped).account.removePasskey({ id: theirs.id }))).toBe('NOT_FOUND');
    expect(await callerFor(user, stepped).account.removePasskey({ id: mine!.id })).toEqual({ removed: 1 });
    expect((await callerFor(user, stepped).account.passkeys()).passkeys).toEqual([]);
    expect((await auditOf(user.id, 'passkey.remove')).at(-1)).toMatchObject({ outcome: 'allowed', recordId: mine!.id });
    expect(await world.t.db.select().from(webauthnCredential).where(eq(webauthnCredential.id, theirs.id))).toHaveLength(1);
  });

  it('keeps passkeys their owner’s under RLS, and no challenge is readable by the application role', async () => {
    const owner = world.tenant.users.coordinator;
    const other = await world.user('unitManager');
    const asOwner = await inTenantTransaction(world.t.db, { municipalityId: other.municipalityId, organisationId: null, userId: owner.id, role: 'coordinator' }, (tx) =>
      listWebauthnCredentials(tx, other.id),
    );
    expect(asOwner).toEqual([]);
    const asOther = await inTenantTransaction(world.t.db, { municipalityId: other.municipalityId, organisationId: null, userId: other.id, role: 'unitManager' }, (tx) =>
      listWebauthnCredentials(tx, other.id),
    );
    expect(asOther).toHaveLength(1);
    const challenges = await inTenantTransaction(world.t.db, { municipalityId: other.municipalityId, organisationId: null, userId: other.id, role: 'unitManager' }, (tx) =>
      tx.execute(sql`select count(*)::int as n from webauthn_challenge`),
    );
    expect(challenges[0]).toEqual({ n: 0 });
  });

  it('has no session to bind a challenge to without one', async () => {
    const user = await world.user('caseWorker');
    const caller = staffCaller(createContext({ db: world.t.db, user, log: silentLog }));
    expect(await codeOf(caller.account.passkeyRegistrationOptions())).toBe('UNAUTHORIZED');
  });
});

describe('configuration', () => {
  it('takes origin and RP ID from ORIGIN, refuses an RP ID the origin is not under, and needs ORIGIN in production', () => {
    expect(webauthnSettingsFromEnv({ ORIGIN: 'https://staff.utvag.se/' })).toEqual({ origin: 'https://staff.utvag.se', rpId: 'staff.utvag.se', rpName: 'Utväg' });
    expect(webauthnSettingsFromEnv({ ORIGIN: 'https://staff.utvag.se', WEBAUTHN_RP_ID: 'utvag.se' }).rpId).toBe('utvag.se');
    expect(() => webauthnSettingsFromEnv({ ORIGIN: 'https://staff.utvag.se', WEBAUTHN_RP_ID: 'evil.se' })).toThrow(/WEBAUTHN_RP_ID/);
    expect(() => webauthnSettingsFromEnv({ NODE_ENV: 'production' })).toThrow(/ORIGIN/);
  });
});

async function errorOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error as { code?: string; cause?: unknown };
  }
  throw new Error('expected an error');
}
