// OpenID Connect login (issue 3) against a local provider started here: the happy path (and when the provider's
// sign-in counts as the second factor), a wrong state, a wrong nonce, a wrong PKCE verifier and a replayed code
// refused; an unknown subject, a disabled account and a partner account refused with the same answer as a failed
// password login, on record without anything the user typed.
import { auditEntry, appUser } from '@utvag/db/schema';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../src/auth/login.ts';
import { createLoginLimits } from '../src/auth/login-limits.ts';
import { startSession } from '../src/auth/login-provider.ts';
import { isStrongSignIn, oidcProvider, oidcSettingsFromEnv, type OidcSettings, type OidcTransaction } from '../src/auth/oidc.ts';
import { createWorld, type World } from './harness.ts';
import { startTestProvider, type TestProvider } from './oidc-test-provider.ts';

let world: World;
let idp: TestProvider;
let settings: OidcSettings;
const policy = { idleMinutes: 30, absoluteHours: 12 };

beforeAll(async () => {
  [world, idp] = await Promise.all([createWorld(), startTestProvider()]);
  settings = oidcSettingsFromEnv({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_REDIRECT_URI: idp.redirectUri,
    OIDC_MFA_ACR: 'loa3',
  })!;
  const db = world.t.db;
  await db.update(appUser).set({ externalSubject: 'idp-caseworker' }).where(eq(appUser.id, world.tenant.users.caseWorker.id));
  await db.update(appUser).set({ externalSubject: 'idp-coordinator', disabledAt: new Date() }).where(eq(appUser.id, world.tenant.users.coordinator.id));
  await db.update(appUser).set({ externalSubject: 'idp-police' }).where(eq(appUser.id, world.tenant.users.police.id));
});
afterAll(async () => {
  await idp?.stop();
  await world?.t.drop();
});

/** One whole round: begin, the provider's login as `sub`, the return (optionally tampered with), complete. */
async function signIn(
  sub: string,
  options: { acr?: string; amr?: string[]; email?: string; settings?: OidcSettings; tamper?: (t: OidcTransaction) => OidcTransaction } = {},
) {
  const provider = oidcProvider(world.t.db, options.settings ?? settings);
  const { url, transaction } = await provider.begin();
  idp.next = { sub, acr: options.acr, amr: options.amr, email: options.email };
  const back = await idp.authorize(url);
  const kept = options.tamper ? options.tamper({ ...transaction }) : transaction;
  return { account: await provider.complete(back, kept, 'test-request'), url, back, transaction, provider };
}

const lastLogin = async () =>
  (await world.t.db.select().from(auditEntry).where(eq(auditEntry.action, 'session.login.staff')).orderBy(desc(auditEntry.id)).limit(1))[0]!;

describe('OpenID Connect login', () => {
  it('sends the browser with PKCE (S256), state, nonce and the strong acr asked for', async () => {
    const { url, transaction } = await oidcProvider(world.t.db, settings).begin();
    expect(url.origin).toBe(idp.issuer);
    const p = url.searchParams;
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('code_challenge')).not.toBe(transaction.codeVerifier);
    expect(p.get('state')).toBe(transaction.state);
    expect(p.get('nonce')).toBe(transaction.nonce);
    expect(p.get('acr_values')).toBe('loa3');
    expect(p.get('redirect_uri')).toBe(idp.redirectUri);
  });

  it('signs in the staff account named by `sub`; without a strong acr the TOTP step still follows', async () => {
    const { account } = await signIn('idp-caseworker', { acr: 'loa2' });
    expect(account?.user.id).toBe(world.tenant.users.caseWorker.id);
    expect(account?.strongFactor).toBe(false);
    const session = await startSession(world.t.db, account!, { portal: 'staff', provider: 'oidc', requestId: 't', policy, demo: false });
    expect(session.mfaRequired).toBe(true);
    expect(await lastLogin()).toMatchObject({ outcome: 'allowed', userId: world.tenant.users.caseWorker.id, recordId: 'oidc' });
  });

  it('counts the provider’s sign-in as the second factor when the id_token’s acr (or amr) says so', async () => {
    const strong = await signIn('idp-caseworker', { acr: 'loa3' });
    expect(strong.account?.strongFactor).toBe(true);
    const session = await startSession(world.t.db, strong.account!, { portal: 'staff', provider: 'oidc', requestId: 't', policy, demo: false });
    expect(session.mfaRequired).toBe(false);
    const byAmr = await signIn('idp-caseworker', { amr: ['pwd', 'mfa'], settings: { ...settings, strongAcr: [], strongAmr: ['mfa'] } });
    expect(byAmr.account?.strongFactor).toBe(true);
    expect(isStrongSignIn({ strongAcr: [], strongAmr: [] }, { acr: 'loa3', amr: ['mfa'] })).toBe(false);
  });

  it('refuses a return whose state is not the one sent', async () => {
    const { account } = await signIn('idp-caseworker', { tamper: (t) => ({ ...t, state: 'another-state' }) });
    expect(account).toBeNull();
    expect(await lastLogin()).toMatchObject({ outcome: 'denied', userId: null, recordId: 'oidc' });
  });

  it('refuses an id_token whose nonce is not the one sent', async () => {
    expect((await signIn('idp-caseworker', { tamper: (t) => ({ ...t, nonce: 'another-nonce' }) })).account).toBeNull();
  });

  it('refuses a wrong PKCE verifier and a replayed code', async () => {
    expect((await signIn('idp-caseworker', { tamper: (t) => ({ ...t, codeVerifier: `${t.codeVerifier.slice(1)}x` }) })).account).toBeNull();
    const first = await signIn('idp-caseworker');
    expect(first.account).not.toBeNull();
    expect(await first.provider.complete(first.back, first.transaction, 't')).toBeNull();
  });

  it('refuses an unknown subject, a disabled account and a partner account, like a failed password login', async () => {
    for (const sub of ['idp-nobody', 'idp-coordinator', 'idp-police']) {
      expect((await signIn(sub, { acr: 'loa3' })).account).toBeNull();
      const entry = await lastLogin();
      expect(entry).toMatchObject({ outcome: 'denied', recordId: 'oidc' });
      // Nothing the provider sent (subject, e-mail) is kept; a known account's id is, for the log review.
      expect(JSON.stringify(entry)).not.toMatch(/idp-/);
    }
    // Never created: no account holds the unknown subject afterwards.
    expect(await world.t.db.select().from(appUser).where(eq(appUser.externalSubject, 'idp-nobody'))).toEqual([]);
    const password = await logIn(world.t.db, {
      email: 'nobody@example.org',
      password: 'wrong password here',
      portal: 'staff',
      requestId: 't',
      policy,
      limits: createLoginLimits(world.t.db),
      address: '192.0.2.1',
      demo: false,
    });
    expect(password).toBeNull(); // the same answer the pages turn into one message ('auth.failed')
  });

  it('matches by e-mail when so configured, and only an e-mail the provider verified', async () => {
    const byEmail = { ...settings, subjectClaim: 'email' };
    const email = world.tenant.users.unitManager.email;
    const { account } = await signIn('idp-someone', { email: email.toUpperCase(), settings: byEmail });
    expect(account?.user.id).toBe(world.tenant.users.unitManager.id);
    expect((await signIn('idp-someone-else', { settings: byEmail })).account).toBeNull(); // no e-mail claim
  });

  it('reads its configuration from the environment, all or nothing, https unless on the loopback', () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
    expect(() => oidcSettingsFromEnv({ OIDC_ISSUER: 'https://idp.example.se' })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI/);
    const full = { OIDC_ISSUER: 'http://idp.example.se', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's', OIDC_REDIRECT_URI: 'https://utvag.example.se/login/e-legitimation/retur' };
    expect(() => oidcSettingsFromEnv(full)).toThrow(/https/);
    expect(() => oidcSettingsFromEnv({ ...full, OIDC_REDIRECT_URI: 'http://utvag.example.se/retur', OIDC_ISSUER: 'https://idp.example.se' })).toThrow(/https/);
    expect(oidcSettingsFromEnv({ ...full, OIDC_ISSUER: 'http://127.0.0.1:4000' })?.issuer.port).toBe('4000');
    const ok = oidcSettingsFromEnv({ ...full, OIDC_ISSUER: 'https://idp.example.se', OIDC_MFA_AMR: 'mfa, hwk' })!;
    expect(ok).toMatchObject({ subjectClaim: 'sub', scope: 'openid email', strongAcr: [], strongAmr: ['mfa', 'hwk'] });
  });

  it('refuses when the provider cannot be reached, without throwing', async () => {
    const down = oidcProvider(world.t.db, { ...settings, issuer: new URL('http://127.0.0.1:9') });
    await expect(down.begin()).rejects.toThrow();
    const t = { state: 's', nonce: 'n', codeVerifier: 'v'.repeat(43) };
    expect(await down.complete(new URL(`${idp.redirectUri}?code=x&state=s`), t, 't')).toBeNull();
  });
});
