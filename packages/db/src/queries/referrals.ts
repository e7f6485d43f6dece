// SQL for referrals: the partner's submission, the staff inbox, triage. Authorization happens in
// packages/api before any of these run; every query here is still scoped by tenant as a second guard.
import { and, asc, desc, eq, fillPlaceholders, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { IntakeSource, ReferralStatus } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { runPrepared } from '../prepared.ts';
import { appUser, organisation, person, referral, referralReferenceSeq } from '../schema/index.ts';

export type NewPerson = Pick<typeof person.$inferInsert, 'firstName' | 'lastName' | 'identityNumber' | 'birthDate'>;

/** Reuses the municipality's person with the same identity number; otherwise registers a new one. */
export async function findOrInsertPerson(db: Executor, municipalityId: string, p: NewPerson) {
  if (p.identityNumber) {
    const [existing] = await db
      .select({ id: person.id })
      .from(person)
      .where(and(eq(person.municipalityId, municipalityId), eq(person.identityNumber, p.identityNumber)));
    if (existing) return existing.id;
  }
  // Two referrals about the same new person can race: the loser's insert waits for the winner's commit and
  // then does nothing, and the select below (a new snapshot) finds the winner's row.
  const [row] = await db
    .insert(person)
    .values({ ...p, municipalityId })
    .onConflictDoNothing({
      target: [person.municipalityId, person.identityNumber],
      where: sql`${person.identityNumber} IS NOT NULL`,
    })
    .returning({ id: person.id });
  if (row) return row.id;
  const [winner] = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.municipalityId, municipalityId), eq(person.identityNumber, p.identityNumber!)));
  return winner!.id;
}

export async function nextReferralSequence(db: Executor): Promise<number> {
  const [row] = await db.execute<{ n: string }>(sql`select nextval(${referralReferenceSeq.seqName}) as n`);
  return Number(row!.n);
}

export type NewReferral = typeof referral.$inferInsert;

export async function insertReferral(db: Executor, values: NewReferral) {
  const [row] = await db
    .insert(referral)
    .values(values)
    .returning({ id: referral.id, reference: referral.reference, status: referral.status, receivedAt: referral.receivedAt });
  return row!;
}

export async function findReferralByIdempotencyKey(db: Executor, submittedByUserId: string, key: string) {
  const [row] = await db
    .select({
      id: referral.id,
      reference: referral.reference,
      status: referral.status,
      receivedAt: referral.receivedAt,
      inputHash: referral.inputHash,
    })
    .from(referral)
    .where(and(eq(referral.submittedByUserId, submittedByUserId), eq(referral.idempotencyKey, key)));
  return row;
}

export interface KeysetCursor {
  receivedAt: Date;
  id: string;
}


/** The inbox's keyset: its sort key (packages/domain `compareInboxItems`) of the last row shown. */
export interface InboxCursor extends KeysetCursor {
  rank: number;
}

export interface InboxFilter {
  source?: IntakeSource;
  status?: ReferralStatus;
  /** A staff account's id, or 'unassigned'. */
  assignee?: string;
  /** Assigned to this unit. */
  unitId?: string;
}

/**
 * What changes the inbox query's text: which filters are present (not their values), the order, whether there is
 * a cursor. The query is built once per shape (runPrepared) and its values go in as placeholders.
 */
interface InboxShape {
  source: 'direct' | 'type' | '';
  status: boolean;
  assignee: 'unassigned' | 'id' | '';
  unit: boolean;
  sort: InboxSort;
  after: boolean;
}

function inboxFilter(f: InboxShape): SQL | undefined {
  const p = sql.placeholder;
  const source = f.source === 'direct' ? isNull(referral.sourceOrganisationId) : f.source ? eq(organisation.type, p('source')) : undefined;
  const assignee =
    f.assignee === 'unassigned' ? isNull(referral.assignedUserId) : f.assignee ? eq(referral.assignedUserId, p('assignee')) : undefined;
  // Literal statuses (not parameters) so the planner can match referral_inbox_open_idx's predicate.
  const open = sql`${referral.status} in ('submitted', 'underReview')`;
  const unitFilter = f.unit ? eq(referral.assignedUnitId, p('unitId')) : undefined;
  return and(source, open, f.status ? eq(referral.status, p('status')) : undefined, assignee, unitFilter);
}

/** How a person chose to sort the inbox: `priority` is the domain's order (rank, longest waiting), `received`
 * the time of receipt alone. Both directions page by keyset. */
export interface InboxSort {
  key: 'priority' | 'received';
  direction: 'asc' | 'desc';
}

/** The sort's columns, and the keyset condition after the cursor in that order (`<` when descending). */
function inboxOrder(sort: InboxSort, after: boolean) {
  const p = sql.placeholder;
  const columns = sort.key === 'priority' ? [referral.inboxRank, referral.receivedAt, referral.id] : [referral.receivedAt, referral.id];
  const values = [
    ...(sort.key === 'priority' ? [sql`${p('afterRank')}`] : []),
    sql`${p('afterReceivedAt')}::timestamptz`,
    sql`${p('afterId')}::uuid`,
  ];
  const by = sort.direction === 'asc' ? asc : desc; // plain DESC (nulls first): a backward scan of the ASC indexes
  const keyset = after
    ? sql`(${sql.join(columns, sql`, `)}) ${sort.direction === 'asc' ? sql`>` : sql`<`} (${sql.join(values, sql`, `)})`
    : undefined;
  return { orderBy: columns.map((c) => by(c)), keyset };
}

/** The municipality's open items, a page at a time (keyset, not offset). The default order (priority, ascending)
 * is the domain's inbox order, served by referral_inbox_open_idx without a sort. */
export function listInbox(
  db: Executor,
  q: { municipalityId: string; limit: number; after?: InboxCursor; filter?: InboxFilter; sort?: InboxSort },
) {
  const { key, shape, values } = inboxCall(q);
  return runPrepared(db, key, (db) => inboxQuery(db, shape), values);
}

/** listInbox's text and parameters as it sends them, for EXPLAIN in tests. */
export function listInboxSql(db: Executor, q: Parameters<typeof listInbox>[1]) {
  const { shape, values } = inboxCall(q);
  const { sql: text, params } = inboxQuery(db, shape).toSQL();
  return { sql: text, params: fillPlaceholders(params, values) };
}

function inboxCall(q: Parameters<typeof listInbox>[1]) {
  const f = q.filter ?? {};
  const shape: InboxShape = {
    source: f.source === 'direct' ? 'direct' : f.source ? 'type' : '',
    status: Boolean(f.status),
    assignee: f.assignee === 'unassigned' ? 'unassigned' : f.assignee ? 'id' : '',
    unit: Boolean(f.unitId),
    sort: q.sort ?? { key: 'priority', direction: 'asc' },
    after: Boolean(q.after),
  };
  const key = `inbox:${shape.source}:${shape.status}:${shape.assignee}:${shape.unit}:${shape.sort.key}:${shape.sort.direction}:${shape.after}`;
  const values = {
    municipalityId: q.municipalityId,
    limit: q.limit,
    source: f.source,
    status: f.status,
    assignee: f.assignee,
    unitId: f.unitId,
    afterRank: q.after?.rank,
    afterReceivedAt: q.after?.receivedAt.toISOString(),
    afterId: q.after?.id,
  };
  return { key, shape, values };
}

function inboxQuery(db: Executor, shape: InboxShape) {
  const { orderBy, keyset: after } = inboxOrder(shape.sort, shape.after);
  return db
    .select({
      id: referral.id,
      reference: referral.reference,
      kind: referral.kind,
      status: referral.status,
      urgency: referral.urgency,
      threatOrProtectionNeed: referral.threatOrProtectionNeed,
      receivedAt: referral.receivedAt,
      rank: referral.inboxRank,
      childAtReceipt: referral.childAtReceipt,
      firstContactAt: referral.firstContactAt,
      safetyAssessedAt: referral.safetyAssessedAt,
      investigationDecidedAt: referral.investigationDecidedAt,
      investigationAlreadyOpen: referral.investigationAlreadyOpen,
      assignedUserId: referral.assignedUserId,
      assigneeName: appUser.name,
      sourceName: organisation.name,
      sourceType: organisation.type,
      personFirstName: person.firstName,
      personLastName: person.lastName,
      personBirthDate: person.birthDate,
      personIdentityNumber: person.identityNumber,
      personId: person.id,
      protectedIdentity: person.protectedIdentity,
    })
    .from(referral)
    .innerJoin(person, eq(person.id, referral.personId))
    .leftJoin(organisation, eq(organisation.id, referral.sourceOrganisationId))
    .leftJoin(appUser, eq(appUser.id, referral.assignedUserId))
    .where(and(eq(referral.municipalityId, sql.placeholder('municipalityId')), inboxFilter(shape), after))
    .orderBy(...orderBy)
    .limit(sql.placeholder('limit'));
}

export async function findReferralForStaff(db: Executor, q: { id: string; municipalityId: string }) {
  const [row] = await db
    .select({
      referral,
      person: {
        id: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
        identityNumber: person.identityNumber,
        birthDate: person.birthDate,
        protectedIdentity: person.protectedIdentity,
      },
      sourceName: organisation.name,
      sourceType: organisation.type,
      submittedByName: appUser.name,
    })
    .from(referral)
    .innerJoin(person, eq(person.id, referral.personId))
    .innerJoin(appUser, eq(appUser.id, referral.submittedByUserId))
    .leftJoin(organisation, eq(organisation.id, referral.sourceOrganisationId))
    .where(and(eq(referral.id, q.id), eq(referral.municipalityId, q.municipalityId)));
  return row;
}

const submissionColumns = {
  id: referral.id,
  reference: referral.reference,
  kind: referral.kind,
  status: referral.status,
  receivedAt: referral.receivedAt,
  updatedAt: referral.updatedAt,
  submittedByName: appUser.name,
  // Only for the domain's partnerTimeline, which decides what of these the partner may see.
  reviewStartedAt: referral.reviewStartedAt,
  triagedAt: referral.triagedAt,
  investigationOutcome: referral.investigationOutcome,
  investigationDecidedAt: referral.investigationDecidedAt,
};

/** What a partner organisation may see of its own submissions: reference, kind, dates and status only.
 * Drafts are the partner's own unfinished work, not submissions. */
export function listSubmissionsOfOrganisation(
  db: Executor,
  q: { organisationId: string; limit: number; before?: KeysetCursor },
) {
  const before = q.before
    ? or(
        lt(referral.receivedAt, q.before.receivedAt),
        and(eq(referral.receivedAt, q.before.receivedAt), lt(referral.id, q.before.id)),
      )
    : undefined;
  return db
    .select(submissionColumns)
    .from(referral)
    .innerJoin(appUser, eq(appUser.id, referral.submittedByUserId))
    .where(and(eq(referral.sourceOrganisationId, q.organisationId), ne(referral.status, 'draft'), before))
    .orderBy(desc(referral.receivedAt), desc(referral.id))
    .limit(q.limit);
}

/**
 * Moves a referral to a new status only if nobody changed it since `expectedVersion` was read and it is
 * still in one of `fromStatuses`. Returns undefined on a conflict, so the caller can tell the person.
 */
export async function updateReferralStatus(
  db: Executor,
  q: {
    id: string;
    municipalityId: string;
    expectedVersion: number;
    fromStatuses: readonly ReferralStatus[];
    set: Partial<Pick<NewReferral, 'status' | 'reviewStartedAt' | 'triageDecision' | 'triageProgramme' | 'triageReason' | 'triagedAt' | 'triagedByUserId'>>;
  },
) {
  const [row] = await db
    .update(referral)
    .set({ ...q.set, version: sql`${referral.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(referral.id, q.id),
        eq(referral.municipalityId, q.municipalityId),
        eq(referral.version, q.expectedVersion),
        inArray(referral.status, [...q.fromStatuses]),
      ),
    )
    .returning({ id: referral.id, status: referral.status, version: referral.version });
  return row;
}

/** One submission, only when it came from the given organisation (anything else reads as not found). */
export async function findSubmissionOfOrganisation(db: Executor, q: { id: string; organisationId: string }) {
  const [row] = await db
    .select(submissionColumns)
    .from(referral)
    .innerJoin(appUser, eq(appUser.id, referral.submittedByUserId))
    .where(and(eq(referral.id, q.id), eq(referral.sourceOrganisationId, q.organisationId), ne(referral.status, 'draft')));
  return row;
}
