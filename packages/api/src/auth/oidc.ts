// OpenID Connect login (issue 3): municipalities sign staff in with a work e-legitimation through their identity
// provider. Authorization code flow with PKCE (S256); state and nonce are random per attempt and checked, the
// id_token's signature, issuer, audience and expiry are verified (openid-client). The account is found by one
// configured claim (`sub` against app_user.external_subject by default, or `email` against the e-mail) and is
// never created here; unknown, disabled or non-staff accounts get the same refusal as a failed password login.
// The login counts as multi-factor only when the id_token's `acr` or `amr` says so (configured values);
// otherwise the TOTP step follows as after a password.
import { findUserByEmail, findUserByExternalSubject, type Database } from '@utvag/db';
import * as client from 'openid-client';
import type { Logger } from '../logger.ts';
import { auditRefusedLogin, type AuthenticatedAccount, type RedirectLoginProvider } from './login-provider.ts';

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Must be registered at the provider; the staff portal's `/login/e-legitimation/retur`. */
  redirectUri: URL;
  scope: string;
  /** The id_token (or userinfo) claim that names the account: `sub` (default) or another claim matched against
   * app_user.external_subject, or `email`, matched against the account's e-mail. */
  subjectClaim: string;
  /** `acr` values that count as a multi-factor sign-in (e.g. the LoA 3 URI of Swedish e-legitimation). */
  strongAcr: readonly string[];
  /** `amr` values that count as a multi-factor sign-in (e.g. `mfa`). */
  strongAmr: readonly string[];
  /** Where the provider sends the browser after a logout there (registered at the provider); the portal's /login. */
  postLogoutRedirectUri: URL;
}

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI together turn the provider on; none of them
 * leaves it off (null); some but not all is a configuration error, named at start-up.
 */
export function oidcSettingsFromEnv(env: Record<string, string | undefined>): OidcSettings | null {
  const required = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
  const missing = required.filter((k) => !env[k]);
  if (missing.length === required.length) return null;
  if (missing.length > 0) throw new Error(`OpenID Connect is half configured: set ${missing.join(', ')} too (see .env.example)`);
  const issuer = new URL(env.OIDC_ISSUER!);
  const redirectUri = new URL(env.OIDC_REDIRECT_URI!);
  const postLogoutRedirectUri = new URL(env.OIDC_POST_LOGOUT_REDIRECT_URI || '/login', redirectUri);
  // Plain http only on this machine's loopback (a provider beside the app, or the tests'): nothing leaves the host.
  const loopback = (u: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  for (const u of [issuer, redirectUri, postLogoutRedirectUri]) {
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback(u))) {
      throw new Error(`OIDC_ISSUER, OIDC_REDIRECT_URI and OIDC_POST_LOGOUT_REDIRECT_URI must use https (${u.origin})`);
    }
  }
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectUri,
    scope: env.OIDC_SCOPE || 'openid email',
    subjectClaim: env.OIDC_SUBJECT_CLAIM || 'sub',
    strongAcr: list(env.OIDC_MFA_ACR),
    strongAmr: list(env.OIDC_MFA_AMR),
    postLogoutRedirectUri,
  };
}

/** What is kept (sealed, in a short-lived cookie) between sending the browser away and its return. */
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A sign-in at the provider checked (state, nonce, PKCE, signature): its naming claim, claims and raw id_token. */
export interface OidcAnswer {
  /** The configured claim's value (`sub` by default), or undefined when the provider sent none usable. */
  value: string | undefined;
  claims: Record<string, unknown>;
  idToken: string;
}

export interface OidcProvider extends RedirectLoginProvider<OidcTransaction> {
  readonly settings: OidcSettings;
  /** A fresh sign-in for a step-up: `prompt=login` and `max_age=0` (and the strong acr), new state, nonce, PKCE. */
  beginReauthentication(): Promise<{ url: URL; transaction: OidcTransaction }>;
  /** Checks the provider's answer to `beginReauthentication`; null for any refusal (logged by error code only). */
  answer(callbackUrl: URL, transaction: OidcTransaction): Promise<OidcAnswer | null>;
  /** The provider's end-session address with the hint, or null when its discovery names none. */
  logoutUrl(idToken: string): Promise<URL | null>;
}

/** Whether the id_token says the provider verified more than one factor, by the configured `acr`/`amr` values. */
export function isStrongSignIn(settings: Pick<OidcSettings, 'strongAcr' | 'strongAmr'>, claims: Record<string, unknown>) {
  const acrOk = typeof claims.acr === 'string' && settings.strongAcr.includes(claims.acr);
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  return acrOk || amr.some((v) => settings.strongAmr.includes(v));
}

export function oidcProvider(db: Database, settings: OidcSettings, log?: Logger): OidcProvider {
  const plainHttp = settings.issuer.protocol === 'http:';
  // Discovery once, on first use (not at start-up: the provider may be down then); retried after a failure.
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () =>
    (discovered ??= client
      .discovery(settings.issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), {
        execute: plainHttp ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      }));

  async function claimOf(config: client.Configuration, tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers) {
    const claims = tokens.claims();
    if (!claims) return { value: undefined, claims: undefined };
    let value: unknown = claims[settings.subjectClaim];
    let verified: unknown = claims.email_verified;
    if (value === undefined && settings.subjectClaim !== 'sub' && tokens.access_token) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      value = info[settings.subjectClaim];
      verified = info.email_verified;
    }
    // An e-mail the provider says it has not verified names nobody.
    if (settings.subjectClaim === 'email' && verified === false) value = undefined;
    return { value: typeof value === 'string' && value.length > 0 && value.length <= 320 ? value : undefined, claims };
  }

  async function authorizationUrl(extra: Record<string, string>) {
    const config = await configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const transaction = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri.href,
      scope: settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
      ...(settings.strongAcr.length > 0 ? { acr_values: settings.strongAcr.join(' ') } : {}),
      ...extra,
    });
    return { url, transaction };
  }

  async function answer(callbackUrl: URL, transaction: OidcTransaction): Promise<OidcAnswer | null> {
    try {
      const config = await configuration();
      // The answer is read as if it came to the registered address (a proxy may show another host here).
      const current = new URL(settings.redirectUri.href);
      current.search = callbackUrl.search;
      const tokens = await client.authorizationCodeGrant(
        config,
        current,
        { pkceCodeVerifier: transaction.codeVerifier, expectedState: transaction.state, expectedNonce: transaction.nonce, idTokenExpected: true },
      );
      const found = await claimOf(config, tokens);
      if (!found.claims || !tokens.id_token) return null;
      return { value: found.value, claims: found.claims as Record<string, unknown>, idToken: tokens.id_token };
    } catch (error) {
      // A wrong state or nonce, a bad signature, an error answer or an unreachable provider: all a refusal.
      log?.warn('login.oidc.refused', { error: (error as { code?: string; name?: string })?.code ?? (error as Error)?.name });
      return null;
    }
  }

  return {
    id: 'oidc',
    kind: 'redirect',
    settings,
    begin: () => authorizationUrl({}),
    // max_age=0 makes the provider ask again even within its own session, and report auth_time (checked by the
    // caller against the request's start); prompt=login says the same for providers that read only that.
    beginReauthentication: () => authorizationUrl({ prompt: 'login', max_age: '0' }),
    answer,
    async complete(callbackUrl, transaction, requestId) {
      const refuse = async (userId?: string) => {
        await auditRefusedLogin(db, { portal: 'staff', provider: 'oidc', requestId, userId });
        return null;
      };
      const found = await answer(callbackUrl, transaction);
      if (!found?.value) return refuse();
      const user =
        settings.subjectClaim === 'email'
          ? await findUserByEmail(db, found.value.toLowerCase())
          : await findUserByExternalSubject(db, found.value);
      if (!user || user.disabledAt || user.kind !== 'staff') return refuse(user?.id);
      const { passwordHash: _hash, ...account } = user as typeof user & { passwordHash?: string };
      return { user: account, strongFactor: isStrongSignIn(settings, found.claims), idToken: found.idToken } satisfies AuthenticatedAccount;
    },
    async logoutUrl(idToken) {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: settings.postLogoutRedirectUri.href,
      });
    },
  };
}
