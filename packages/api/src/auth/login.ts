// Password login for both portals: the e-mail-and-password provider, and `logIn`, the form's whole login.
// Unknown account, wrong password, disabled account and the wrong portal all get the same answer after the same
// work (a full argon2 verification), so none can be told apart.
import { dummyPasswordHash, deleteSessionTakingIdToken, findUserByEmail, verifyPassword, type Database } from '@utvag/db';
import { loginInputSchema } from '@utvag/domain';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { LoginLimits } from './login-limits.ts';
import {
  auditRefusedLogin,
  startSession,
  type CredentialsLoginProvider,
  type LoginResult,
  type Portal,
  type SessionStart,
} from './login-provider.ts';
import type { OidcProvider } from './oidc.ts';
import type { SecretBox } from './secret-box.ts';
import type { SessionPolicy } from './session-policy.ts';
import { sessionIdOf } from './tokens.ts';

export type { LoginResult, Portal } from './login-provider.ts';

export interface PasswordInput {
  email: unknown;
  password: unknown;
  portal: Portal;
  requestId: string;
  limits: LoginLimits;
  address: string;
}

/** E-mail and password, throttled per account and per address. The first factor only (a TOTP code follows). */
export function passwordProvider(db: Database): CredentialsLoginProvider<PasswordInput> {
  return {
    id: 'password',
    kind: 'credentials',
    async authenticate(input) {
      const parsed = loginInputSchema.safeParse({ email: input.email, password: input.password });
      if (!parsed.success) throw new AppError('BAD_REQUEST', 'auth.failed');
      const { limits, address } = input;
      const accountKey = `${input.portal}:${parsed.data.email}`;
      const wait = Math.max(await limits.account.retryAfterMs(accountKey), await limits.address.retryAfterMs(address));
      if (wait > 0) throw new AppError('TOO_MANY_REQUESTS', 'error.rateLimited');
      const user = await findUserByEmail(db, parsed.data.email);
      const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
      const allowed = Boolean(user && passwordOk && !user.disabledAt && user.kind === input.portal);
      if (!user || !allowed) {
        await Promise.all([limits.account.recordFailure(accountKey), limits.address.recordFailure(address)]);
        // No e-mail on record: a typo in a login form is not something to keep. The user id is kept when known,
        // so a review can spot guessing against one account.
        await auditRefusedLogin(db, { portal: input.portal, provider: 'password', requestId: input.requestId, userId: user?.id });
        return null;
      }
      await limits.account.reset(accountKey);
      const { passwordHash: _hash, ...account } = user;
      return { user: account, strongFactor: false };
    },
  };
}

export async function logIn(
  db: Database,
  input: PasswordInput & {
    policy: SessionPolicy;
    /** Demo mode: only then may the fictional demo accounts skip the second factor. */
    demo: boolean;
    /** Kept only as a browser family for the sessions page. */
    userAgent?: string | null;
  },
): Promise<LoginResult | null> {
  const provider = passwordProvider(db);
  const account = await provider.authenticate(input);
  if (!account) return null;
  const start: SessionStart = { portal: input.portal, provider: provider.id, requestId: input.requestId, policy: input.policy, demo: input.demo, userAgent: input.userAgent };
  return startSession(db, account, start);
}

/**
 * Ends the session here, always and first; then, for a session that began at an identity provider (OpenID
 * Connect), answers where to end it there (RP-initiated logout: the end-session endpoint with the id_token as
 * hint), or null: no provider session, no end-session endpoint, or the provider unreachable. The session is gone
 * whether or not the browser ever reaches the provider or comes back.
 */
export async function logOut(
  db: Database,
  token: string,
  at?: { oidc: OidcProvider | null; box: SecretBox; log?: Logger },
): Promise<URL | null> {
  const sealed = await deleteSessionTakingIdToken(db, sessionIdOf(token));
  if (!sealed || !at?.oidc) return null;
  try {
    return await at.oidc.logoutUrl(at.box.open(sealed));
  } catch (error) {
    at.log?.warn('logout.oidc.unavailable', { error: (error as Error)?.name });
    return null;
  }
}
