// SQL for what happens to a referral after it came in (issue 5): clock-stopping events, assignment, person
// links and their history. Authorization is in packages/api; every query is scoped by municipality again.
import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { runPrepared } from '../prepared.ts';
import { appUser, person, referral, referralEvent, supportCase, unit } from '../schema/index.ts';

export type NewReferralEvent = typeof referralEvent.$inferInsert;
type ReferralUpdate = Partial<
  Pick<
    typeof referral.$inferInsert,
    'firstContactAt' | 'safetyAssessedAt' | 'investigationDecidedAt' | 'investigationOutcome' | 'investigationAlreadyOpen' | 'assignedUnitId' | 'assignedUserId' | 'personId'
  >
>;

/** Changes a referral only if nobody changed it since `expectedVersion` was read; undefined on a conflict. */
export async function updateReferralChecked(
  db: Executor,
  q: { id: string; municipalityId: string; expectedVersion: number; set: ReferralUpdate },
) {
  const [row] = await db
    .update(referral)
    .set({ ...q.set, version: sql`${referral.version} + 1`, updatedAt: new Date() })
    .where(and(eq(referral.id, q.id), eq(referral.municipalityId, q.municipalityId), eq(referral.version, q.expectedVersion)))
    .returning({ id: referral.id, version: referral.version });
  return row;
}

export async function insertReferralEvent(db: Executor, values: NewReferralEvent) {
  await db.insert(referralEvent).values(values);
}

const fromUnit = alias(unit, 'from_unit');
const toUnit = alias(unit, 'to_unit');
const fromUser = alias(appUser, 'from_user');
const toUser = alias(appUser, 'to_user');
const actor = alias(appUser, 'actor');

/** A referral's history, oldest first, with the names of units and staff (never of people). */
export function listReferralEvents(db: Executor, q: { referralId: string; municipalityId: string }) {
  return db
    .select({
      kind: referralEvent.kind,
      at: referralEvent.at,
      recordedAt: referralEvent.recordedAt,
      actorName: actor.name,
      investigationOutcome: referralEvent.investigationOutcome,
      note: referralEvent.note,
      fromUnitName: fromUnit.name,
      toUnitName: toUnit.name,
      fromUserName: fromUser.name,
      toUserName: toUser.name,
    })
    .from(referralEvent)
    .innerJoin(actor, eq(actor.id, referralEvent.actorUserId))
    .leftJoin(fromUnit, eq(fromUnit.id, referralEvent.fromUnitId))
    .leftJoin(toUnit, eq(toUnit.id, referralEvent.toUnitId))
    .leftJoin(fromUser, eq(fromUser.id, referralEvent.fromUserId))
    .leftJoin(toUser, eq(toUser.id, referralEvent.toUserId))
    .where(and(eq(referralEvent.referralId, q.referralId), eq(referralEvent.municipalityId, q.municipalityId)))
    .orderBy(asc(referralEvent.recordedAt), asc(referralEvent.id));
}

/** The municipality's units, by name. */
export function listUnitsOfMunicipality(db: Executor, municipalityId: string) {
  // The inbox's unit filter, on every inbox read: built once (runPrepared).
  return runPrepared(
    db,
    'unit:of-municipality',
    (db) => db.select({ id: unit.id, name: unit.name }).from(unit).where(eq(unit.municipalityId, sql.placeholder('municipalityId'))).orderBy(asc(unit.name)),
    { municipalityId },
  );
}

/** Staff who can take a referral: enabled staff accounts of the municipality other than administrators. */
export function listReferralAssignees(db: Executor, municipalityId: string) {
  return db
    .select({ id: appUser.id, name: appUser.name, unitId: appUser.unitId })
    .from(appUser)
    .where(
      and(
        eq(appUser.municipalityId, municipalityId),
        eq(appUser.kind, 'staff'),
        ne(appUser.role, 'administrator'),
        isNull(appUser.disabledAt),
      ),
    )
    .orderBy(asc(appUser.name));
}

export async function findAssignableStaff(db: Executor, q: { id: string; municipalityId: string }) {
  const rows = await listReferralAssignees(db, q.municipalityId);
  return rows.find((r) => r.id === q.id);
}

export async function findUnitOfMunicipality(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await db.select({ id: unit.id }).from(unit).where(and(eq(unit.id, q.id), eq(unit.municipalityId, q.municipalityId)));
  return row;
}

/** §10: whether the account is a qualified social worker (needed for assessments of children). */
export async function isQualifiedSocialWorker(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.select({ q: appUser.qualifiedSocialWorker }).from(appUser).where(eq(appUser.id, userId));
  return row?.q ?? false;
}

/** People of the municipality who may be the same as a referral's person: same identity number, or the same
 * date of birth (stated, or the first eight digits of the identity number). The name is compared in the domain. */
export function findPersonCandidates(
  db: Executor,
  q: { municipalityId: string; excludePersonId: string; identityNumber: string | null; birthDate: string | null },
) {
  const byNumber = q.identityNumber ? eq(person.identityNumber, q.identityNumber) : undefined;
  const compact = q.birthDate?.replaceAll('-', '');
  const byBirth = q.birthDate
    ? or(eq(person.birthDate, q.birthDate), sql`left(${person.identityNumber}, 8) = ${compact}`)
    : undefined;
  if (!byNumber && !byBirth) return Promise.resolve([]);
  return db
    .select({
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      identityNumber: person.identityNumber,
      birthDate: person.birthDate,
      protectedIdentity: person.protectedIdentity,
    })
    .from(person)
    .where(and(eq(person.municipalityId, q.municipalityId), ne(person.id, q.excludePersonId), or(byNumber, byBirth)))
    .limit(50);
}

/** The candidates staff said are not this referral's person (issue 5: rejected matches are not proposed again). */
export async function rejectedCandidatesOf(db: Executor, q: { referralId: string; municipalityId: string }) {
  const rows = await db
    .select({ personId: referralEvent.toPersonId })
    .from(referralEvent)
    .where(and(eq(referralEvent.referralId, q.referralId), eq(referralEvent.municipalityId, q.municipalityId), eq(referralEvent.kind, 'matchRejected')));
  return new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])));
}

/** Of the given people, those with an open case whose responsible case worker is `userId`. */
export async function peopleWithOpenCaseOf(db: Executor, q: { personIds: string[]; userId: string }) {
  if (q.personIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ personId: supportCase.personId })
    .from(supportCase)
    .where(and(inArray(supportCase.personId, q.personIds), eq(supportCase.responsibleUserId, q.userId), eq(supportCase.status, 'open')));
  return new Set(rows.map((r) => r.personId));
}

/** Removes a person registered by a referral that turned out to be about someone already known, if nothing
 * else refers to them (no other referral, no case). */
export async function deletePersonIfUnreferenced(db: Executor, q: { id: string; municipalityId: string }) {
  await db.execute(sql`delete from ${person} p where p.id = ${q.id} and p.municipality_id = ${q.municipalityId}
    and not exists (select 1 from ${referral} r where r.person_id = p.id)
    and not exists (select 1 from ${supportCase} c where c.person_id = p.id)`);
}
