// Second factors: the TOTP factor, recovery codes, and the session's MFA state. Every "use" is a single
// conditional UPDATE, so a code can be accepted once only, even by two requests racing each other.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { mfaFactor, recoveryCode, session } from '../schema/index.ts';

export async function findTotpFactor(db: Executor, userId: string) {
  const [row] = await db
    .select()
    .from(mfaFactor)
    .where(and(eq(mfaFactor.userId, userId), eq(mfaFactor.kind, 'totp')));
  return row;
}

/** Starts (or restarts) enrolment with a new secret; a confirmed factor is never replaced this way. */
export async function saveUnconfirmedTotp(db: Executor, userId: string, secretCiphertext: string) {
  await db
    .insert(mfaFactor)
    .values({ userId, kind: 'totp', secretCiphertext })
    .onConflictDoUpdate({
      target: [mfaFactor.userId, mfaFactor.kind],
      set: { secretCiphertext, lastUsedStep: null, createdAt: new Date() },
      setWhere: isNull(mfaFactor.confirmedAt),
    });
}

/** Records `step` as used; false when it (or a later step) was used already: a replayed code. */
export async function useTotpStep(db: Executor, factorId: string, step: number) {
  const rows = await db
    .update(mfaFactor)
    .set({ lastUsedStep: step, confirmedAt: sql`coalesce(${mfaFactor.confirmedAt}, now())` })
    .where(and(eq(mfaFactor.id, factorId), or(isNull(mfaFactor.lastUsedStep), lt(mfaFactor.lastUsedStep, step))))
    .returning({ id: mfaFactor.id });
  return rows.length === 1;
}

export async function replaceRecoveryCodes(db: Executor, userId: string, codeHashes: string[]) {
  await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
  await db.insert(recoveryCode).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export async function useRecoveryCode(db: Executor, userId: string, codeHash: string) {
  const rows = await db
    .update(recoveryCode)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCode.userId, userId), eq(recoveryCode.codeHash, codeHash), isNull(recoveryCode.usedAt)))
    .returning({ id: recoveryCode.id });
  return rows.length === 1;
}

/** Marks the second factor verified and gives the session a new id (rotation at a change of privilege). */
export async function rotateSessionAfterMfa(db: Executor, oldId: string, newId: string) {
  const rows = await db
    .update(session)
    .set({ id: newId, mfaVerifiedAt: new Date(), lastSeenAt: new Date() })
    .where(eq(session.id, oldId))
    .returning({ id: session.id });
  return rows.length === 1;
}
