// Passkeys (WebAuthn): credentials and their pending challenges. Taking a challenge deletes it in the same
// statement, and a counter only moves forward in one conditional UPDATE, so two racing requests cannot both use
// the same challenge or the same signature.
import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { webauthnChallenge, webauthnCredential } from '../schema/index.ts';

export type ChallengePurpose = 'register' | 'login' | 'stepUp';

export async function saveWebauthnChallenge(
  db: Executor,
  input: { sessionId: string; userId: string; purpose: ChallengePurpose; challenge: string; expiresAt: Date },
) {
  // Expired challenges of anyone go on the way (they are never valid again), and so does an earlier challenge of
  // this session for the same purpose: one pending ceremony per session and purpose, however often it is asked.
  await db
    .delete(webauthnChallenge)
    .where(
      or(
        lt(webauthnChallenge.expiresAt, sql`now()`),
        and(eq(webauthnChallenge.sessionId, input.sessionId), eq(webauthnChallenge.purpose, input.purpose)),
      ),
    );
  await db.insert(webauthnChallenge).values(input);
}

/**
 * Takes (deletes) every challenge the session holds for the purpose and returns those still valid: an answer is
 * checked against them, and whatever happens none can be answered again.
 */
export async function takeWebauthnChallenges(db: Executor, sessionId: string, userId: string, purpose: ChallengePurpose) {
  const rows = await db
    .delete(webauthnChallenge)
    .where(and(eq(webauthnChallenge.sessionId, sessionId), eq(webauthnChallenge.userId, userId), eq(webauthnChallenge.purpose, purpose)))
    .returning({ challenge: webauthnChallenge.challenge, expiresAt: webauthnChallenge.expiresAt });
  const now = Date.now();
  return rows.filter((r) => r.expiresAt.getTime() > now).map((r) => r.challenge);
}

export async function insertWebauthnCredential(
  db: Executor,
  input: { userId: string; credentialId: string; publicKey: string; signCount: number; transports: string[]; label: string },
) {
  const [row] = await db.insert(webauthnCredential).values(input).returning({ id: webauthnCredential.id });
  return row!;
}

/** The user's passkeys for the account page, oldest first (no key material). */
export async function listWebauthnCredentials(db: Executor, userId: string) {
  return db
    .select({
      id: webauthnCredential.id,
      label: webauthnCredential.label,
      createdAt: webauthnCredential.createdAt,
      lastUsedAt: webauthnCredential.lastUsedAt,
    })
    .from(webauthnCredential)
    .where(eq(webauthnCredential.userId, userId))
    .orderBy(asc(webauthnCredential.createdAt));
}

/** What the ceremonies need: credential ids (to list as allowed) and, for checking, the keys and counters. */
export async function findWebauthnCredentialsOfUser(db: Executor, userId: string) {
  return db.select().from(webauthnCredential).where(eq(webauthnCredential.userId, userId));
}

export async function countWebauthnCredentials(db: Executor, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webauthnCredential)
    .where(eq(webauthnCredential.userId, userId));
  return row?.n ?? 0;
}

/**
 * Records a use: the new counter and the time. False when the stored counter already reached it (a cloned
 * authenticator or a replayed signature); an authenticator that does not count (0 and 0) passes.
 */
export async function recordWebauthnUse(db: Executor, id: string, signCount: number) {
  const rows = await db
    .update(webauthnCredential)
    .set({ signCount, lastUsedAt: new Date() })
    .where(
      and(
        eq(webauthnCredential.id, id),
        signCount === 0 ? eq(webauthnCredential.signCount, 0) : lt(webauthnCredential.signCount, signCount),
      ),
    )
    .returning({ id: webauthnCredential.id });
  return rows.length === 1;
}

/** Removes one of the user's own passkeys; another user's id matches nothing. */
export async function deleteWebauthnCredential(db: Executor, userId: string, id: string) {
  const rows = await db
    .delete(webauthnCredential)
    .where(and(eq(webauthnCredential.userId, userId), eq(webauthnCredential.id, id)))
    .returning({ id: webauthnCredential.id, label: webauthnCredential.label });
  return rows[0] ?? null;
}

