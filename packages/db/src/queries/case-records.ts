// SQL for what a case holds: eligibility history, decisions, journal, commitment, follow-up and tasks
// (issue 6). Every query names the tenant; signed rows are also guarded by triggers (migration 0010).
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import {
  appUser,
  caseCommitment,
  caseDecision,
  caseFollowUp,
  caseTask,
  eligibilityRecord,
  journalEntry,
} from '../schema/index.ts';

interface OfCase {
  caseId: string;
  municipalityId: string;
}
const signer = alias(appUser, 'signer');

// Eligibility ----------------------------------------------------------------------------------------------
export async function insertEligibilityRecords(db: Executor, rows: (typeof eligibilityRecord.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(eligibilityRecord).values(rows);
}

/** Every assessment of the case, oldest first: the last one per criterion is its current state. */
export async function listEligibilityRecords(db: Executor, q: OfCase) {
  return db
    .select({
      id: eligibilityRecord.id,
      criterion: eligibilityRecord.criterion,
      state: eligibilityRecord.state,
      assessedOn: eligibilityRecord.assessedOn,
      basis: eligibilityRecord.basis,
      recordedAt: eligibilityRecord.recordedAt,
      recordedByName: appUser.name,
    })
    .from(eligibilityRecord)
    .innerJoin(appUser, eq(appUser.id, eligibilityRecord.recordedByUserId))
    .where(and(eq(eligibilityRecord.caseId, q.caseId), eq(eligibilityRecord.municipalityId, q.municipalityId)))
    .orderBy(asc(eligibilityRecord.recordedAt), asc(eligibilityRecord.id));
}

// Decisions ------------------------------------------------------------------------------------------------
const decisionColumns = {
  decision: caseDecision,
  createdByName: appUser.name,
  signedByName: signer.name,
};

function decisionQuery(db: Executor) {
  return db
    .select(decisionColumns)
    .from(caseDecision)
    .innerJoin(appUser, eq(appUser.id, caseDecision.createdByUserId))
    .leftJoin(signer, eq(signer.id, caseDecision.signedByUserId));
}

export async function listDecisions(db: Executor, q: OfCase) {
  return decisionQuery(db)
    .where(and(eq(caseDecision.caseId, q.caseId), eq(caseDecision.municipalityId, q.municipalityId)))
    .orderBy(desc(caseDecision.createdAt));
}

export async function findDecision(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await decisionQuery(db).where(and(eq(caseDecision.id, q.id), eq(caseDecision.municipalityId, q.municipalityId)));
  return row;
}

export async function insertDecision(db: Executor, values: typeof caseDecision.$inferInsert) {
  const [row] = await db.insert(caseDecision).values(values).returning({ id: caseDecision.id, version: caseDecision.version });
  return row!;
}

export type DecisionChanges = Partial<
  Pick<
    typeof caseDecision.$inferInsert,
    'outcome' | 'grounds' | 'hasChildren' | 'childImpact' | 'interventions' | 'stage' | 'signedAt' | 'signedByUserId' | 'firstContactAt' | 'daysFromFirstContact'
  >
>;

/** Changes an unsigned decision at the version read; null when stale or already signed. */
export async function updateDecision(db: Executor, q: { id: string; municipalityId: string; expectedVersion: number; set: DecisionChanges }) {
  const [row] = await db
    .update(caseDecision)
    .set({ ...q.set, version: sql`${caseDecision.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(caseDecision.id, q.id),
        eq(caseDecision.municipalityId, q.municipalityId),
        eq(caseDecision.version, q.expectedVersion),
        eq(caseDecision.stage, 'investigation'),
      ),
    )
    .returning({ id: caseDecision.id, version: caseDecision.version, stage: caseDecision.stage });
  return row ?? null;
}

// Journal --------------------------------------------------------------------------------------------------
export async function listJournalEntries(db: Executor, q: OfCase) {
  return db
    .select({ entry: journalEntry, authorName: appUser.name, signedByName: signer.name })
    .from(journalEntry)
    .innerJoin(appUser, eq(appUser.id, journalEntry.authorUserId))
    .leftJoin(signer, eq(signer.id, journalEntry.signedByUserId))
    .where(and(eq(journalEntry.caseId, q.caseId), eq(journalEntry.municipalityId, q.municipalityId)))
    .orderBy(asc(journalEntry.writtenAt), asc(journalEntry.id));
}

export async function findJournalEntry(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await db
    .select()
    .from(journalEntry)
    .where(and(eq(journalEntry.id, q.id), eq(journalEntry.municipalityId, q.municipalityId)));
  return row;
}

export async function insertJournalEntry(db: Executor, values: typeof journalEntry.$inferInsert) {
  const [row] = await db.insert(journalEntry).values(values).returning({ id: journalEntry.id, version: journalEntry.version });
  return row!;
}

/** Changes an unsigned entry at the version read; null when stale or signed meanwhile. */
export async function updateJournalEntry(
  db: Executor,
  q: {
    id: string;
    municipalityId: string;
    expectedVersion: number;
    set: Partial<Pick<typeof journalEntry.$inferInsert, 'body' | 'oralSourceAt' | 'oralSourceFrom' | 'signedAt' | 'signedByUserId'>>;
  },
) {
  const [row] = await db
    .update(journalEntry)
    .set({ ...q.set, version: sql`${journalEntry.version} + 1` })
    .where(
      and(
        eq(journalEntry.id, q.id),
        eq(journalEntry.municipalityId, q.municipalityId),
        eq(journalEntry.version, q.expectedVersion),
        isNull(journalEntry.signedAt),
      ),
    )
    .returning({ id: journalEntry.id, version: journalEntry.version });
  return row ?? null;
}

// Commitment, follow-up, tasks -------------------------------------------------------------------------------
export async function insertCommitment(db: Executor, values: typeof caseCommitment.$inferInsert) {
  const [row] = await db.insert(caseCommitment).values(values).returning({ id: caseCommitment.id });
  return row!;
}

export async function listCommitments(db: Executor, q: OfCase) {
  return db
    .select({ commitment: caseCommitment, recordedByName: appUser.name })
    .from(caseCommitment)
    .innerJoin(appUser, eq(appUser.id, caseCommitment.recordedByUserId))
    .where(and(eq(caseCommitment.caseId, q.caseId), eq(caseCommitment.municipalityId, q.municipalityId)))
    .orderBy(desc(caseCommitment.recordedAt));
}

export async function insertFollowUp(db: Executor, values: typeof caseFollowUp.$inferInsert) {
  const [row] = await db.insert(caseFollowUp).values(values).returning({ id: caseFollowUp.id });
  return row!;
}

export async function listFollowUps(db: Executor, q: OfCase) {
  return db
    .select({ followUp: caseFollowUp, recordedByName: appUser.name })
    .from(caseFollowUp)
    .innerJoin(appUser, eq(appUser.id, caseFollowUp.recordedByUserId))
    .where(and(eq(caseFollowUp.caseId, q.caseId), eq(caseFollowUp.municipalityId, q.municipalityId)))
    .orderBy(desc(caseFollowUp.occurredOn), desc(caseFollowUp.recordedAt));
}

export async function insertTask(db: Executor, values: typeof caseTask.$inferInsert) {
  const [row] = await db.insert(caseTask).values(values).returning({ id: caseTask.id });
  return row!;
}

export async function listTasks(db: Executor, q: OfCase) {
  return db
    .select({ task: caseTask, assignedName: appUser.name, doneByName: signer.name })
    .from(caseTask)
    .leftJoin(appUser, eq(appUser.id, caseTask.assignedUserId))
    .leftJoin(signer, eq(signer.id, caseTask.doneByUserId))
    .where(and(eq(caseTask.caseId, q.caseId), eq(caseTask.municipalityId, q.municipalityId)))
    .orderBy(asc(caseTask.doneAt), desc(caseTask.createdAt));
}

export async function findTask(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await db.select().from(caseTask).where(and(eq(caseTask.id, q.id), eq(caseTask.municipalityId, q.municipalityId)));
  return row;
}

/** Marks an open task done; null when someone else finished it first. */
export async function completeTask(db: Executor, q: { id: string; municipalityId: string; userId: string; note: string | null }) {
  const [row] = await db
    .update(caseTask)
    .set({ doneAt: new Date(), doneByUserId: q.userId, doneNote: q.note })
    .where(and(eq(caseTask.id, q.id), eq(caseTask.municipalityId, q.municipalityId), isNull(caseTask.doneAt)))
    .returning({ id: caseTask.id });
  return row ?? null;
}
