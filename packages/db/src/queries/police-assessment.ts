// SQL for police assessment requests and answers (issue 6 item 3). Authorization happens in packages/api
// (police-assessment/*) before any of these run; every query is scoped by municipality (and, for partners, by
// organisation), and row-level security (migration 0020) guards it again.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AssessmentLegalBasis, ProtectionNeed } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { appUser, organisation, policeAssessment, policeAssessmentRequest } from '../schema/index.ts';

const requester = alias(appUser, 'requester');
const answerer = alias(appUser, 'answerer');

const requestColumns = {
  id: policeAssessmentRequest.id,
  caseId: policeAssessmentRequest.caseId,
  organisationId: policeAssessmentRequest.organisationId,
  organisationName: organisation.name,
  reference: policeAssessmentRequest.reference,
  question: policeAssessmentRequest.question,
  legalBasis: policeAssessmentRequest.legalBasis,
  subjectName: policeAssessmentRequest.subjectName,
  subjectIdentityNumber: policeAssessmentRequest.subjectIdentityNumber,
  subjectProtected: policeAssessmentRequest.subjectProtected,
  status: policeAssessmentRequest.status,
  previousRequestId: policeAssessmentRequest.previousRequestId,
  requestedByName: requester.name,
  requestedAt: policeAssessmentRequest.requestedAt,
  withdrawnAt: policeAssessmentRequest.withdrawnAt,
  version: policeAssessmentRequest.version,
  answer: {
    id: policeAssessment.id,
    protectionNeed: policeAssessment.protectionNeed,
    threatSummary: policeAssessment.threatSummary,
    validUntil: policeAssessment.validUntil,
    answeredAt: policeAssessment.answeredAt,
    answeredByName: answerer.name,
  },
};

function requestQuery(db: Executor) {
  return db
    .select(requestColumns)
    .from(policeAssessmentRequest)
    .innerJoin(organisation, eq(organisation.id, policeAssessmentRequest.organisationId))
    .leftJoin(requester, eq(requester.id, policeAssessmentRequest.requestedByUserId))
    .leftJoin(policeAssessment, eq(policeAssessment.requestId, policeAssessmentRequest.id))
    .leftJoin(answerer, eq(answerer.id, policeAssessment.answeredByUserId));
}
export type AssessmentRequestRow = Awaited<ReturnType<typeof listAssessmentRequestsOfCase>>[number];

/** A case's requests with their answers, newest first (staff). */
export function listAssessmentRequestsOfCase(db: Executor, q: { caseId: string; municipalityId: string }) {
  return requestQuery(db)
    .where(and(eq(policeAssessmentRequest.caseId, q.caseId), eq(policeAssessmentRequest.municipalityId, q.municipalityId)))
    .orderBy(desc(policeAssessmentRequest.requestedAt), desc(policeAssessmentRequest.id));
}

/** The requests addressed to a police organisation, newest first (partner). */
export function listAssessmentRequestsToOrganisation(db: Executor, q: { municipalityId: string; organisationId: string; limit: number }) {
  return requestQuery(db)
    .where(and(eq(policeAssessmentRequest.municipalityId, q.municipalityId), eq(policeAssessmentRequest.organisationId, q.organisationId)))
    .orderBy(desc(policeAssessmentRequest.requestedAt), desc(policeAssessmentRequest.id))
    .limit(q.limit);
}

/** One request addressed to the organisation (partner), or undefined. */
export async function findAssessmentRequestToOrganisation(db: Executor, q: { id: string; municipalityId: string; organisationId: string }) {
  const [row] = await requestQuery(db).where(
    and(
      eq(policeAssessmentRequest.id, q.id),
      eq(policeAssessmentRequest.municipalityId, q.municipalityId),
      eq(policeAssessmentRequest.organisationId, q.organisationId),
    ),
  );
  return row;
}

/** Locks a request for the rest of the transaction (answer, withdraw): the bare row. */
export async function lockAssessmentRequest(db: Executor, q: { id: string; municipalityId: string; organisationId?: string }) {
  const [row] = await db
    .select()
    .from(policeAssessmentRequest)
    .where(
      and(
        eq(policeAssessmentRequest.id, q.id),
        eq(policeAssessmentRequest.municipalityId, q.municipalityId),
        q.organisationId ? eq(policeAssessmentRequest.organisationId, q.organisationId) : undefined,
      ),
    )
    .for('update');
  return row;
}

/** The case of a request (staff), for the case's need-to-know check. */
export async function findAssessmentRequestCase(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await db
    .select({ caseId: policeAssessmentRequest.caseId })
    .from(policeAssessmentRequest)
    .where(and(eq(policeAssessmentRequest.id, q.id), eq(policeAssessmentRequest.municipalityId, q.municipalityId)));
  return row?.caseId;
}

export async function insertAssessmentRequest(
  db: Executor,
  values: {
    municipalityId: string;
    caseId: string;
    organisationId: string;
    reference: string;
    question: string;
    legalBasis: AssessmentLegalBasis;
    subjectName: string | null;
    subjectIdentityNumber: string | null;
    subjectProtected: boolean;
    previousRequestId: string | null;
    requestedByUserId: string;
  },
) {
  const [row] = await db.insert(policeAssessmentRequest).values(values).returning({ id: policeAssessmentRequest.id });
  return row!.id;
}

/** Moves a request on from `from` at the version read; false when it changed meanwhile. */
export async function setAssessmentRequestStatus(
  db: Executor,
  q: { id: string; municipalityId: string; expectedVersion: number; from: 'requested'; to: 'answered' | 'withdrawn'; byUserId?: string },
) {
  const rows = await db
    .update(policeAssessmentRequest)
    .set({
      status: q.to,
      version: sql`${policeAssessmentRequest.version} + 1`,
      ...(q.to === 'withdrawn' ? { withdrawnAt: new Date(), withdrawnByUserId: q.byUserId ?? null } : {}),
    })
    .where(
      and(
        eq(policeAssessmentRequest.id, q.id),
        eq(policeAssessmentRequest.municipalityId, q.municipalityId),
        eq(policeAssessmentRequest.version, q.expectedVersion),
        eq(policeAssessmentRequest.status, q.from),
      ),
    )
    .returning({ id: policeAssessmentRequest.id });
  return rows.length === 1;
}

export async function insertPoliceAssessment(
  db: Executor,
  values: {
    municipalityId: string;
    requestId: string;
    caseId: string;
    organisationId: string;
    protectionNeed: ProtectionNeed;
    threatSummary: string;
    validUntil: string;
    answeredByUserId: string;
    idempotencyKey: string;
  },
) {
  const [row] = await db.insert(policeAssessment).values(values).returning({ id: policeAssessment.id });
  return row!.id;
}

/** An earlier answer of the organisation with the same idempotency key. */
export async function findPoliceAssessmentByKey(db: Executor, q: { municipalityId: string; organisationId: string; idempotencyKey: string }) {
  const [row] = await db
    .select({ id: policeAssessment.id, requestId: policeAssessment.requestId })
    .from(policeAssessment)
    .where(
      and(
        eq(policeAssessment.municipalityId, q.municipalityId),
        eq(policeAssessment.organisationId, q.organisationId),
        eq(policeAssessment.idempotencyKey, q.idempotencyKey),
      ),
    );
  return row;
}

/** The police organisations of the municipality (those a request may be addressed to). */
export function listPoliceOrganisations(db: Executor, municipalityId: string) {
  return db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.municipalityId, municipalityId), eq(organisation.type, 'police')))
    .orderBy(organisation.name);
}

export async function findOrganisationOfMunicipality(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await db
    .select({ id: organisation.id, type: organisation.type, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.id, q.id), eq(organisation.municipalityId, q.municipalityId)));
  return row;
}

/** Enabled partner accounts of an organisation (to tell them of a new request). */
export async function partnerUserIdsOfOrganisation(db: Executor, q: { municipalityId: string; organisationIds: string[] }) {
  if (q.organisationIds.length === 0) return [];
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(
      and(
        eq(appUser.municipalityId, q.municipalityId),
        eq(appUser.kind, 'partner'),
        inArray(appUser.organisationId, q.organisationIds),
        isNull(appUser.disabledAt),
      ),
    );
  return rows.map((r) => r.id);
}

/** Whom to tell of an answer: the case's case worker, else the requester (SQL function, migration 0020). */
export async function assessmentAnswerRecipient(db: Executor, requestId: string): Promise<string | null> {
  const rows = await db.execute<{ user_id: string | null }>(sql`select police_assessment_notify_user(${requestId}) as user_id`);
  return (rows as unknown as { user_id: string | null }[])[0]?.user_id ?? null;
}
