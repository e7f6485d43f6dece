import { and, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { runPrepared } from '../prepared.ts';
import { appUser, organisation, session } from '../schema/index.ts';
import { sessionUserColumns } from './users.ts';

export async function insertSession(
  db: Executor,
  row: { id: string; userId: string; expiresAt: Date; mfaVerifiedAt: Date | null; browser?: string | null; oidcIdToken?: string | null },
) {
  await db.insert(session).values(row);
}

/**
 * The session and its user, when the session is within its absolute lifetime, has been used within the
 * idle limit, and the account is not disabled. Anything else counts as no session.
 */
export async function findActiveSession(db: Executor, id: string, idleSince: Date) {
  // Every request of a signed-in user runs this: built once (runPrepared), the values as placeholders.
  const p = sql.placeholder;
  const [row] = await runPrepared(
    db,
    'session:active',
    (db) => sessionQuery(db, and(eq(session.id, p('id')), gt(session.expiresAt, p('now')), gt(session.lastSeenAt, p('idleSince')))),
    // Placeholder values skip Drizzle's column encoders: timestamps as ISO text (prepared.ts).
    { id, now: new Date().toISOString(), idleSince: idleSince.toISOString() },
  );
  return row;
}

/**
 * A session that has ended by time (idle or absolute) but was fully signed in and was used after `usedSince`:
 * its token still proves who was writing, so their unsent form can be kept as a draft until they sign in again.
 */
export async function findRecentlyExpiredSession(db: Executor, id: string, usedSince: Date) {
  return findSessionWhere(db, and(eq(session.id, id), gt(session.lastSeenAt, usedSince), isNotNull(session.mfaVerifiedAt)));
}

async function findSessionWhere(db: Executor, where: SQL | undefined) {
  const [row] = await sessionQuery(db, where);
  return row;
}

function sessionQuery(db: Executor, where: SQL | undefined) {
  return db
    .select({
      sessionId: session.id,
      expiresAt: session.expiresAt,
      lastSeenAt: session.lastSeenAt,
      mfaVerifiedAt: session.mfaVerifiedAt,
      user: sessionUserColumns,
      organisationType: organisation.type,
    })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
    // A disabled account's sessions end at once.
    .where(and(where, isNull(appUser.disabledAt)));
}

export async function touchSession(db: Executor, id: string) {
  await db.update(session).set({ lastSeenAt: new Date() }).where(eq(session.id, id));
}

export async function deleteSession(db: Executor, id: string) {
  await db.delete(session).where(eq(session.id, id));
}

/** Ends the session and hands back its sealed id_token (null when it did not start at an identity provider). */
export async function deleteSessionTakingIdToken(db: Executor, id: string) {
  const [row] = await db.delete(session).where(eq(session.id, id)).returning({ oidcIdToken: session.oidcIdToken });
  return row?.oidcIdToken ?? null;
}

/** Keeps a step-up at the identity provider pending on the session (sealed); a newer one replaces it. */
export async function setSessionOidcStepUp(db: Executor, id: string, userId: string, sealed: string) {
  const rows = await db
    .update(session)
    .set({ oidcStepUp: sealed })
    .where(and(eq(session.id, id), eq(session.userId, userId)))
    .returning({ id: session.id });
  return rows.length === 1;
}

/**
 * Takes the pending step-up of the session: read and cleared in one statement (the row is locked by the update),
 * so two returns with the same answer cannot both find it.
 */
export async function takeSessionOidcStepUp(db: Executor, id: string, userId: string): Promise<string | null> {
  const rows = await db.execute<{ sealed: string | null }>(sql`
    UPDATE session SET oidc_step_up = NULL
    FROM (SELECT id, oidc_step_up FROM session WHERE id = ${id} AND user_id = ${userId} FOR UPDATE) AS before
    WHERE session.id = before.id
    RETURNING before.oidc_step_up AS sealed`);
  return rows[0]?.sealed ?? null;
}


