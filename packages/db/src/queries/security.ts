// Queries of issue 3's later parts: a user's own sessions, step-up, and the log review (loggkontroll).
import { and, desc, eq, gt, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { appUser, auditEntry, logReview, person, referral, session, unit } from '../schema/index.ts';

/** The user's sessions that have not passed their absolute lifetime, newest first (no ids, only handles). */
export async function listSessionsOfUser(db: Executor, userId: string, idleSince: Date) {
  return db
    .select({ id: session.id, handle: session.handle, createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, browser: session.browser })
    .from(session)
    .where(and(eq(session.userId, userId), sql`${session.expiresAt} > now()`, gt(session.lastSeenAt, idleSince)))
    .orderBy(desc(session.lastSeenAt));
}

/** Ends one of the user's own sessions by its handle; another user's handle matches nothing. */
export async function deleteSessionOfUser(db: Executor, userId: string, handle: string) {
  const rows = await db
    .delete(session)
    .where(and(eq(session.userId, userId), eq(session.handle, handle)))
    .returning({ id: session.id });
  return rows.length === 1;
}

/** Ends every session of the user but `keepId` (the one in use). */
export async function deleteOtherSessionsOfUser(db: Executor, userId: string, keepId: string) {
  const rows = await db
    .delete(session)
    .where(and(eq(session.userId, userId), ne(session.id, keepId)))
    .returning({ id: session.id });
  return rows.length;
}

export async function setSessionBrowser(db: Executor, id: string, browser: string | null) {
  await db.update(session).set({ browser }).where(eq(session.id, id));
}

/** Records a step-up and gives the session a new id in one statement (a rise in privilege rotates the id). */
export async function rotateSessionAfterStepUp(db: Executor, userId: string, oldId: string, newId: string, oidcIdToken?: string) {
  const rows = await db
    .update(session)
    // A step-up at the identity provider brings a newer id_token: the logout hint follows it.
    .set({ id: newId, stepUpAt: new Date(), lastSeenAt: new Date(), ...(oidcIdToken ? { oidcIdToken } : {}) })
    .where(and(eq(session.id, oldId), eq(session.userId, userId)))
    .returning({ id: session.id });
  return rows.length === 1;
}

export async function findSessionStepUp(db: Executor, id: string) {
  const [row] = await db.select({ stepUpAt: session.stepUpAt, userId: session.userId }).from(session).where(eq(session.id, id));
  return row;
}

export interface AccessLogFilter {
  municipalityId: string;
  from: Date;
  to: Date;
  userId?: string | null;
  personId?: string | null;
  limit: number;
}

/**
 * Allowed accesses by users of the municipality in a period, oldest first, with what the flag rules need:
 * the user's unit, the unit of the record where one is known, and whether the access showed a protected person.
 */
export async function listAccessLog(db: Executor, f: AccessLogFilter) {
  const where = and(
    eq(auditEntry.municipalityId, f.municipalityId),
    eq(auditEntry.outcome, 'allowed'),
    gte(auditEntry.at, f.from),
    lt(auditEntry.at, f.to),
    sql`(${auditEntry.recordId} is not null or ${auditEntry.subjectIds} is not null)`,
    f.userId ? eq(auditEntry.userId, f.userId) : undefined,
    f.personId ? sql`${auditEntry.subjectIds} @> array[${f.personId}]::uuid[]` : undefined,
  );
  return db
    .select({
      id: auditEntry.id,
      at: auditEntry.at,
      userId: auditEntry.userId,
      userName: appUser.name,
      userUnitId: appUser.unitId,
      role: auditEntry.role,
      action: auditEntry.action,
      recordType: auditEntry.recordType,
      recordId: auditEntry.recordId,
      reason: auditEntry.reason,
      subjectCount: sql<number>`coalesce(cardinality(${auditEntry.subjectIds}), 0)`.mapWith(Number),
      // A case names its unit; a referral has none yet (null: not determinable).
      recordUnitId: sql<string | null>`(select c.unit_id::text from "case" c where ${auditEntry.recordType} = 'case' and c.id::text = ${auditEntry.recordId})`,
      recordReference: sql<string | null>`(select r.reference from ${referral} r where ${auditEntry.recordType} = 'referral' and r.id::text = ${auditEntry.recordId})`,
      protectedIdentity: sql<boolean>`exists (select 1 from ${person} p where p.id = any(${auditEntry.subjectIds}) and p.protected_identity)`,
    })
    .from(auditEntry)
    .leftJoin(appUser, eq(appUser.id, auditEntry.userId))
    .where(where)
    .orderBy(auditEntry.at, auditEntry.id)
    .limit(f.limit);
}

/** The person a referral (by its reference, which carries no personal data) is about, within the municipality. */
export async function findPersonIdByReference(db: Executor, municipalityId: string, reference: string) {
  const [row] = await db
    .select({ personId: referral.personId })
    .from(referral)
    .where(and(eq(referral.municipalityId, municipalityId), eq(referral.reference, reference)));
  return row?.personId ?? null;
}

export async function listMunicipalityUsers(db: Executor, municipalityId: string) {
  return db
    .select({ id: appUser.id, name: appUser.name, role: appUser.role })
    .from(appUser)
    .where(eq(appUser.municipalityId, municipalityId))
    .orderBy(appUser.name);
}

export async function insertLogReview(db: Executor, row: typeof logReview.$inferInsert) {
  const [saved] = await db.insert(logReview).values(row).onConflictDoNothing().returning();
  return saved ?? null;
}

export async function listLogReviews(db: Executor, municipalityId: string, unitIds?: string[]) {
  return db
    .select({
      id: logReview.id,
      month: logReview.month,
      unitName: unit.name,
      signedByName: appUser.name,
      signedAt: logReview.signedAt,
      entries: logReview.entries,
      flagged: logReview.flagged,
      note: logReview.note,
    })
    .from(logReview)
    .innerJoin(unit, eq(unit.id, logReview.unitId))
    .innerJoin(appUser, eq(appUser.id, logReview.signedByUserId))
    .where(and(eq(logReview.municipalityId, municipalityId), unitIds ? inArray(logReview.unitId, unitIds) : undefined))
    .orderBy(desc(logReview.month));
}
