// SQL for the consent register and the disclosure log (issue 6 item 4). Authorization happens in packages/api
// (consent/*) before any of these run; every query is still scoped by municipality, and row-level security (staff
// only) guards it a third time.
import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ConsentRevoker, DisclosureCategory, LegalBasis } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { appUser, caseConsent, disclosure, networkMeeting, networkMeetingParticipant, organisation, policeAssessmentRequest, referral, supportCase } from '../schema/index.ts';

interface OfCase {
  municipalityId: string;
  caseId: string;
}

const revoker = alias(appUser, 'revoker');

/** The case's consents, newest first, with the receiving organisation's name and who recorded and revoked. */
export async function listConsents(db: Executor, q: OfCase) {
  return db
    .select({
      consent: caseConsent,
      organisationName: organisation.name,
      organisationType: organisation.type,
      recordedByName: appUser.name,
      revokedByName: revoker.name,
    })
    .from(caseConsent)
    .innerJoin(organisation, eq(organisation.id, caseConsent.organisationId))
    .innerJoin(appUser, eq(appUser.id, caseConsent.recordedByUserId))
    .leftJoin(revoker, eq(revoker.id, caseConsent.revokedByUserId))
    .where(and(eq(caseConsent.caseId, q.caseId), eq(caseConsent.municipalityId, q.municipalityId)))
    .orderBy(desc(caseConsent.recordedAt), desc(caseConsent.id));
}

export async function insertConsent(db: Executor, values: typeof caseConsent.$inferInsert) {
  const [row] = await db.insert(caseConsent).values(values).returning({ id: caseConsent.id, version: caseConsent.version });
  return row!;
}

export async function findConsent(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await db
    .select({ consent: caseConsent, revokedByName: revoker.name })
    .from(caseConsent)
    .leftJoin(revoker, eq(revoker.id, caseConsent.revokedByUserId))
    .where(and(eq(caseConsent.id, q.id), eq(caseConsent.municipalityId, q.municipalityId)));
  return row;
}

/** Revokes on the version read and only if not yet revoked; undefined when stale or already revoked. */
export async function revokeConsent(
  db: Executor,
  q: { id: string; municipalityId: string; expectedVersion: number; revokedOn: string; revokedBy: ConsentRevoker; reason: string; userId: string },
) {
  const [row] = await db
    .update(caseConsent)
    .set({
      revokedOn: q.revokedOn,
      revokedBy: q.revokedBy,
      revocationReason: q.reason,
      revokedByUserId: q.userId,
      revokedAt: new Date(),
      version: q.expectedVersion + 1,
    })
    .where(
      and(
        eq(caseConsent.id, q.id),
        eq(caseConsent.municipalityId, q.municipalityId),
        eq(caseConsent.version, q.expectedVersion),
        isNull(caseConsent.revokedOn),
      ),
    )
    .returning({ id: caseConsent.id, version: caseConsent.version });
  return row;
}

/** Partner organisations of the municipality (the receivers a consent or a disclosure may name). */
export async function listPartnerOrganisations(db: Executor, q: { municipalityId: string }) {
  return db
    .select({ id: organisation.id, name: organisation.name, type: organisation.type })
    .from(organisation)
    .where(eq(organisation.municipalityId, q.municipalityId))
    .orderBy(organisation.name);
}

/**
 * The organisations involved in a case: the one whose referral opened it, and those whose users were invited to
 * its network meetings. The exit programme's consent must cover each of them.
 */
export async function listInvolvedOrganisations(db: Executor, q: OfCase) {
  const viaReferral = db
    .select({ id: organisation.id, name: organisation.name, type: organisation.type })
    .from(supportCase)
    .innerJoin(referral, eq(referral.id, supportCase.referralId))
    .innerJoin(organisation, eq(organisation.id, referral.sourceOrganisationId))
    .where(and(eq(supportCase.id, q.caseId), eq(supportCase.municipalityId, q.municipalityId)));
  const viaMeetings = db
    .selectDistinct({ id: organisation.id, name: organisation.name, type: organisation.type })
    .from(networkMeetingParticipant)
    .innerJoin(networkMeeting, eq(networkMeeting.id, networkMeetingParticipant.meetingId))
    .innerJoin(organisation, eq(organisation.id, networkMeetingParticipant.organisationId))
    .where(
      and(
        eq(networkMeeting.caseId, q.caseId),
        eq(networkMeeting.municipalityId, q.municipalityId),
        isNotNull(networkMeetingParticipant.organisationId),
      ),
    );
  // A police organisation asked for a threat assessment is involved too (its request named the person).
  const viaAssessments = db
    .selectDistinct({ id: organisation.id, name: organisation.name, type: organisation.type })
    .from(policeAssessmentRequest)
    .innerJoin(organisation, eq(organisation.id, policeAssessmentRequest.organisationId))
    .where(and(eq(policeAssessmentRequest.caseId, q.caseId), eq(policeAssessmentRequest.municipalityId, q.municipalityId)));
  const [a, b, c] = await Promise.all([viaReferral, viaMeetings, viaAssessments]);
  const seen = new Map<string, { id: string; name: string; type: string }>();
  for (const o of [...a, ...b, ...c]) if (!seen.has(o.id)) seen.set(o.id, o);
  return [...seen.values()];
}

/** The case's disclosure log, newest first. */
export async function listDisclosures(db: Executor, q: OfCase) {
  return db
    .select({ disclosure, organisationName: organisation.name, disclosedByName: appUser.name })
    .from(disclosure)
    .innerJoin(organisation, eq(organisation.id, disclosure.organisationId))
    .innerJoin(appUser, eq(appUser.id, disclosure.disclosedByUserId))
    .where(and(eq(disclosure.caseId, q.caseId), eq(disclosure.municipalityId, q.municipalityId)))
    .orderBy(desc(disclosure.recordedAt), desc(disclosure.id));
}

/**
 * Records a disclosure to a partner with its legal basis (DOMAIN.md §10). Called by the consent feature's manual
 * record and by every feature that discloses (network-meeting invitations, police assessment requests) in the
 * same transaction as the disclosure itself. The caller has checked the basis (`legalBasisProblem`, domain).
 */
export async function recordDisclosure(
  db: Executor,
  values: {
    municipalityId: string;
    caseId: string;
    organisationId: string;
    category: DisclosureCategory;
    legalBasis: LegalBasis;
    disclosedOn: string;
    disclosedByUserId: string;
    note?: string | null;
  },
) {
  const [row] = await db
    .insert(disclosure)
    .values({ ...values, note: values.note ?? null })
    .returning({ id: disclosure.id });
  return row!.id;
}

/** Organisations by id within the municipality (a receiver named in input must be one of its partners). */
export async function findOrganisations(db: Executor, q: { municipalityId: string; ids: string[] }) {
  if (q.ids.length === 0) return [];
  return db
    .select({ id: organisation.id, name: organisation.name, type: organisation.type })
    .from(organisation)
    .where(and(eq(organisation.municipalityId, q.municipalityId), inArray(organisation.id, q.ids)));
}

