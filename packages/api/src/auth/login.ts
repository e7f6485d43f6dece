// Password login for both portals. Unknown account, wrong password, disabled account and the wrong portal
// all get the same answer after the same work (a full argon2 verification), so none can be told apart.
import {
  deleteSession,
  dummyPasswordHash,
  findUserByEmail,
  insertAuditEntry,
  insertSession,
  verifyPassword,
  type Database,
} from '@utvag/db';
import { loginInputSchema } from '@utvag/domain';
import { AppError } from '../errors.ts';
import type { LoginLimits } from './login-limits.ts';
import { browserFamily } from './browser-family.ts';
import { hasConfirmedTotp } from './mfa.ts';
import { absoluteExpiry, type SessionPolicy } from './session-policy.ts';
import { newSessionToken, sessionIdOf } from './tokens.ts';

export type Portal = 'staff' | 'partner';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
  locale: string;
  /** The session is password-only until the second factor is verified (or enrolled). */
  mfaRequired: boolean;
}

export async function logIn(
  db: Database,
  input: {
    email: unknown;
    password: unknown;
    portal: Portal;
    requestId: string;
    policy: SessionPolicy;
    limits: LoginLimits;
    address: string;
    /** Demo mode: only then may the fictional demo accounts skip the second factor. */
    demo: boolean;
    /** Kept only as a browser family for the sessions page. */
    userAgent?: string | null;
  },
): Promise<LoginResult | null> {
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
    await insertAuditEntry(db, {
      userId: user?.id ?? null,
      action: `session.login.${input.portal}`,
      recordType: 'session',
      outcome: 'denied',
      requestId: input.requestId,
    });
    return null;
  }
  await limits.account.reset(accountKey);
  const mfaRequired = await needsSecondFactor(db, user, input.demo);
  const token = newSessionToken();
  const expiresAt = absoluteExpiry(input.policy);
  await db.transaction(async (tx) => {
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId: user.id,
      expiresAt,
      mfaVerifiedAt: mfaRequired ? null : new Date(),
      browser: browserFamily(input.userAgent),
    });
    await insertAuditEntry(tx, {
      userId: user.id,
      role: user.role,
      municipalityId: user.municipalityId,
      organisationId: user.organisationId,
      action: `session.login.${input.portal}`,
      recordType: 'session',
      requestId: input.requestId,
    });
  });
  return { token, expiresAt, userId: user.id, locale: user.locale, mfaRequired };
}

/**
 * Every staff account needs a second factor; a partner needs one when its organisation requires it or the
 * partner has enrolled one. Only demo accounts in demo mode skip it, so the demo stays easy to try.
 */
async function needsSecondFactor(
  db: Database,
  user: { id: string; kind: string; isDemo: boolean; organisationRequiresMfa: boolean | null },
  demo: boolean,
) {
  if (user.isDemo && demo) return false;
  if (user.kind === 'staff' || user.organisationRequiresMfa) return true;
  return hasConfirmedTotp(db, user.id);
}

export async function logOut(db: Database, token: string) {
  await deleteSession(db, sessionIdOf(token));
}
