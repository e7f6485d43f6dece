// Pluggable login (issue 3): a provider proves who is signing in, and `startSession` turns that into a session
// the same way for every provider. Two kinds exist: a credentials provider answers a posted form at once (e-mail
// and password, `passwordProvider` in login.ts); a redirect provider sends the browser to an identity provider
// and finishes when it comes back (OpenID Connect, oidc.ts). Either answers null for every refusal (unknown,
// disabled, wrong portal, wrong secret), so callers give one generic answer and learn nothing about accounts.
import { insertAuditEntry, insertSession, type Database, type findUserByExternalSubject } from '@utvag/db';
import { browserFamily } from './browser-family.ts';
import { hasSecondFactor } from './mfa.ts';
import type { SecretBox } from './secret-box.ts';
import { absoluteExpiry, type SessionPolicy } from './session-policy.ts';
import { newSessionToken, sessionIdOf } from './tokens.ts';

export type Portal = 'staff' | 'partner';

/** An account a provider vouched for. */
export interface AuthenticatedAccount {
  user: NonNullable<Awaited<ReturnType<typeof findUserByExternalSubject>>>;
  /** The provider itself verified a strong (multi-factor) sign-in, so no second factor is asked here. */
  strongFactor: boolean;
  /** The raw id_token of an identity provider's sign-in, kept sealed on the session for the logout hint there. */
  idToken?: string;
}

export interface LoginProvider {
  /** Recorded in the audit entry of the login (`session.login.<portal>`, recordType `session`, recordId). */
  readonly id: string;
  readonly kind: 'credentials' | 'redirect';
}

export interface CredentialsLoginProvider<Input> extends LoginProvider {
  readonly kind: 'credentials';
  authenticate(input: Input): Promise<AuthenticatedAccount | null>;
}

export interface RedirectLoginProvider<Transaction> extends LoginProvider {
  readonly kind: 'redirect';
  /** Where to send the browser, and what to keep (sealed, in a short-lived cookie) until it comes back. */
  begin(): Promise<{ url: URL; transaction: Transaction }>;
  /** The browser came back to `callbackUrl`: checks it against the kept transaction. */
  complete(callbackUrl: URL, transaction: Transaction, requestId: string): Promise<AuthenticatedAccount | null>;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
  locale: string;
  /** The session is first-factor-only until the second factor is verified (or enrolled). */
  mfaRequired: boolean;
}

export interface SessionStart {
  portal: Portal;
  provider: string;
  requestId: string;
  policy: SessionPolicy;
  /** Demo mode: only then may the fictional demo accounts skip the second factor. */
  demo: boolean;
  userAgent?: string | null;
  /** Seals the provider's id_token for the session row (required to keep one). */
  box?: SecretBox;
}

/** A refused login, on record without anything the user typed (no e-mail): the user id only when known. */
export async function auditRefusedLogin(db: Database, input: { portal: Portal; provider: string; requestId: string; userId?: string | null }) {
  await insertAuditEntry(db, {
    userId: input.userId ?? null,
    action: `session.login.${input.portal}`,
    recordType: 'session',
    recordId: input.provider,
    outcome: 'denied',
    requestId: input.requestId,
  });
}

/** A new session (new id) for the account, pending the second factor unless none is needed; audited. */
export async function startSession(db: Database, account: AuthenticatedAccount, input: SessionStart): Promise<LoginResult> {
  const { user } = account;
  const mfaRequired = !account.strongFactor && (await needsSecondFactor(db, user, input.demo));
  const token = newSessionToken();
  const expiresAt = absoluteExpiry(input.policy);
  await db.transaction(async (tx) => {
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId: user.id,
      expiresAt,
      mfaVerifiedAt: mfaRequired ? null : new Date(),
      browser: browserFamily(input.userAgent),
      oidcIdToken: account.idToken && input.box ? input.box.seal(account.idToken) : null,
    });
    await insertAuditEntry(tx, {
      userId: user.id,
      role: user.role,
      municipalityId: user.municipalityId,
      organisationId: user.organisationId,
      action: `session.login.${input.portal}`,
      recordType: 'session',
      recordId: input.provider,
      requestId: input.requestId,
    });
  });
  return { token, expiresAt, userId: user.id, locale: user.locale, mfaRequired };
}

/**
 * Every staff account needs a second factor; a partner needs one when its organisation requires it or the
 * partner has enrolled one (an authenticator app or a passkey). Only demo accounts in demo mode skip it, so the demo stays easy to try.
 */
async function needsSecondFactor(
  db: Database,
  user: { id: string; kind: string; isDemo: boolean; organisationRequiresMfa: boolean | null },
  demo: boolean,
) {
  if (user.isDemo && demo) return false;
  if (user.kind === 'staff' || user.organisationRequiresMfa) return true;
  return hasSecondFactor(db, user.id);
}
