// Step-up (issue 3): the second factor entered again before revealing a protected identity or exporting
// person-level data. It holds for `stepUpValidMinutes` (packages/domain), and, as a rise in privilege, gives the
// session a new id. Demo accounts in demo mode, which have no factor, step up without a code.
import { findSessionStepUp, insertAuditEntry, rotateSessionAfterStepUp, type Database } from '@utvag/db';
import { isStepUpFresh } from '@utvag/domain';
import type { Context, SessionUser } from '../context.ts';
import { AppError } from '../errors.ts';
import type { LoginLimits } from './login-limits.ts';
import { acceptFactorCode, acceptProof, factorKey, hasConfirmedTotp, hasSecondFactor, type FactorProof } from './mfa.ts';
import { passkeyRefused } from './passkeys.ts';
import type { SecretBox } from './secret-box.ts';
import { newSessionToken, sessionIdOf } from './tokens.ts';

export const stepUpRequired = () => new AppError('PRECONDITION_FAILED', 'security.stepUp.required');

/**
 * Verifies the second factor again for a signed-in session: a TOTP code, a recovery code (used up, like at
 * login) or a passkey, and returns the session's new cookie token.
 */
export async function stepUp(
  db: Database,
  box: SecretBox,
  input: FactorProof & { token: string; user: SessionUser; code: string; demo: boolean; requestId: string; limits?: LoginLimits },
): Promise<string> {
  const { user, limits } = input;
  // The same per-account counter as the login's second step: a stolen session could otherwise guess the six digits
  // here without end, and the two steps together still allow only five failures in 15 minutes.
  if (limits && (await limits.account.retryAfterMs(factorKey(user.id))) > 0) throw new AppError('TOO_MANY_REQUESTS', 'error.rateLimited');
  const usesPasskey = input.passkey !== undefined;
  const withoutFactor = !usesPasskey && input.demo && user.isDemo && !(await hasSecondFactor(db, user.id));
  let credentialId: string | null = null;
  let ok = withoutFactor;
  if (usesPasskey) {
    credentialId = await acceptProof(db, { ...input, userId: user.id }, sessionIdOf(input.token), 'stepUp');
    ok = credentialId !== null;
  } else if (!ok) {
    // A TOTP code only from a confirmed app (an enrolment never finished proves nothing); a recovery code from any
    // user with a factor (a passkey-only user got them with the first passkey).
    const app = await hasConfirmedTotp(db, user.id);
    ok = (app || (await hasSecondFactor(db, user.id))) && (await acceptFactorCode(db, box, user.id, input.code, app));
  }
  await insertAuditEntry(db, {
    userId: user.id,
    role: user.role,
    municipalityId: user.municipalityId,
    organisationId: user.organisationId,
    action: 'session.stepUp',
    ...(usesPasskey ? { recordType: 'webauthn_credential', recordId: credentialId } : { recordType: 'session' }),
    outcome: ok ? 'allowed' : 'denied',
    requestId: input.requestId,
  });
  if (!ok) {
    await limits?.account.recordFailure(factorKey(user.id));
    throw usesPasskey ? passkeyRefused() : new AppError('BAD_REQUEST', 'auth.mfa.invalidCode', { code: { key: 'auth.mfa.invalidCode' } });
  }
  await limits?.account.reset(factorKey(user.id));
  const token = newSessionToken();
  if (!(await rotateSessionAfterStepUp(db, user.id, sessionIdOf(input.token), sessionIdOf(token)))) {
    throw new AppError('UNAUTHORIZED', 'error.unauthorized');
  }
  return token;
}

/** Whether the request's session stepped up within the last few minutes. */
export async function hasFreshStepUp(ctx: Pick<Context, 'db' | 'sessionId'> & { user: SessionUser }) {
  if (!ctx.sessionId) return false;
  const row = await findSessionStepUp(ctx.db, ctx.sessionId);
  return Boolean(row && row.userId === ctx.user.id && isStepUpFresh(row.stepUpAt));
}
