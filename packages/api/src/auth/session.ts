// Turns a cookie token into the signed-in user, or null when the session is unknown, idle too long,
// past its absolute lifetime, or the account is disabled.
import { findActiveSession, findRecentlyExpiredSession, touchSession, type Database } from '@utvag/db';
import type { SessionUser } from '../context.ts';
import { idleSince, type SessionPolicy } from './session-policy.ts';
import { sessionIdOf } from './tokens.ts';

/** Writing lastSeenAt on every request would turn each read into a write; a minute's precision is plenty. */
const touchEveryMs = 60_000;

export async function resolveSession(
  db: Database,
  token: string | undefined,
  policy: SessionPolicy,
): Promise<{ sessionId: string; user: SessionUser; mfaPending: boolean } | null> {
  if (!token) return null;
  const id = sessionIdOf(token);
  const now = new Date();
  const row = await findActiveSession(db, id, idleSince(policy, now));
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) await touchSession(db, id);
  const user = { ...row.user, organisationType: row.organisationType } as SessionUser;
  return { sessionId: id, user, mfaPending: row.mfaVerifiedAt === null };
}

/**
 * The user of a session that ended by time within the last `absoluteHours`, for keeping what they were
 * writing as a draft (issue 4: an expired session never loses a partner's work). Null for anything else.
 */
export async function expiredSessionUser(
  db: Database,
  token: string | undefined,
  policy: SessionPolicy,
): Promise<SessionUser | null> {
  if (!token) return null;
  const id = sessionIdOf(token);
  // A live session is not an expired one (this path is only taken when resolveSession found none).
  if (await findActiveSession(db, id, idleSince(policy))) return null;
  const usedSince = new Date(Date.now() - policy.absoluteHours * 3_600_000);
  const row = await findRecentlyExpiredSession(db, id, usedSince);
  return row ? ({ ...row.user, organisationType: row.organisationType } as SessionUser) : null;
}
