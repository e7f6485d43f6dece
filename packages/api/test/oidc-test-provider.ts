// A local OpenID Connect provider for the tests (oidc-provider, in-process on a random port). Its login step
// signs in whoever `next` names, with the `acr`/`amr` given, and consent is implied, so a test drives the whole
// authorization code flow over HTTP without a browser.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';

export interface TestLogin {
  sub: string;
  email?: string;
  acr?: string;
  amr?: string[];
  /** The sign-in's time (epoch seconds) as the provider reports it (auth_time); default now. */
  authTime?: number;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Registered as the client's post-logout redirect URI: /login on the redirect URI's origin. */
  postLogoutRedirectUri: string;
  /** Who the next login step signs in. */
  next: TestLogin;
  /** Follows the authorization request through login to the redirect back; returns that URL (code and state). */
  authorize(url: URL): Promise<URL>;
  stop(): Promise<void>;
}

export async function startTestProvider(
  redirectUri = 'http://127.0.0.1:5999/login/e-legitimation/retur',
  options: { endSession?: boolean } = {},
): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jwk = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' };
  const emails = new Map<string, string | undefined>();
  const clientId = 'utvag-staff';
  const clientSecret = 'a-test-client-secret-of-some-length';
  const postLogoutRedirectUri = new URL('/login', redirectUri).href;
  const state: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    postLogoutRedirectUri,
    next: { sub: 'nobody' },
    authorize,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-test-cookie-key'] },
    // amr in the openid scope, as municipal providers send it (oidc-provider leaves it out unless asked for).
    claims: { acr: null, auth_time: null, sid: null, openid: ['sub', 'amr'], email: ['email', 'email_verified'] },
    acrValues: ['loa2', 'loa3'],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: options.endSession ?? true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, ...(emails.get(sub) ? { email: emails.get(sub), email_verified: true } : {}) }),
    }),
    // Consent is implied: the municipality's provider has registered Utväg as its own application.
    async loadExistingGrant(ctx: { oidc: { client: { clientId: string }; session: { accountId: string } ; provider: { Grant: new (o: object) => { addOIDCScope(s: string): void; save(): Promise<string> } } } }) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email');
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', () => {});
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      const { sub, email, acr, amr, authTime } = state.next;
      emails.set(sub, email);
      const login = { accountId: sub, ...(acr ? { acr } : {}), ...(amr ? { amr } : {}), ...(authTime ? { ts: authTime } : {}) };
      void provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  });

  /** A cookie jar good enough for one provider on one host. */
  async function authorize(start: URL) {
    const jar = new Map<string, string>();
    let url = start;
    for (let hop = 0; hop < 10; hop++) {
      if (url.href.startsWith(redirectUri)) return url;
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        jar.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`the test provider stopped at ${res.status}: ${await res.text()}`);
      url = new URL(location, url);
    }
    throw new Error('too many redirects');
  }
  return state;
}
