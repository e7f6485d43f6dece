// SQL for cases (issue 6). Authorization happens in packages/api (cases/access.ts) before any of these run;
// every query is still scoped by tenant as a second guard, and row-level security is the third.
import { and, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseScope, CaseSearch, CaseStatus, NamePrefix, ProgrammeCode, StaffRole } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { appUser, caseEvent, person, referral, supportCase, unit } from '../schema/index.ts';

export async function insertCase(db: Executor, values: typeof supportCase.$inferInsert) {
  const [row] = await db.insert(supportCase).values(values).returning({ id: supportCase.id });
  return row!.id;
}

export async function insertCaseEvent(db: Executor, values: typeof caseEvent.$inferInsert) {
  await db.insert(caseEvent).values(values);
}

const responsible = alias(appUser, 'responsible');
const coordinator = alias(appUser, 'coordinator');

/** A case with what its header shows: the person (for masking), the unit and the named staff. */
const caseColumns = {
  case: supportCase,
  person: {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    identityNumber: person.identityNumber,
    birthDate: person.birthDate,
    protectedIdentity: person.protectedIdentity,
    gender: person.gender,
  },
  unitName: unit.name,
  responsibleName: responsible.name,
  coordinatorName: coordinator.name,
  referralReference: referral.reference,
};

function caseQuery(db: Executor) {
  return db
    .select(caseColumns)
    .from(supportCase)
    .innerJoin(person, eq(person.id, supportCase.personId))
    .leftJoin(unit, eq(unit.id, supportCase.unitId))
    .leftJoin(responsible, eq(responsible.id, supportCase.responsibleUserId))
    .leftJoin(coordinator, eq(coordinator.id, supportCase.coordinatorUserId))
    .leftJoin(referral, eq(referral.id, supportCase.referralId));
}

export type CaseRow = Awaited<ReturnType<typeof findCase>> & {};

export async function findCase(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await caseQuery(db).where(and(eq(supportCase.id, q.id), eq(supportCase.municipalityId, q.municipalityId)));
  return row;
}

/** Locks the case row for the rest of the transaction, so two writers to one case take turns. */
export async function lockCase(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await db
    .select({ id: supportCase.id })
    .from(supportCase)
    .where(and(eq(supportCase.id, q.id), eq(supportCase.municipalityId, q.municipalityId)))
    .for('update');
  return Boolean(row);
}

export interface CaseViewer {
  id: string;
  role: StaffRole;
  unitId: string | null;
}

/** The need-to-know rule of @utvag/domain `mayAccessCase`, as SQL for lists. Keep the two in step. */
export function caseVisibleTo(user: CaseViewer): SQL | undefined {
  if (user.role === 'unitManager') return undefined;
  if (user.role === 'administrator') return sql`false`;
  const named = or(eq(supportCase.responsibleUserId, user.id), eq(supportCase.coordinatorUserId, user.id));
  if (user.role === 'intake') return or(named, isNull(supportCase.responsibleUserId));
  return user.unitId ? or(named, eq(supportCase.unitId, user.unitId)) : named;
}

function scopeFilter(user: CaseViewer, scope: CaseScope): SQL | undefined {
  if (scope === 'mine') return or(eq(supportCase.responsibleUserId, user.id), eq(supportCase.coordinatorUserId, user.id));
  if (scope === 'unit') return user.unitId ? eq(supportCase.unitId, user.unitId) : sql`false`;
  return undefined;
}

/** The case list's keyset: the last row's opening time in whole microseconds since the epoch (exact, unlike a JS
 * Date) and its id. */
export interface CaseCursor {
  openedAtMicros: string;
  id: string;
}

const openedAtMicros = sql<string>`(extract(epoch from ${supportCase.openedAt}) * 1000000)::bigint::text`;

/** A stored folded name (person.first_name_key / last_name_key, migration 0031) in byte order: the expression of
 * person_first_name_key_idx / person_last_name_key_idx. Stored, so a search that walks the case list compares text
 * per case instead of calling utvag_name_key up to four times. */
const nameKeyOf = (column: NameKeyColumn) => sql`(${column} collate "C")`;
export type NameKeyColumn = typeof person.firstNameKey | typeof person.lastNameKey;
export const startsWith = (column: NameKeyColumn, p: NamePrefix) =>
  p.to === null ? sql`${nameKeyOf(column)} >= ${p.from}` : sql`${nameKeyOf(column)} >= ${p.from} and ${nameKeyOf(column)} < ${p.to}`;

/**
 * What a search matches. A protected identity is matched by name or identity number only for staff named on the
 * case (responsible or coordinator): for anyone else the row is not there at all, not even masked, so a search
 * cannot confirm that such a person has a case. A referral reference reveals nothing about who the person is.
 */
function searchFilter(search: CaseSearch, municipalityId: string, user: CaseViewer): SQL | undefined {
  const namedOrUnprotected = or(
    eq(person.protectedIdentity, false),
    eq(supportCase.responsibleUserId, user.id),
    eq(supportCase.coordinatorUserId, user.id),
  );
  const ofPerson = (condition: SQL | undefined) => and(eq(person.municipalityId, municipalityId), condition, namedOrUnprotected);
  switch (search.kind) {
    case 'identityNumber':
      return ofPerson(eq(person.identityNumber, search.digits));
    case 'reference':
      return and(eq(referral.municipalityId, municipalityId), eq(referral.reference, search.reference));
    case 'name':
      return ofPerson(
        search.either
          ? or(startsWith(person.firstNameKey, search.either), startsWith(person.lastNameKey, search.either))
          : and(search.first && startsWith(person.firstNameKey, search.first), search.last && startsWith(person.lastNameKey, search.last)),
      );
  }
}

export interface CaseListRequest {
  municipalityId: string;
  user: CaseViewer;
  scope: CaseScope;
  status?: CaseStatus;
  programme?: ProgrammeCode;
  search?: CaseSearch;
  after?: CaseCursor;
  limit: number;
}

/** A page of the case list, newest first (`after` the previous page's last row), optionally searched. A name search
 * goes through `findCases` (case-search.ts), which chooses how the page is read. */
export function listCases(
  db: Executor,
  q: CaseListRequest & {
    /** Only the cases of these people: the people a rare name prefix matches (`findCases`), so the page is read
     * through case_person_id_index instead of a walk of the list's index. The search filter still applies. */
    personIds?: string[];
  },
) {
  return db
    .select({ ...caseColumns, openedAtMicros })
    .from(supportCase)
    .innerJoin(person, eq(person.id, supportCase.personId))
    .leftJoin(unit, eq(unit.id, supportCase.unitId))
    .leftJoin(responsible, eq(responsible.id, supportCase.responsibleUserId))
    .leftJoin(coordinator, eq(coordinator.id, supportCase.coordinatorUserId))
    .leftJoin(referral, eq(referral.id, supportCase.referralId))
    .where(
      and(
        eq(supportCase.municipalityId, q.municipalityId),
        caseVisibleTo(q.user),
        scopeFilter(q.user, q.scope),
        q.status ? eq(supportCase.status, q.status) : undefined,
        q.programme ? eq(supportCase.programme, q.programme) : undefined,
        q.search ? searchFilter(q.search, q.municipalityId, q.user) : undefined,
        // One array parameter, not a list: one statement text whatever the count (prepared once), and uuid_eq is
        // leakproof, so under RLS it is an index condition.
        q.personIds ? sql`${supportCase.personId} = any(${`{${q.personIds.join(',')}}`}::uuid[])` : undefined,
        // Row comparison in the index's column order, so the next page starts inside the index.
        q.after
          ? sql`(${supportCase.openedAt}, ${supportCase.id}) < (timestamptz 'epoch' + ${q.after.openedAtMicros}::bigint * interval '1 microsecond', ${q.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(supportCase.openedAt), desc(supportCase.id))
    .limit(q.limit);
}

export type CaseChanges = Partial<
  Pick<
    typeof supportCase.$inferInsert,
    | 'unitId'
    | 'responsibleUserId'
    | 'coordinatorUserId'
    | 'status'
    | 'programme'
    | 'ageBandReason'
    | 'closedAt'
    | 'closingOutcome'
    | 'terminationReason'
    | 'closingNote'
    | 'reopenedAt'
  >
>;

/** Applies changes only if nobody changed the case since `expectedVersion`; null means the version is stale. */
export async function updateCase(db: Executor, q: { id: string; municipalityId: string; expectedVersion: number; set: CaseChanges }) {
  const [row] = await db
    .update(supportCase)
    .set({ ...q.set, version: sql`${supportCase.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(supportCase.id, q.id), eq(supportCase.municipalityId, q.municipalityId), eq(supportCase.version, q.expectedVersion)),
    )
    .returning({ id: supportCase.id, version: supportCase.version, status: supportCase.status });
  return row ?? null;
}

export async function updatePersonGender(db: Executor, q: { id: string; municipalityId: string; gender: typeof person.$inferInsert.gender }) {
  await db.update(person).set({ gender: q.gender }).where(and(eq(person.id, q.id), eq(person.municipalityId, q.municipalityId)));
}

export async function listCaseEvents(db: Executor, q: { caseId: string; municipalityId: string; afterVersion?: number }) {
  return db
    .select({ kind: caseEvent.kind, data: caseEvent.data, at: caseEvent.at, actorName: appUser.name })
    .from(caseEvent)
    .leftJoin(appUser, eq(appUser.id, caseEvent.actorUserId))
    .where(
      and(
        eq(caseEvent.caseId, q.caseId),
        eq(caseEvent.municipalityId, q.municipalityId),
        q.afterVersion !== undefined ? gt(sql`(${caseEvent.data}->>'version')::int`, q.afterVersion) : undefined,
      ),
    )
    .orderBy(caseEvent.at);
}

/** Staff of the municipality a case can be assigned to (not administrators, not disabled). */
export async function listAssignableStaff(db: Executor, municipalityId: string) {
  return db
    .select({ id: appUser.id, name: appUser.name, role: appUser.role, unitId: appUser.unitId })
    .from(appUser)
    .where(
      and(
        eq(appUser.municipalityId, municipalityId),
        eq(appUser.kind, 'staff'),
        inArray(appUser.role, ['caseWorker', 'coordinator', 'fieldWorker', 'unitManager']),
        isNull(appUser.disabledAt),
      ),
    )
    .orderBy(appUser.name);
}

export async function listUnits(db: Executor, municipalityId: string) {
  return db.select({ id: unit.id, name: unit.name, kind: unit.kind }).from(unit).where(eq(unit.municipalityId, municipalityId)).orderBy(unit.name);
}

/** Whether the account holds delegated decision mandate (unit managers have it by role). */
export async function hasDelegatedMandate(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.select({ m: appUser.decisionMandate }).from(appUser).where(eq(appUser.id, userId));
  return row?.m ?? false;
}

/** The case a triage decision opened from a referral, if any (the referral page links to it). */
export async function findCaseIdForReferral(db: Executor, q: { referralId: string; municipalityId: string }) {
  const [row] = await db
    .select({ id: supportCase.id })
    .from(supportCase)
    .where(and(eq(supportCase.referralId, q.referralId), eq(supportCase.municipalityId, q.municipalityId)))
    .limit(1);
  return row?.id ?? null;
}
