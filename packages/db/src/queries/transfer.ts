// SQL for transfers between municipalities (issue 6 item 9). Authorization happens in packages/api
// (transfer/*); every query is still scoped by the municipality, and row-level security (policies `sender` and
// `receiver` on case_transfer) guards it again. Accepting and declining run as SECURITY DEFINER functions, since
// the receiver may neither read the sender's case nor write the sender's audit trail directly.
import { and, asc, desc, eq, gte, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { TransferStatus } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { caseDecision, caseTransfer, intervention, interventionType, municipality } from '../schema/index.ts';

export async function insertTransfer(db: Executor, values: typeof caseTransfer.$inferInsert) {
  const [row] = await db.insert(caseTransfer).values(values).returning();
  return row!;
}

/** Other municipalities of the deployment, names only (the receiver of a transfer is chosen from these). */
export function listOtherMunicipalities(db: Executor, municipalityId: string) {
  return db
    .select({ id: municipality.id, name: municipality.name })
    .from(municipality)
    .where(ne(municipality.id, municipalityId))
    .orderBy(asc(municipality.name));
}

/** What the summary may hold from the case's record: the outcomes of signed decisions, active interventions' types. */
export async function transferSummaryFacts(db: Executor, q: { caseId: string; municipalityId: string; today: string }) {
  const [decisions, interventions] = await Promise.all([
    db
      .select({ outcome: caseDecision.outcome, signedAt: caseDecision.signedAt })
      .from(caseDecision)
      .where(and(eq(caseDecision.caseId, q.caseId), eq(caseDecision.municipalityId, q.municipalityId), isNotNull(caseDecision.signedAt)))
      .orderBy(asc(caseDecision.signedAt)),
    db
      .select({ name: interventionType.name })
      .from(intervention)
      .innerJoin(interventionType, eq(interventionType.id, intervention.interventionTypeId))
      .where(
        and(
          eq(intervention.caseId, q.caseId),
          eq(intervention.municipalityId, q.municipalityId),
          or(isNull(intervention.actualEndDate), gte(intervention.actualEndDate, q.today)),
        ),
      ),
  ]);
  return {
    decisions: decisions.map((d) => ({ outcome: d.outcome, signed: d.signedAt !== null })),
    activeInterventionTypes: interventions.map((i) => i.name),
  };
}

const offerColumns = {
  id: caseTransfer.id,
  reference: caseTransfer.reference,
  status: caseTransfer.status,
  summary: caseTransfer.summary,
  consentSignedOn: caseTransfer.consentSignedOn,
  offeredAt: caseTransfer.offeredAt,
  answeredAt: caseTransfer.answeredAt,
  declineReason: caseTransfer.declineReason,
  version: caseTransfer.version,
};

/** The sending case's transfers, newest first, with the receiving municipality's name. */
export function listTransfersOfCase(db: Executor, q: { caseId: string; municipalityId: string }) {
  return db
    .select({ ...offerColumns, toMunicipalityName: sql<string>`(select name from municipality where id = ${caseTransfer.toMunicipalityId})` })
    .from(caseTransfer)
    .where(and(eq(caseTransfer.caseId, q.caseId), eq(caseTransfer.fromMunicipalityId, q.municipalityId)))
    .orderBy(desc(caseTransfer.offeredAt));
}

/** Whether the case has moved to another municipality (its record is then read-only for the sender). */
export async function caseTransferredOut(db: Executor, q: { caseId: string; municipalityId: string }) {
  const [row] = await db
    .select({ id: caseTransfer.id })
    .from(caseTransfer)
    .where(and(eq(caseTransfer.caseId, q.caseId), eq(caseTransfer.fromMunicipalityId, q.municipalityId), eq(caseTransfer.status, 'accepted')))
    .limit(1);
  return Boolean(row);
}

/** The sender's own offer (to find its case). */
export async function findOutgoingTransfer(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await db
    .select({ id: caseTransfer.id, caseId: caseTransfer.caseId, status: caseTransfer.status, version: caseTransfer.version })
    .from(caseTransfer)
    .where(and(eq(caseTransfer.id, q.id), eq(caseTransfer.fromMunicipalityId, q.municipalityId)));
  return row;
}

export async function withdrawTransfer(db: Executor, q: { id: string; municipalityId: string; expectedVersion: number; userId: string }) {
  const [row] = await db
    .update(caseTransfer)
    .set({ status: 'withdrawn', answeredByUserId: q.userId, answeredAt: new Date(), version: sql`${caseTransfer.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(caseTransfer.id, q.id),
        eq(caseTransfer.fromMunicipalityId, q.municipalityId),
        eq(caseTransfer.status, 'offered'),
        eq(caseTransfer.version, q.expectedVersion),
      ),
    )
    .returning({ id: caseTransfer.id, status: caseTransfer.status, version: caseTransfer.version });
  return row;
}

/**
 * Offers addressed to the municipality: what the receiver may see (the consented summary, the sender's name, the
 * dates), never the sender's case id or staff. Open offers first.
 */
function incomingQuery(db: Executor) {
  return db
    .select({
      ...offerColumns,
      fromMunicipalityName: municipality.name,
      newCaseId: caseTransfer.newCaseId,
    })
    .from(caseTransfer)
    .innerJoin(municipality, eq(municipality.id, caseTransfer.fromMunicipalityId));
}

export function listIncomingTransfers(db: Executor, q: { municipalityId: string; limit: number }) {
  return incomingQuery(db)
    .where(eq(caseTransfer.toMunicipalityId, q.municipalityId))
    .orderBy(sql`${caseTransfer.status} = 'offered' desc`, desc(caseTransfer.offeredAt), desc(caseTransfer.id))
    .limit(q.limit);
}

export async function findIncomingTransfer(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await incomingQuery(db).where(and(eq(caseTransfer.id, q.id), eq(caseTransfer.toMunicipalityId, q.municipalityId)));
  return row;
}

export type TransferAnswer = {
  applied: boolean;
  status: TransferStatus;
  version: number;
};

/** Accepts as the receiving municipality (the transaction's tenant); undefined: no such offer to it. */
export async function acceptTransfer(db: Executor, q: { id: string; expectedVersion: number; requestId: string | null }) {
  const rows = await db.execute<{ applied: boolean; status: TransferStatus; version: number; new_case_id: string | null; new_person_id: string | null }>(
    sql`select * from accept_case_transfer(${q.id}::uuid, ${q.expectedVersion}::integer, ${q.requestId}::text)`,
  );
  const row = rows[0];
  return row && { applied: row.applied, status: row.status, version: row.version, newCaseId: row.new_case_id, newPersonId: row.new_person_id };
}

export async function declineTransfer(db: Executor, q: { id: string; expectedVersion: number; reason: string; requestId: string | null }) {
  const rows = await db.execute<TransferAnswer>(
    sql`select * from decline_case_transfer(${q.id}::uuid, ${q.expectedVersion}::integer, ${q.reason}::text, ${q.requestId}::text)`,
  );
  return rows[0];
}
