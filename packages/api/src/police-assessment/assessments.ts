// Police threat and protection-need assessments (issue 6 item 3; DOMAIN.md §5, §10). Staff of the case ask a
// police organisation of their municipality; the police answer in the partner portal; the answer is its own
// record, read by staff on the case (withCase) and by the police organisation that wrote it (RLS, migration 0020).
// What the police see of the person is copied onto the request at asking time: name and identity number, or only
// the reference when the identity is protected (never revealed to a partner). Expiry is computed on read.
import {
  assessmentAnswerRecipient,
  findAssessmentRequestCase,
  findAssessmentRequestToOrganisation,
  findOrganisationOfMunicipality,
  findPoliceAssessmentByKey,
  insertAssessmentRequest,
  insertCaseEvent,
  insertNotifications,
  insertPoliceAssessment,
  listAssessmentRequestsOfCase,
  listAssessmentRequestsToOrganisation,
  listPoliceOrganisations,
  lockAssessmentRequest,
  partnerUserIdsOfOrganisation,
  recordDisclosure,
  setAssessmentRequestStatus,
  type AssessmentRequestRow,
  type Tx,
} from '@utvag/db';
import {
  assessmentValidity,
  calendarDateInSweden,
  effectiveAssessmentStatus,
  formatIdentityNumber,
  latestValidAssessment,
  legalBasisProblem,
  type AssessmentAnswerInput,
  type AssessmentRequestInput,
  type AssessmentWithdrawInput,
} from '@utvag/domain';
import { audited, auditDenied } from '../audit.ts';
import { withCase, type StaffContext } from '../cases/access.ts';
import { birthDateOf } from '../consent/register.ts';
import { consentCovers } from '../support/consent.ts';
import type { Context, PartnerUser } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { isAllowed } from '../permissions.ts';

type PartnerContext = Context & { user: PartnerUser };

const notAPoliceOrganisation = () =>
  new AppError('BAD_REQUEST', 'policeAssessment.error.notPoliceOrganisation', {
    organisationId: { key: 'policeAssessment.error.notPoliceOrganisation' },
  });
const unknownPreviousRequest = () =>
  new AppError('BAD_REQUEST', 'policeAssessment.error.unknownPreviousRequest', {
    previousRequestId: { key: 'policeAssessment.error.unknownPreviousRequest' },
  });
/** Not addressed to the caller's organisation (or no such request): the same answer, so nothing is learned. */
const notAddressed = () => new AppError('NOT_FOUND', 'policeAssessment.error.notAddressed');
const alreadyAnswered = () => new AppError('CONFLICT', 'policeAssessment.error.alreadyAnswered');
const requestChanged = (status: string) =>
  new AppError('CONFLICT', 'policeAssessment.error.changed', undefined, { status: [`policeAssessment.status.${status}`] });

const today = () => calendarDateInSweden(new Date());

function answerView(r: AssessmentRequestRow, on: string) {
  const a = r.answer;
  if (!a?.id) return null;
  return {
    id: a.id,
    protectionNeed: a.protectionNeed!,
    threatSummary: a.threatSummary!,
    validUntil: a.validUntil!,
    answeredAt: a.answeredAt!.toISOString(),
    answeredByName: a.answeredByName,
    validity: assessmentValidity(a.validUntil!, on),
  };
}

function requestView(r: AssessmentRequestRow, on: string) {
  const answer = answerView(r, on);
  return {
    id: r.id,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    reference: r.reference,
    question: r.question,
    legalBasis: r.legalBasis,
    status: effectiveAssessmentStatus(r.status, answer?.validUntil ?? null, on),
    previousRequestId: r.previousRequestId,
    requestedByName: r.requestedByName,
    requestedAt: r.requestedAt.toISOString(),
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    version: r.version,
    answer,
  };
}

/** The latest answer still valid today, for the case's eligibility (criterion policeProtectionNeed). */
export async function latestAssessmentOfCase(tx: Tx, of: { caseId: string; municipalityId: string }) {
  const on = today();
  const answers = (await listAssessmentRequestsOfCase(tx, of)).map((r) => answerView(r, on)).filter((a) => a !== null);
  return latestValidAssessment(answers, on);
}

export async function listCaseAssessments(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'policeAssessment.read', input.caseId, async (tx, c) => {
    const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
    const on = today();
    const [rows, organisations] = await Promise.all([listAssessmentRequestsOfCase(tx, of), listPoliceOrganisations(tx, of.municipalityId)]);
    const requests = rows.map((r) => requestView(r, on));
    const answers = requests.map((r) => r.answer).filter((a) => a !== null);
    return {
      caseId: c.case.id,
      status: c.case.status,
      requests,
      latestValid: latestValidAssessment(answers, on),
      organisations,
      can: {
        request: isAllowed(ctx.user.role, 'policeAssessment.request') && c.case.status === 'open',
        withdraw: isAllowed(ctx.user.role, 'policeAssessment.withdraw'),
      },
    };
  });
}

export async function requestAssessment(ctx: StaffContext, input: AssessmentRequestInput) {
  return withCase(
    ctx,
    'policeAssessment.request',
    input.caseId,
    async (tx, c) => {
      const municipalityId = c.case.municipalityId;
      // A police organisation of the same municipality; another type, or another municipality's, is refused.
      const org = await findOrganisationOfMunicipality(tx, { id: input.organisationId, municipalityId });
      if (!org || org.type !== 'police') throw notAPoliceOrganisation();
      if (input.previousRequestId) {
        const previousCase = await findAssessmentRequestCase(tx, { id: input.previousRequestId, municipalityId });
        if (previousCase !== c.case.id) throw unknownPreviousRequest();
      }
      // The request tells the police who the person is and what is asked: a disclosure, which needs a legal basis
      // (§10) checked like any other, and goes into the disclosure log.
      const today = calendarDateInSweden(new Date());
      const basisProblem = legalBasisProblem(input.legalBasis, birthDateOf(c), today);
      if (basisProblem) throw new AppError('BAD_REQUEST', basisProblem, { legalBasis: { key: basisProblem } });
      if (input.legalBasis === 'consent' && !(await consentCovers(tx, { municipalityId, caseId: c.case.id, organisationId: org.id, purpose: 'informationExchange' }))) {
        throw new AppError('BAD_REQUEST', 'consent.error.noConsent', { legalBasis: { key: 'consent.error.noConsent' } });
      }
      const p = c.person;
      const id = await insertAssessmentRequest(tx, {
        municipalityId,
        caseId: c.case.id,
        organisationId: org.id,
        reference: c.referralReference ?? `ÄR-${c.case.id.slice(0, 8).toUpperCase()}`,
        question: input.question,
        legalBasis: input.legalBasis,
        // A protected identity never reaches a partner: the police see the reference only.
        subjectName: p.protectedIdentity ? null : `${p.firstName} ${p.lastName}`,
        subjectIdentityNumber: p.protectedIdentity ? null : p.identityNumber,
        subjectProtected: p.protectedIdentity,
        previousRequestId: input.previousRequestId ?? null,
        requestedByUserId: ctx.user.id,
      });
      await recordDisclosure(tx, {
        municipalityId,
        caseId: c.case.id,
        organisationId: org.id,
        category: 'personalDetails',
        legalBasis: input.legalBasis,
        disclosedOn: today,
        disclosedByUserId: ctx.user.id,
      });
      await insertCaseEvent(tx, {
        municipalityId,
        caseId: c.case.id,
        kind: 'policeAssessmentRequested',
        data: { requestId: id, organisationId: org.id, legalBasis: input.legalBasis, renews: input.previousRequestId ?? null },
        actorUserId: ctx.user.id,
      });
      const recipients = await partnerUserIdsOfOrganisation(tx, { municipalityId, organisationIds: [org.id] });
      await insertNotifications(tx, {
        municipalityId,
        recipientUserIds: recipients,
        kind: 'assessmentRequested',
        referralId: null,
        reference: c.referralReference ?? `ÄR-${c.case.id.slice(0, 8).toUpperCase()}`,
        linkPath: `/bedomningar/${id}`,
      });
      return { id };
    },
    { write: true, requireActive: true },
  );
}

export async function withdrawAssessmentRequest(ctx: StaffContext, input: AssessmentWithdrawInput) {
  return withCase(
    ctx,
    'policeAssessment.withdraw',
    (tx) => findAssessmentRequestCase(tx, { id: input.requestId, municipalityId: ctx.user.municipalityId }),
    async (tx, c) => {
      const municipalityId = c.case.municipalityId;
      const row = await lockAssessmentRequest(tx, { id: input.requestId, municipalityId });
      if (!row) throw notFound();
      if (row.status !== 'requested' || row.version !== input.expectedVersion) throw requestChanged(row.status);
      await setAssessmentRequestStatus(tx, { id: row.id, municipalityId, expectedVersion: row.version, from: 'requested', to: 'withdrawn', byUserId: ctx.user.id });
      await insertCaseEvent(tx, { municipalityId, caseId: c.case.id, kind: 'policeAssessmentWithdrawn', data: { requestId: row.id }, actorUserId: ctx.user.id });
      return { id: row.id };
    },
    { write: true },
  );
}

// Partner side: the police organisation's own requests. The person is shown by name and identity number only
// (masked entirely for a protected identity); never the case's other data.
function partnerView(r: AssessmentRequestRow, on: string) {
  const { previousRequestId: _p, requestedByName: _n, ...view } = requestView(r, on);
  return {
    ...view,
    subject: {
      protectedIdentity: r.subjectProtected,
      name: r.subjectProtected ? null : r.subjectName,
      identityNumber: r.subjectProtected || !r.subjectIdentityNumber ? null : formatIdentityNumber(r.subjectIdentityNumber),
    },
  };
}

export async function listOrganisationRequests(ctx: PartnerContext) {
  return audited(ctx, 'assessmentRequest.read', async (tx) => {
    const { municipalityId, organisationId } = ctx.user;
    const on = today();
    const rows = await listAssessmentRequestsToOrganisation(tx, { municipalityId, organisationId, limit: 200 });
    // The list shows references and statuses only: no name or number (those are on the request's own page).
    const items = rows.map((r) => {
      const v = requestView(r, on);
      return { id: v.id, reference: v.reference, status: v.status, requestedAt: v.requestedAt, validUntil: v.answer?.validUntil ?? null, validity: v.answer?.validity ?? null };
    });
    return { result: { items }, record: { recordType: 'policeAssessmentRequest', recordId: null } };
  });
}

export async function getOrganisationRequest(ctx: PartnerContext, input: { id: string }) {
  const { municipalityId, organisationId } = ctx.user;
  let refused = false;
  try {
    return await audited(ctx, 'assessmentRequest.read', async (tx) => {
      const row = await findAssessmentRequestToOrganisation(tx, { id: input.id, municipalityId, organisationId });
      if (!row) {
        refused = true;
        throw notAddressed();
      }
      return { result: partnerView(row, today()), record: { recordType: 'policeAssessmentRequest', recordId: row.id } };
    });
  } catch (error) {
    if (refused) await auditDenied(ctx, 'assessmentRequest.read', 'policeAssessmentRequest');
    throw error;
  }
}

export async function answerRequest(ctx: PartnerContext, input: AssessmentAnswerInput) {
  const { municipalityId, organisationId } = ctx.user;
  let refused = false;
  try {
    return await audited(ctx, 'assessmentRequest.answer', async (tx) => {
      // Only a request addressed to the caller's own organisation (RLS hides the others too): else nothing written.
      const row = await lockAssessmentRequest(tx, { id: input.requestId, municipalityId, organisationId });
      if (!row) {
        refused = true;
        throw notAddressed();
      }
      const record = { recordType: 'policeAssessmentRequest', recordId: row.id };
      // A double submit: the same key gets the first answer, nothing new written.
      const earlier = await findPoliceAssessmentByKey(tx, { municipalityId, organisationId, idempotencyKey: input.idempotencyKey });
      if (earlier) {
        if (earlier.requestId !== row.id) throw new AppError('CONFLICT', 'error.idempotencyKeyReused');
        return { result: { id: earlier.id, requestId: row.id }, record };
      }
      if (row.status === 'answered') throw alreadyAnswered();
      if (row.status !== 'requested') throw requestChanged(row.status);
      const id = await insertPoliceAssessment(tx, {
        municipalityId,
        requestId: row.id,
        caseId: row.caseId,
        organisationId,
        protectionNeed: input.protectionNeed,
        threatSummary: input.threatSummary,
        validUntil: input.validUntil,
        answeredByUserId: ctx.user.id,
        idempotencyKey: input.idempotencyKey,
      });
      await setAssessmentRequestStatus(tx, { id: row.id, municipalityId, expectedVersion: row.version, from: 'requested', to: 'answered' });
      const recipient = await assessmentAnswerRecipient(tx, row.id);
      await insertNotifications(tx, {
        municipalityId,
        recipientUserIds: recipient ? [recipient] : [],
        kind: 'assessmentAnswered',
        referralId: null,
        reference: row.reference,
        linkPath: `/arenden/${row.caseId}/hotbedomning`,
      });
      return { result: { id, requestId: row.id }, record };
    });
  } catch (error) {
    if (refused) await auditDenied(ctx, 'assessmentRequest.answer', 'policeAssessmentRequest');
    throw error;
  }
}
