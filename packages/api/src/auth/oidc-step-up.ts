// Step-up at the identity provider (issue 3): a staff member who signs in with e-legitimation confirms a
// protected-identity reveal or a person-level export by signing in there again, instead of (or, with TOTP, as well
// as) a code. The request asks for a fresh sign-in (`prompt=login`, `max_age=0`, the strong acr); its state, nonce
// and PKCE verifier, the action and the start time are kept sealed on the session row itself, taken once on the
// return: so the answer is bound to this session and action, and a replayed one finds nothing. The answer counts
// only when it is strong (acr/amr as at login), names the same account, and its auth_time is after the request.
// Then the session steps up exactly as with a TOTP code (new id, `session.stepUp` on record).
import {
  findExternalSubject,
  insertAuditEntry,
  rotateSessionAfterStepUp,
  setSessionOidcStepUp,
  takeSessionOidcStepUp,
  type Database,
} from '@utvag/db';
import type { SessionUser } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { isAllowed, needsStepUp, type Action } from '../permissions.ts';
import { isStrongSignIn, type OidcProvider, type OidcTransaction } from './oidc.ts';
import type { SecretBox } from './secret-box.ts';
import { newSessionToken, sessionIdOf } from './tokens.ts';

/** As long as the login's state cookie lives: a step-up left at the provider longer must be started again. */
const pendingMs = 600_000;
/** The provider's clock may differ from ours by a little; auth_time is in whole seconds. */
const clockToleranceSeconds = 5;

interface Pending extends OidcTransaction {
  action: Action;
  returnTo: string;
  requestedAt: number;
}

export type StepUpRefusal = 'none' | 'expired' | 'answer' | 'weak' | 'subject' | 'stale';

/** A refused step-up at the provider: one message for the user, the reason for the log and the tests. */
export class OidcStepUpRefused extends AppError {
  constructor(
    readonly reason: StepUpRefusal,
    /** The page the step-up was for, when the refused answer belonged to a pending step-up. */
    readonly returnTo?: string,
  ) {
    super('BAD_REQUEST', 'authProviders.stepUp.oidcFailed');
  }
}

/**
 * Whether this user can step up at the provider: only when the provider's sign-in counts as the second factor
 * (OIDC_MFA_ACR/AMR set: a password at the provider alone is no step-up) and it names the account.
 */
export async function canStepUpAtProvider(db: Database, oidc: OidcProvider | null, user: SessionUser) {
  if (!oidc || user.kind !== 'staff') return false;
  if (oidc.settings.strongAcr.length + oidc.settings.strongAmr.length === 0) return false;
  return oidc.settings.subjectClaim === 'email' || (await findExternalSubject(db, user.id)) !== null;
}

/** Where the step-up leads back: a path of this portal only (as `safeRedirectPath` for logins). */
const localPath = (value: string) => (/^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : '/');

export async function beginOidcStepUp(
  db: Database,
  box: SecretBox,
  oidc: OidcProvider | null,
  input: { token: string; user: SessionUser; action: string; returnTo: string },
): Promise<URL> {
  const action = input.action as Action;
  if (!(typeof input.action === 'string' && needsStepUp(action))) throw new AppError('BAD_REQUEST', 'error.badRequest');
  if (!isAllowed(input.user.role, action) || !(await canStepUpAtProvider(db, oidc, input.user))) {
    throw new AppError('FORBIDDEN', 'error.forbidden');
  }
  const { url, transaction } = await oidc!.beginReauthentication();
  const pending: Pending = { ...transaction, action, returnTo: localPath(input.returnTo), requestedAt: Date.now() };
  if (!(await setSessionOidcStepUp(db, sessionIdOf(input.token), input.user.id, box.seal(JSON.stringify(pending))))) {
    throw new AppError('UNAUTHORIZED', 'error.unauthorized');
  }
  return url;
}

/**
 * The provider's answer to a step-up: on success the session's new cookie token and where to go back. Every
 * refusal is on record (`session.stepUp`, denied) and throws, with the reason for the log only.
 */
export async function completeOidcStepUp(
  db: Database,
  box: SecretBox,
  oidc: OidcProvider,
  input: { token: string; user: SessionUser; callbackUrl: URL; requestId: string; log?: Logger },
): Promise<{ token: string; returnTo: string; action: Action }> {
  const { user } = input;
  const audit = (outcome: 'allowed' | 'denied') =>
    insertAuditEntry(db, {
      userId: user.id,
      role: user.role,
      municipalityId: user.municipalityId,
      organisationId: user.organisationId,
      action: 'session.stepUp',
      recordType: 'session',
      recordId: oidc.id,
      outcome,
      requestId: input.requestId,
    });
  let pending: Pending | null = null;
  const refuse = async (reason: StepUpRefusal): Promise<never> => {
    input.log?.warn('session.stepUp.oidc.refused', { reason });
    await audit('denied');
    throw new OidcStepUpRefused(reason, pending?.returnTo);
  };
  const sessionId = sessionIdOf(input.token);
  const sealed = await takeSessionOidcStepUp(db, sessionId, user.id);
  try {
    pending = sealed ? (JSON.parse(box.open(sealed)) as Pending) : null;
  } catch {
    pending = null;
  }
  if (!pending) return refuse('none');
  if (Date.now() - pending.requestedAt > pendingMs) return refuse('expired');
  const answer = await oidc.answer(input.callbackUrl, pending);
  if (!answer?.value) return refuse('answer');
  if (!isStrongSignIn(oidc.settings, answer.claims)) return refuse('weak');
  const same =
    oidc.settings.subjectClaim === 'email'
      ? answer.value.toLowerCase() === user.email.toLowerCase()
      : answer.value === (await findExternalSubject(db, user.id));
  if (!same) return refuse('subject');
  const authTime = answer.claims.auth_time;
  const nowSeconds = Date.now() / 1000;
  const fresh =
    typeof authTime === 'number' &&
    authTime >= Math.floor(pending.requestedAt / 1000) - clockToleranceSeconds &&
    authTime <= nowSeconds + clockToleranceSeconds;
  if (!fresh) return refuse('stale');
  await audit('allowed');
  const token = newSessionToken();
  if (!(await rotateSessionAfterStepUp(db, user.id, sessionId, sessionIdOf(token), box.seal(answer.idToken)))) {
    throw new AppError('UNAUTHORIZED', 'error.unauthorized');
  }
  return { token, returnTo: pending.returnTo, action: pending.action };
}
