// Step-up and logout at the identity provider (issue 3), against a local oidc-provider started here. A step-up by
// a fresh sign-in there (prompt=login, max_age=0) unlocks the protected-identity reveal like a TOTP code does
// (new session id, `session.stepUp` on record); the wrong subject, a stale auth_time, a weak sign-in, a replayed
// answer and an answer meant for another session are refused and on record. Logging out ends the session here
// first and then points to the provider's end_session_endpoint with the id_token as hint.
import { createPerson, createReferral } from '@utvag/db/testing';
import { appUser, auditEntry, session } from '@utvag/db/schema';
import { findUserByExternalSubject } from '@utvag/db';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logOut } from '../src/auth/login.ts';
import { startSession } from '../src/auth/login-provider.ts';
import { beginOidcStepUp, canStepUpAtProvider, completeOidcStepUp, OidcStepUpRefused } from '../src/auth/oidc-step-up.ts';
import { oidcProvider, oidcSettingsFromEnv, type OidcProvider, type OidcSettings } from '../src/auth/oidc.ts';
import { secretBoxFromEnv } from '../src/auth/secret-box.ts';
import { resolveSession } from '../src/auth/session.ts';
import { hasFreshStepUp } from '../src/auth/step-up.ts';
import { sessionIdOf } from '../src/auth/tokens.ts';
import { createContext, type SessionUser } from '../src/context.ts';
import { AppError } from '../src/errors.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { codeOf, createWorld, silentLog, type World } from './harness.ts';
import { startTestProvider, type TestProvider } from './oidc-test-provider.ts';

let world: World;
let idp: TestProvider;
let settings: OidcSettings;
let oidc: OidcProvider;
let user: SessionUser;
let protectedReferralId: string;
const box = secretBoxFromEnv({});
const policy = { idleMinutes: 30, absoluteHours: 12 };
const caller = createCallerFactory(staffRouter);
const returnTo = '/hanvisningar/x/identitet';

beforeAll(async () => {
  [world, idp] = await Promise.all([createWorld(), startTestProvider()]);
  settings = oidcSettingsFromEnv({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_REDIRECT_URI: idp.redirectUri,
    OIDC_MFA_ACR: 'loa3',
  })!;
  oidc = oidcProvider(world.t.db, settings, silentLog);
  user = await world.user('caseWorker');
  await world.t.db.update(appUser).set({ externalSubject: 'idp-caseworker' }).where(eq(appUser.id, user.id));
  await world.t.db.update(appUser).set({ externalSubject: 'idp-coordinator' }).where(eq(appUser.id, (await world.user('coordinator')).id));
  const { tenant } = world;
  const hidden = await createPerson(world.t.db, { municipalityId: tenant.municipality.id, firstName: 'Sigrid', lastName: 'Skyddad', protectedIdentity: true, identityNumber: null });
  const base = { municipalityId: tenant.municipality.id, submittedByUserId: tenant.users.police.id, sourceOrganisationId: tenant.organisations.police.id };
  protectedReferralId = (await createReferral(world.t.db, { ...base, personId: hidden.id })).id;
});
afterAll(async () => {
  await idp?.stop();
  await world?.t.drop();
});

/** A session begun by signing in at the provider (strong, so no TOTP), as the portal starts it. */
async function providerSession(sub = 'idp-caseworker') {
  const { url, transaction } = await oidc.begin();
  idp.next = { sub, acr: 'loa3' };
  const account = await oidc.complete(await idp.authorize(url), transaction, 't');
  const started = await startSession(world.t.db, account!, { portal: 'staff', provider: 'oidc', requestId: 't', policy, demo: false, box });
  return { token: started.token, idToken: account!.idToken! };
}

/** Begin a step-up for the session, sign in at the provider as `sub`, and come back: the return URL. */
async function roundTrip(token: string, login: { sub: string; acr?: string; authTime?: number }) {
  const url = await beginOidcStepUp(world.t.db, box, oidc, { token, user, action: 'identity.reveal', returnTo });
  idp.next = { acr: 'loa3', ...login };
  return { url, back: await idp.authorize(url) };
}
const complete = (token: string, back: URL) => completeOidcStepUp(world.t.db, box, oidc, { token, user, callbackUrl: back, requestId: 't', log: silentLog });
const reasonOf = (work: Promise<unknown>) => work.then(() => 'accepted', (e: unknown) => (e instanceof OidcStepUpRefused ? e.reason : `other: ${String(e)}`));
const reveal = (token: string) =>
  caller(createContext({ db: world.t.db, user, sessionId: sessionIdOf(token), log: silentLog })).referral.revealIdentity({
    id: protectedReferralId,
    reason: 'Behöver ringa personen om ett möte.',
  });
const lastStepUp = async () =>
  (await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.userId, user.id), eq(auditEntry.action, 'session.stepUp'))).orderBy(desc(auditEntry.id)).limit(1))[0];
const fresh = (token: string) => hasFreshStepUp({ db: world.t.db, sessionId: sessionIdOf(token), user });

describe('step-up at the identity provider', () => {
  it('is offered only with a strong sign-in configured, to staff the provider names', async () => {
    expect(await canStepUpAtProvider(world.t.db, oidc, user)).toBe(true);
    expect(await canStepUpAtProvider(world.t.db, null, user)).toBe(false);
    const weakOnly = oidcProvider(world.t.db, { ...settings, strongAcr: [], strongAmr: [] });
    expect(await canStepUpAtProvider(world.t.db, weakOnly, user)).toBe(false);
    expect(await canStepUpAtProvider(world.t.db, oidc, await world.user('unitManager'))).toBe(false); // no subject
  });

  it('asks for a fresh sign-in (prompt=login, max_age=0, the strong acr) and keeps the transaction sealed on the session', async () => {
    const { token } = await providerSession();
    const url = await beginOidcStepUp(world.t.db, box, oidc, { token, user, action: 'identity.reveal', returnTo });
    const p = url.searchParams;
    expect([p.get('prompt'), p.get('max_age'), p.get('acr_values'), p.get('code_challenge_method')]).toEqual(['login', '0', 'loa3', 'S256']);
    expect(p.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(p.get('nonce')).toMatch(/^[\w-]{20,}$/);
    const [row] = await world.t.db.select({ pending: session.oidcStepUp }).from(session).where(eq(session.id, sessionIdOf(token)));
    expect(row?.pending).toMatch(/^v1\./);
    expect(row?.pending).not.toContain(p.get('state')!);
    expect(JSON.parse(box.open(row!.pending!))).toMatchObject({ state: p.get('state'), action: 'identity.reveal', returnTo });
  });

  it('steps up like a TOTP code: new session id, on record, and the protected identity can be revealed', async () => {
    const { token, idToken } = await providerSession();
    expect(await codeOf(reveal(token))).toBe('PRECONDITION_FAILED');
    const { back } = await roundTrip(token, { sub: 'idp-caseworker' });
    const done = await complete(token, back);
    expect(done).toMatchObject({ returnTo, action: 'identity.reveal' });
    expect(await resolveSession(world.t.db, token, policy)).toBeNull(); // rotated
    expect(await fresh(done.token)).toBe(true);
    expect(await reveal(done.token)).toMatchObject({ name: 'Sigrid Skyddad' });
    expect(await lastStepUp()).toMatchObject({ outcome: 'allowed', recordType: 'session', recordId: 'oidc' });
    // The logout hint follows the newer id_token; nothing is left pending.
    const [row] = await world.t.db.select().from(session).where(eq(session.id, sessionIdOf(done.token)));
    expect(row?.oidcStepUp).toBeNull();
    expect(box.open(row!.oidcIdToken!)).not.toBe(idToken);
  });

  it('refuses a sign-in as another account, and the session gains nothing', async () => {
    const { token } = await providerSession();
    const { back } = await roundTrip(token, { sub: 'idp-coordinator' });
    const refused = await complete(token, back).catch((e: unknown) => e);
    expect(refused).toMatchObject({ reason: 'subject', returnTo });
    expect(await fresh(token)).toBe(false);
    expect(await resolveSession(world.t.db, token, policy)).not.toBeNull();
    expect(await lastStepUp()).toMatchObject({ outcome: 'denied', recordId: 'oidc' });
  });

  it('refuses a stale auth_time (a sign-in from before the request) and a weak one', async () => {
    const { token } = await providerSession();
    const stale = await roundTrip(token, { sub: 'idp-caseworker', authTime: Math.floor(Date.now() / 1000) - 3600 });
    expect(await reasonOf(complete(token, stale.back))).toBe('stale');
    expect(await lastStepUp()).toMatchObject({ outcome: 'denied' });
    const weak = await roundTrip(token, { sub: 'idp-caseworker', acr: 'loa2' });
    expect(await reasonOf(complete(token, weak.back))).toBe('weak');
    expect(await fresh(token)).toBe(false);
  });

  it('refuses a replayed answer (its state is used up) and one meant for another session', async () => {
    const { token } = await providerSession();
    const { back } = await roundTrip(token, { sub: 'idp-caseworker' });
    const done = await complete(token, back);
    const denied = (await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'session.stepUp'), eq(auditEntry.outcome, 'denied')))).length;
    // Nothing pending, so not even the page it was for is known.
    expect(await complete(done.token, back).catch((e: unknown) => e)).toMatchObject({ reason: 'none', returnTo: undefined });
    expect((await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.action, 'session.stepUp'), eq(auditEntry.outcome, 'denied')))).length).toBe(denied + 1);
    // Begun in one session, brought back in another of the same user: nothing pending there.
    const other = await providerSession();
    const elsewhere = await roundTrip(done.token, { sub: 'idp-caseworker' });
    expect(await reasonOf(complete(other.token, elsewhere.back))).toBe('none');
    expect(await fresh(other.token)).toBe(false);
    // A forged state against a pending step-up: refused by the state check, and the pending one is used up.
    const forged = new URL(elsewhere.back);
    forged.searchParams.set('state', 'forged-state');
    expect(await reasonOf(complete(done.token, forged))).toBe('answer');
    expect(await reasonOf(complete(done.token, elsewhere.back))).toBe('none');
  });

  it('refuses bad input: an action that needs no step-up, a role without the action, a foreign return path', async () => {
    const { token } = await providerSession();
    for (const action of ['referral.read', '', 'identity.reveal ', '__proto__']) {
      const error = await beginOidcStepUp(world.t.db, box, oidc, { token, user, action, returnTo }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_REQUEST');
    }
    const admin = await world.user('administrator');
    await world.t.db.update(appUser).set({ externalSubject: 'idp-admin' }).where(eq(appUser.id, admin.id));
    const refused = await beginOidcStepUp(world.t.db, box, oidc, { token, user: admin, action: 'identity.reveal', returnTo }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('FORBIDDEN');
    const noSubject = await world.user('unitManager');
    const refused2 = await beginOidcStepUp(world.t.db, box, oidc, { token, user: noSubject, action: 'identity.reveal', returnTo }).catch((e: unknown) => e);
    expect((refused2 as AppError).code).toBe('FORBIDDEN');
    // Another user's token: no session of this user to keep it on.
    const wrongSession = await beginOidcStepUp(world.t.db, box, oidc, { token: 'not-a-session', user, action: 'identity.reveal', returnTo }).catch((e: unknown) => e);
    expect((wrongSession as AppError).code).toBe('UNAUTHORIZED');
    for (const away of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      await beginOidcStepUp(world.t.db, box, oidc, { token, user, action: 'costStatement.export', returnTo: away });
      const [row] = await world.t.db.select({ pending: session.oidcStepUp }).from(session).where(eq(session.id, sessionIdOf(token)));
      expect(JSON.parse(box.open(row!.pending!))).toMatchObject({ returnTo: '/', action: 'costStatement.export' });
    }
  });
});

describe('logout at the identity provider', () => {
  it('ends the session here first, then points to end_session with the id_token hint', async () => {
    const { token, idToken } = await providerSession();
    const [row] = await world.t.db.select().from(session).where(eq(session.id, sessionIdOf(token)));
    expect(row?.oidcIdToken).toMatch(/^v1\./); // sealed, never the raw token
    expect(row?.oidcIdToken).not.toContain(idToken.split('.')[1]!);
    const url = await logOut(world.t.db, token, { oidc, box, log: silentLog });
    // Gone before the browser goes anywhere: also when it never comes back.
    expect(await world.t.db.select().from(session).where(eq(session.id, sessionIdOf(token)))).toEqual([]);
    expect(await resolveSession(world.t.db, token, policy)).toBeNull();
    expect(url?.origin).toBe(idp.issuer);
    expect(url?.searchParams.get('id_token_hint')).toBe(idToken);
    expect(url?.searchParams.get('post_logout_redirect_uri')).toBe(idp.postLogoutRedirectUri);
    expect(url?.searchParams.get('client_id')).toBe(idp.clientId);
    // The provider accepts the hint and the registered address (its logout confirmation, not an error).
    const answer = await fetch(url!);
    expect(answer.status).toBe(200);
    expect(await answer.text()).not.toMatch(/invalid|error/i);
  });

  it('stays local for a password session, a provider without end_session_endpoint, or one that is down', async () => {
    const account = { user: (await findUserByExternalSubject(world.t.db, 'idp-caseworker'))!, strongFactor: true };
    const password = await startSession(world.t.db, account, { portal: 'staff', provider: 'password', requestId: 't', policy, demo: false, box });
    expect(await logOut(world.t.db, password.token, { oidc, box })).toBeNull();
    expect(await resolveSession(world.t.db, password.token, policy)).toBeNull();

    const bare = await startTestProvider(idp.redirectUri, { endSession: false });
    try {
      const noEnd = oidcProvider(world.t.db, { ...settings, issuer: new URL(bare.issuer), clientId: bare.clientId, clientSecret: bare.clientSecret });
      const { token } = await providerSession();
      expect(await logOut(world.t.db, token, { oidc: noEnd, box })).toBeNull();
      expect(await resolveSession(world.t.db, token, policy)).toBeNull();
    } finally {
      await bare.stop();
    }
    const down = oidcProvider(world.t.db, { ...settings, issuer: new URL('http://127.0.0.1:9') });
    const { token } = await providerSession();
    expect(await logOut(world.t.db, token, { oidc: down, box, log: silentLog })).toBeNull();
    expect(await resolveSession(world.t.db, token, policy)).toBeNull();
  });

  it('reads the post-logout address from the environment, /login by default, https unless on the loopback', () => {
    const base = { OIDC_ISSUER: 'https://idp.example.se', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's', OIDC_REDIRECT_URI: 'https://utvag.example.se/login/e-legitimation/retur' };
    expect(oidcSettingsFromEnv(base)?.postLogoutRedirectUri.href).toBe('https://utvag.example.se/login');
    expect(oidcSettingsFromEnv({ ...base, OIDC_POST_LOGOUT_REDIRECT_URI: 'https://utvag.example.se/utloggad' })?.postLogoutRedirectUri.href).toBe('https://utvag.example.se/utloggad');
    expect(() => oidcSettingsFromEnv({ ...base, OIDC_POST_LOGOUT_REDIRECT_URI: 'http://utvag.example.se/login' })).toThrow(/https/);
  });
});
