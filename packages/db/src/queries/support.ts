// SQL for support work (issue 7). Authorization happens in packages/api (support/*) before any of these run;
// every query is still scoped by municipality, and row-level security (migration 0012) guards it a third time.
import { and, asc, desc, eq, gte, inArray, isNull, lte, max, min, ne, or, sql } from 'drizzle-orm';
import type { ConsentPurpose, InterventionTypeDefaults, PlanContent } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { caseVisibleTo, type CaseViewer } from './cases.ts';
import {
  appUser,
  budget,
  intervention,
  interventionType,
  municipality,
  networkMeeting,
  networkMeetingAgendaItem,
  networkMeetingParticipant,
  organisation,
  planVersion,
  provider,
  referral,
  stateFundingAssessment,
  supportCase,
  supportSetting,
} from '../schema/index.ts';

interface OfMunicipality {
  municipalityId: string;
}
interface OfCase extends OfMunicipality {
  caseId: string;
}

// Catalogue and providers --------------------------------------------------------------------------------

/** Adds the default types the municipality does not have yet (by code); its own changes stay. */
export async function ensureDefaultCatalogue(db: Executor, q: OfMunicipality & { defaults: readonly (InterventionTypeDefaults & { name: string })[] }) {
  await db
    .insert(interventionType)
    .values(
      q.defaults.map((d) => ({
        municipalityId: q.municipalityId,
        code: d.code,
        name: d.name,
        costKind: d.costKind,
        defaultPriceOre: d.priceOre,
        placement: d.placement,
      })),
    )
    .onConflictDoNothing();
}

export async function listInterventionTypes(db: Executor, q: OfMunicipality) {
  return db.select().from(interventionType).where(eq(interventionType.municipalityId, q.municipalityId)).orderBy(asc(interventionType.name));
}

export async function findInterventionType(db: Executor, q: OfMunicipality & { id: string }) {
  const [row] = await db
    .select()
    .from(interventionType)
    .where(and(eq(interventionType.id, q.id), eq(interventionType.municipalityId, q.municipalityId)));
  return row;
}

export async function insertInterventionType(db: Executor, values: typeof interventionType.$inferInsert) {
  const [row] = await db.insert(interventionType).values(values).onConflictDoNothing().returning({ id: interventionType.id });
  return row?.id ?? null;
}

export async function listProviders(db: Executor, q: OfMunicipality) {
  return db.select().from(provider).where(eq(provider.municipalityId, q.municipalityId)).orderBy(asc(provider.name));
}

export async function findProvider(db: Executor, q: OfMunicipality & { id: string }) {
  const [row] = await db.select().from(provider).where(and(eq(provider.id, q.id), eq(provider.municipalityId, q.municipalityId)));
  return row;
}

export async function insertProvider(db: Executor, values: typeof provider.$inferInsert) {
  const [row] = await db.insert(provider).values(values).onConflictDoNothing().returning({ id: provider.id });
  return row?.id ?? null;
}

// Interventions ------------------------------------------------------------------------------------------

const interventionColumns = {
  intervention,
  typeCode: interventionType.code,
  typeName: interventionType.name,
  providerName: provider.name,
  withinFrameworkAgreement: provider.withinFrameworkAgreement,
};

function interventionQuery(db: Executor) {
  return db
    .select(interventionColumns)
    .from(intervention)
    .innerJoin(interventionType, eq(interventionType.id, intervention.interventionTypeId))
    .leftJoin(provider, eq(provider.id, intervention.providerId));
}

export type InterventionRow = Awaited<ReturnType<typeof listInterventionsOfCase>>[number];

export async function listInterventionsOfCase(db: Executor, q: OfCase) {
  return interventionQuery(db)
    .where(and(eq(intervention.caseId, q.caseId), eq(intervention.municipalityId, q.municipalityId)))
    .orderBy(asc(intervention.startDate), asc(intervention.createdAt));
}

export async function findIntervention(db: Executor, q: OfMunicipality & { id: string }) {
  const [row] = await interventionQuery(db).where(and(eq(intervention.id, q.id), eq(intervention.municipalityId, q.municipalityId)));
  return row;
}

export async function insertIntervention(db: Executor, values: typeof intervention.$inferInsert) {
  const [row] = await db.insert(intervention).values(values).returning({ id: intervention.id, version: intervention.version });
  return row!;
}

export type InterventionChanges = Partial<
  Pick<
    typeof intervention.$inferInsert,
    'providerId' | 'startDate' | 'plannedEndDate' | 'actualEndDate' | 'costKind' | 'priceOre' | 'vatHandling' | 'vatRateBasisPoints' | 'note'
  >
>;

/** Changes an intervention at the version read; null when someone changed it first. */
export async function updateIntervention(db: Executor, q: OfMunicipality & { id: string; expectedVersion: number; set: InterventionChanges }) {
  const [row] = await db
    .update(intervention)
    .set({ ...q.set, version: sql`${intervention.version} + 1`, updatedAt: new Date() })
    .where(and(eq(intervention.id, q.id), eq(intervention.municipalityId, q.municipalityId), eq(intervention.version, q.expectedVersion)))
    .returning({ id: intervention.id, version: intervention.version });
  return row ?? null;
}

/**
 * Every intervention of the municipality running at some point of [from, to], with its case's programme: the
 * budget page's input. Interventions start in the range or before it and end (actually, or as planned) in it
 * or after it, or have no end.
 */
export async function listInterventionsRunningIn(db: Executor, q: OfMunicipality & { from: string; to: string }) {
  const end = sql`coalesce(${intervention.actualEndDate}, ${intervention.plannedEndDate})`;
  return db
    .select({
      id: intervention.id,
      caseId: intervention.caseId,
      personId: supportCase.personId,
      reference: referral.reference,
      programme: supportCase.programme,
      typeId: intervention.interventionTypeId,
      typeCode: interventionType.code,
      typeName: interventionType.name,
      kind: intervention.costKind,
      priceOre: intervention.priceOre,
      vatHandling: intervention.vatHandling,
      vatRateBasisPoints: intervention.vatRateBasisPoints,
      startDate: intervention.startDate,
      plannedEndDate: intervention.plannedEndDate,
      actualEndDate: intervention.actualEndDate,
    })
    .from(intervention)
    .innerJoin(supportCase, eq(supportCase.id, intervention.caseId))
    .innerJoin(interventionType, eq(interventionType.id, intervention.interventionTypeId))
    .leftJoin(referral, eq(referral.id, supportCase.referralId))
    .where(and(eq(intervention.municipalityId, q.municipalityId), lte(intervention.startDate, q.to), or(sql`${end} is null`, sql`${end} >= ${q.from}`)));
}

// Budgets and settings -----------------------------------------------------------------------------------

export async function listBudgets(db: Executor, q: OfMunicipality & { year: number }) {
  return db.select().from(budget).where(and(eq(budget.municipalityId, q.municipalityId), eq(budget.year, q.year)));
}

/**
 * Sets a programme's budget for a year. `expectedVersion` 0 creates it (null if one exists already: someone
 * else set it first); otherwise it updates at that version (null when stale).
 */
export async function saveBudget(
  db: Executor,
  q: OfMunicipality & { programme: (typeof budget.$inferInsert)['programme']; year: number; amountOre: number; expectedVersion: number; userId: string },
) {
  if (q.expectedVersion === 0) {
    const [row] = await db
      .insert(budget)
      .values({ municipalityId: q.municipalityId, programme: q.programme, year: q.year, amountOre: q.amountOre, updatedByUserId: q.userId })
      .onConflictDoNothing()
      .returning({ id: budget.id, version: budget.version });
    return row ?? null;
  }
  const [row] = await db
    .update(budget)
    .set({ amountOre: q.amountOre, version: sql`${budget.version} + 1`, updatedByUserId: q.userId, updatedAt: new Date() })
    .where(
      and(
        eq(budget.municipalityId, q.municipalityId),
        eq(budget.programme, q.programme),
        eq(budget.year, q.year),
        eq(budget.version, q.expectedVersion),
      ),
    )
    .returning({ id: budget.id, version: budget.version });
  return row ?? null;
}

export async function findSupportSetting(db: Executor, q: OfMunicipality) {
  const [row] = await db.select().from(supportSetting).where(eq(supportSetting.municipalityId, q.municipalityId));
  return row;
}

// State funding ------------------------------------------------------------------------------------------

export async function findStateFunding(db: Executor, q: OfCase) {
  const [row] = await db
    .select()
    .from(stateFundingAssessment)
    .where(and(eq(stateFundingAssessment.caseId, q.caseId), eq(stateFundingAssessment.municipalityId, q.municipalityId)));
  return row;
}

export type StateFundingValues = Omit<typeof stateFundingAssessment.$inferInsert, 'caseId' | 'municipalityId' | 'version' | 'recordedAt'>;

/** Records the assessment at the version read (0: the first one); null when stale. */
export async function saveStateFunding(db: Executor, q: OfCase & { expectedVersion: number; values: StateFundingValues }) {
  if (q.expectedVersion === 0) {
    const [row] = await db
      .insert(stateFundingAssessment)
      .values({ ...q.values, caseId: q.caseId, municipalityId: q.municipalityId })
      .onConflictDoNothing()
      .returning({ version: stateFundingAssessment.version });
    return row ?? null;
  }
  const [row] = await db
    .update(stateFundingAssessment)
    .set({ ...q.values, recordedAt: new Date(), version: sql`${stateFundingAssessment.version} + 1` })
    .where(
      and(
        eq(stateFundingAssessment.caseId, q.caseId),
        eq(stateFundingAssessment.municipalityId, q.municipalityId),
        eq(stateFundingAssessment.version, q.expectedVersion),
      ),
    )
    .returning({ version: stateFundingAssessment.version });
  return row ?? null;
}

/** Case ids among `caseIds` whose assessment says the police criteria are met (for the budget page). */
/** The municipality's name, for the cost statement's heading. */
export async function findMunicipalityName(db: Executor, q: OfMunicipality) {
  const [row] = await db.select({ name: municipality.name }).from(municipality).where(eq(municipality.id, q.municipalityId));
  return row?.name ?? null;
}

export async function listStateFundedCases(db: Executor, q: OfMunicipality) {
  const rows = await db
    .select({ caseId: stateFundingAssessment.caseId })
    .from(stateFundingAssessment)
    .where(
      and(
        eq(stateFundingAssessment.municipalityId, q.municipalityId),
        eq(stateFundingAssessment.policeDefinitionMet, true),
        eq(stateFundingAssessment.policeProtectionNeed, true),
      ),
    );
  return rows.map((r) => r.caseId);
}

// Coordinated plan ---------------------------------------------------------------------------------------

export async function latestPlanVersion(db: Executor, q: OfCase) {
  const [row] = await db
    .select()
    .from(planVersion)
    .where(and(eq(planVersion.caseId, q.caseId), eq(planVersion.municipalityId, q.municipalityId)))
    .orderBy(desc(planVersion.version))
    .limit(1);
  return row;
}

export async function listPlanVersions(db: Executor, q: OfCase) {
  return db
    .select({ version: planVersion.version, change: planVersion.change, savedAt: planVersion.savedAt, savedByName: appUser.name })
    .from(planVersion)
    .innerJoin(appUser, eq(appUser.id, planVersion.savedByUserId))
    .where(and(eq(planVersion.caseId, q.caseId), eq(planVersion.municipalityId, q.municipalityId)))
    .orderBy(desc(planVersion.version));
}

export async function findPlanVersion(db: Executor, q: OfCase & { version: number }) {
  const [row] = await db
    .select()
    .from(planVersion)
    .where(and(eq(planVersion.caseId, q.caseId), eq(planVersion.municipalityId, q.municipalityId), eq(planVersion.version, q.version)));
  return row;
}

/** Appends a version; false when that version number exists (someone saved first: the primary key refuses). */
export async function insertPlanVersion(db: Executor, values: typeof planVersion.$inferInsert & { content: PlanContent }) {
  const rows = await db.insert(planVersion).values(values).onConflictDoNothing().returning({ version: planVersion.version });
  return rows.length === 1;
}

// Network meetings ---------------------------------------------------------------------------------------

export async function insertNetworkMeeting(db: Executor, values: typeof networkMeeting.$inferInsert) {
  const [row] = await db.insert(networkMeeting).values(values).returning({ id: networkMeeting.id });
  return row!.id;
}

export async function listMeetingsOfCase(db: Executor, q: OfCase) {
  return db
    .select()
    .from(networkMeeting)
    .where(and(eq(networkMeeting.caseId, q.caseId), eq(networkMeeting.municipalityId, q.municipalityId)))
    .orderBy(desc(networkMeeting.scheduledAt));
}

export async function findNetworkMeeting(db: Executor, q: OfMunicipality & { id: string }) {
  const [row] = await db
    .select()
    .from(networkMeeting)
    .where(and(eq(networkMeeting.id, q.id), eq(networkMeeting.municipalityId, q.municipalityId)));
  return row;
}

export async function updateMeetingStatus(
  db: Executor,
  q: OfMunicipality & { id: string; expectedVersion: number; status: (typeof networkMeeting.$inferInsert)['status']; notes: string | null },
) {
  const [row] = await db
    .update(networkMeeting)
    .set({ status: q.status, notes: q.notes, version: sql`${networkMeeting.version} + 1` })
    .where(and(eq(networkMeeting.id, q.id), eq(networkMeeting.municipalityId, q.municipalityId), eq(networkMeeting.version, q.expectedVersion)))
    .returning({ id: networkMeeting.id, version: networkMeeting.version });
  return row ?? null;
}

export async function insertParticipants(db: Executor, rows: (typeof networkMeetingParticipant.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(networkMeetingParticipant).values(rows).onConflictDoNothing();
}

export async function listParticipants(db: Executor, q: OfMunicipality & { meetingIds: string[] }) {
  if (q.meetingIds.length === 0) return [];
  return db
    .select({
      meetingId: networkMeetingParticipant.meetingId,
      userId: networkMeetingParticipant.userId,
      name: appUser.name,
      role: appUser.role,
      organisationId: networkMeetingParticipant.organisationId,
      organisationName: organisation.name,
      attendance: networkMeetingParticipant.attendance,
    })
    .from(networkMeetingParticipant)
    .innerJoin(appUser, eq(appUser.id, networkMeetingParticipant.userId))
    .leftJoin(organisation, eq(organisation.id, networkMeetingParticipant.organisationId))
    .where(and(eq(networkMeetingParticipant.municipalityId, q.municipalityId), inArray(networkMeetingParticipant.meetingId, q.meetingIds)))
    .orderBy(asc(appUser.name));
}

export async function setAttendance(
  db: Executor,
  q: OfMunicipality & { meetingId: string; userId: string; attendance: (typeof networkMeetingParticipant.$inferInsert)['attendance'] },
) {
  const rows = await db
    .update(networkMeetingParticipant)
    .set({ attendance: q.attendance })
    .where(
      and(
        eq(networkMeetingParticipant.meetingId, q.meetingId),
        eq(networkMeetingParticipant.userId, q.userId),
        eq(networkMeetingParticipant.municipalityId, q.municipalityId),
      ),
    )
    .returning({ id: networkMeetingParticipant.id });
  return rows.length === 1;
}

export async function insertAgendaItem(db: Executor, values: typeof networkMeetingAgendaItem.$inferInsert) {
  const [row] = await db.insert(networkMeetingAgendaItem).values(values).returning({ id: networkMeetingAgendaItem.id });
  return row!.id;
}

export async function listAgendaItems(db: Executor, q: OfMunicipality & { meetingIds: string[] }) {
  if (q.meetingIds.length === 0) return [];
  return db
    .select()
    .from(networkMeetingAgendaItem)
    .where(and(eq(networkMeetingAgendaItem.municipalityId, q.municipalityId), inArray(networkMeetingAgendaItem.meetingId, q.meetingIds)))
    .orderBy(asc(networkMeetingAgendaItem.createdAt));
}

/** Users who may be invited: the municipality's active staff (not administrators) and partner users. */
export async function listInvitableUsers(db: Executor, q: OfMunicipality) {
  return db
    .select({ id: appUser.id, name: appUser.name, kind: appUser.kind, role: appUser.role, organisationId: appUser.organisationId, organisationName: organisation.name })
    .from(appUser)
    .leftJoin(organisation, eq(organisation.id, appUser.organisationId))
    .where(and(eq(appUser.municipalityId, q.municipalityId), isNull(appUser.disabledAt), ne(appUser.role, 'administrator')))
    .orderBy(asc(appUser.kind), asc(organisation.name), asc(appUser.name));
}

export async function findUsersForInvite(db: Executor, q: OfMunicipality & { ids: string[] }) {
  if (q.ids.length === 0) return [];
  return db
    .select({ id: appUser.id, kind: appUser.kind, role: appUser.role, organisationId: appUser.organisationId })
    .from(appUser)
    .where(and(eq(appUser.municipalityId, q.municipalityId), inArray(appUser.id, q.ids), isNull(appUser.disabledAt)));
}

/** The last meeting held or due (not cancelled, already begun) and the next planned one, per case. */
export async function meetingDatesOfCases(db: Executor, q: OfMunicipality & { caseIds: string[]; now: Date }) {
  if (q.caseIds.length === 0) return [];
  // A Date inside raw SQL is not serialised by postgres.js; the ISO string with a cast is.
  const now = q.now.toISOString();
  return db
    .select({
      caseId: networkMeeting.caseId,
      last: max(sql`case when ${networkMeeting.scheduledAt} <= ${now}::timestamptz then ${networkMeeting.scheduledAt} end`).as('last'),
      next: min(sql`case when ${networkMeeting.scheduledAt} > ${now}::timestamptz then ${networkMeeting.scheduledAt} end`).as('next'),
    })
    .from(networkMeeting)
    .where(and(eq(networkMeeting.municipalityId, q.municipalityId), inArray(networkMeeting.caseId, q.caseIds), ne(networkMeeting.status, 'cancelled')))
    .groupBy(networkMeeting.caseId);
}

/** Open cases the user may see (need-to-know, as the case list), with when they opened: the reminder's input. */
export async function listOpenCasesVisibleTo(db: Executor, q: OfMunicipality & { user: CaseViewer }) {
  return db
    .select({ id: supportCase.id, personId: supportCase.personId, programme: supportCase.programme, openedAt: supportCase.openedAt })
    .from(supportCase)
    .where(and(eq(supportCase.municipalityId, q.municipalityId), eq(supportCase.status, 'open'), caseVisibleTo(q.user)));
}

// Consent ------------------------------------------------------------------------------------------------

/**
 * Whether an active, unrevoked consent in the register covers the organisation (for the purpose, when named),
 * through the SQL function `case_consent_covers` (consent register migration). It runs as its owner, so a
 * partner's transaction, which row-level security keeps away from cases and consents, gets a yes or no only.
 */
export async function caseConsentCovers(db: Executor, q: { caseId: string; organisationId: string; purpose?: ConsentPurpose }) {
  const [row] = q.purpose
    ? await db.execute<{ covers: boolean }>(
        sql`select case_consent_covers(${q.caseId}::uuid, ${q.organisationId}::uuid, ${q.purpose}::consent_purpose) as covers`,
      )
    : await db.execute<{ covers: boolean }>(sql`select case_consent_covers(${q.caseId}::uuid, ${q.organisationId}::uuid) as covers`);
  return row?.covers === true;
}

// Partner portal -----------------------------------------------------------------------------------------

/**
 * A partner user's invitations, newest first, with the agenda items meant for their organisation. Runs under
 * the partner's tenant: row-level security shows only meetings the user is invited to (policy `invited`).
 */
export async function listInvitationsOfUser(db: Executor, q: OfMunicipality & { userId: string; organisationId: string; since: Date }) {
  const meetings = await db
    .select({
      id: networkMeeting.id,
      caseId: networkMeeting.caseId,
      scheduledAt: networkMeeting.scheduledAt,
      place: networkMeeting.place,
      status: networkMeeting.status,
    })
    .from(networkMeeting)
    .innerJoin(networkMeetingParticipant, eq(networkMeetingParticipant.meetingId, networkMeeting.id))
    .where(
      and(
        eq(networkMeeting.municipalityId, q.municipalityId),
        eq(networkMeetingParticipant.userId, q.userId),
        gte(networkMeeting.scheduledAt, q.since),
      ),
    )
    .orderBy(asc(networkMeeting.scheduledAt))
    .limit(100);
  const ids = meetings.map((m) => m.id);
  const items = ids.length
    ? await db
        .select({ meetingId: networkMeetingAgendaItem.meetingId, id: networkMeetingAgendaItem.id, title: networkMeetingAgendaItem.title, details: networkMeetingAgendaItem.details })
        .from(networkMeetingAgendaItem)
        .where(and(inArray(networkMeetingAgendaItem.meetingId, ids), sql`${q.organisationId}::uuid = any(${networkMeetingAgendaItem.organisationIds})`))
        .orderBy(asc(networkMeetingAgendaItem.createdAt))
    : [];
  return { meetings, items };
}
