// Turns a cookie token into the signed-in user, or null when the session is unknown, idle too long,
// past its absolute lifetime, or the account is disabled.
import { findActiveSession, touchSession, type Database } from '@utvag/db';
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
