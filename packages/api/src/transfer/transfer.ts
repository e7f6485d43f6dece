// Transfer of a case to another municipality (issue 6 item 9). The sender offers from the case (withCase: role,
// municipality, need-to-know) with the person's consent and a summary limited to what the consent allows; the
// receiving municipality's intake, coordinators and unit managers see the offer (RLS policy `receiver`) and accept
// or decline it through the database's SECURITY DEFINER functions, which write the sender's audit entry; the API
// writes the receiver's. After acceptance the sender's case is closed as moved and read-only (withCase refuses
// writes to a case that moved).
import {
  acceptTransfer,
  declineTransfer,
  findIncomingTransfer,
  findOutgoingTransfer,
  insertTransfer,
  listIncomingTransfers,
  listOtherMunicipalities,
  listTransfersOfCase,
  transferSummaryFacts,
  withdrawTransfer,
  type TransferAnswer,
} from '@utvag/db';
import {
  calendarDateInSweden,
  isCaseActive,
  isTransferOpen,
  transferSummary,
  transferTargetErrors,
  type TransferDeclineInput,
  type TransferOfferInput,
  type TransferRefInput,
} from '@utvag/domain';
import { audited } from '../audit.ts';
import { withCase, type StaffContext } from '../cases/access.ts';
import { AppError, notFound } from '../errors.ts';
import { isAllowed } from '../permissions.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A stale answer: names what the offer became meanwhile, never a silent overwrite. */
const changedMeanwhile = (a: Pick<TransferAnswer, 'status'>) =>
  a.status === 'offered'
    ? new AppError('CONFLICT', 'error.conflict')
    : new AppError('CONFLICT', 'transfer.error.answered', undefined, { status: [`transfer.status.${a.status}`] });

function newReference(now: Date) {
  return `FLYTT-${now.getUTCFullYear()}-${crypto.randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`;
}

/** The case's transfers as the sender sees them, the municipalities it may offer to (names only), and whether it may. */
export async function transfersOfCase(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'transfer.readForCase', input.caseId, async (tx, c) => {
    const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
    const [transfers, municipalities] = await Promise.all([listTransfersOfCase(tx, of), listOtherMunicipalities(tx, ctx.user.municipalityId)]);
    const open = transfers.some((t) => isTransferOpen(t.status));
    const moved = transfers.some((t) => t.status === 'accepted');
    return {
      caseId: c.case.id,
      caseStatus: c.case.status,
      protectedIdentity: c.person.protectedIdentity,
      movedAway: moved,
      mayOffer: isAllowed(ctx.user.role, 'transfer.offer') && isCaseActive(c.case.status) && !open && !moved,
      mayWithdraw: isAllowed(ctx.user.role, 'transfer.withdraw'),
      municipalities,
      transfers: transfers.map((t) => ({ ...t, offeredAt: t.offeredAt.toISOString(), answeredAt: iso(t.answeredAt) })),
    };
  });
}

export async function offerTransfer(ctx: StaffContext, input: TransferOfferInput) {
  return withCase(
    ctx,
    'transfer.offer',
    input.caseId,
    async (tx, c) => {
      const own = transferTargetErrors(ctx.user.municipalityId, input.toMunicipalityId);
      if (Object.keys(own).length > 0) throw new AppError('BAD_REQUEST', 'error.badRequest', own);
      const targets = await listOtherMunicipalities(tx, ctx.user.municipalityId);
      if (!targets.some((m) => m.id === input.toMunicipalityId)) {
        throw new AppError('BAD_REQUEST', 'error.badRequest', { toMunicipalityId: { key: 'validation.invalidOption' } });
      }
      const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
      if ((await listTransfersOfCase(tx, of)).some((t) => isTransferOpen(t.status))) {
        throw new AppError('CONFLICT', 'transfer.error.alreadyOffered');
      }
      const now = new Date();
      const facts = await transferSummaryFacts(tx, { ...of, today: calendarDateInSweden(now) });
      const summary = transferSummary({
        programme: c.case.programme,
        ageAtStart: c.case.ageAtStart,
        protectedIdentity: c.person.protectedIdentity,
        decisions: facts.decisions,
        activeInterventionTypes: facts.activeInterventionTypes,
        text: input.summary,
      });
      const row = await insertTransfer(tx, {
        reference: newReference(now),
        caseId: c.case.id,
        fromMunicipalityId: c.case.municipalityId,
        toMunicipalityId: input.toMunicipalityId,
        summary,
        consentSignedOn: input.consentSignedOn,
        offeredByUserId: ctx.user.id,
      });
      return { id: row.id, reference: row.reference, status: row.status, version: row.version };
    },
    { write: true, requireActive: true },
  );
}

export async function withdrawOffer(ctx: StaffContext, input: TransferRefInput) {
  const municipalityId = ctx.user.municipalityId;
  return withCase(
    ctx,
    'transfer.withdraw',
    async (tx) => (await findOutgoingTransfer(tx, { id: input.transferId, municipalityId }))?.caseId,
    async (tx) => {
      const done = await withdrawTransfer(tx, { id: input.transferId, municipalityId, expectedVersion: input.expectedVersion, userId: ctx.user.id });
      if (done) return done;
      const now = await findOutgoingTransfer(tx, { id: input.transferId, municipalityId });
      if (!now) throw notFound();
      throw changedMeanwhile(now);
    },
    { write: true },
  );
}

const incomingView = (t: NonNullable<Awaited<ReturnType<typeof findIncomingTransfer>>>) => ({
  ...t,
  offeredAt: t.offeredAt.toISOString(),
  answeredAt: iso(t.answeredAt),
});

/** Offers addressed to the caller's municipality: the consented summary only. */
export async function listIncoming(ctx: StaffContext) {
  return audited(ctx, 'transfer.listIncoming', async (tx) => {
    const rows = await listIncomingTransfers(tx, { municipalityId: ctx.user.municipalityId, limit: 200 });
    return { result: { items: rows.map(incomingView) }, record: { recordType: 'caseTransfer' } };
  });
}

export async function getIncoming(ctx: StaffContext, input: { transferId: string }) {
  return audited(ctx, 'transfer.read', async (tx) => {
    const row = await findIncomingTransfer(tx, { id: input.transferId, municipalityId: ctx.user.municipalityId });
    if (!row) throw notFound();
    return {
      result: {
        ...incomingView(row),
        mayAnswer: isAllowed(ctx.user.role, 'transfer.accept') && isTransferOpen(row.status),
      },
      record: { recordType: 'caseTransfer', recordId: row.id },
    };
  });
}

export async function acceptIncoming(ctx: StaffContext, input: TransferRefInput) {
  return audited(ctx, 'transfer.accept', async (tx) => {
    const answer = await acceptTransfer(tx, { id: input.transferId, expectedVersion: input.expectedVersion, requestId: ctx.requestId });
    if (!answer) throw notFound();
    if (!answer.applied || !answer.newCaseId) throw changedMeanwhile(answer);
    return {
      result: { id: input.transferId, status: answer.status, version: answer.version, newCaseId: answer.newCaseId },
      record: { recordType: 'case', recordId: answer.newCaseId, subjectIds: answer.newPersonId ? [answer.newPersonId] : [] },
    };
  });
}

export async function declineIncoming(ctx: StaffContext, input: TransferDeclineInput) {
  return audited(ctx, 'transfer.decline', async (tx) => {
    const answer = await declineTransfer(tx, { id: input.transferId, expectedVersion: input.expectedVersion, reason: input.reason, requestId: ctx.requestId });
    if (!answer) throw notFound();
    if (!answer.applied) throw changedMeanwhile(answer);
    return {
      result: { id: input.transferId, status: answer.status, version: answer.version },
      record: { recordType: 'caseTransfer', recordId: input.transferId },
    };
  });
}
