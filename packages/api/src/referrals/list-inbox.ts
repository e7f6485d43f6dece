// The staff inbox: one queue over every source of the municipality, in the domain's order (protection need,
// child, longest waiting), filterable by source, status and assignee, each item with its clocks at this
// moment. Protected identities masked.
import { countUnreadNotifications, listInbox as listInboxRows, listUnitsOfMunicipality, type Tx } from '@utvag/db';
import { clocksFor, type InboxQuery } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { decodeInboxCursor, encodeInboxCursor } from '../cursor.ts';
import { isAllowed } from '../permissions.ts';
import { personView } from './masking.ts';

type Row = Awaited<ReturnType<typeof listInboxRows>>[number];

export function clocksOf(r: Pick<Row, 'kind' | 'receivedAt' | 'firstContactAt' | 'safetyAssessedAt' | 'investigationDecidedAt' | 'investigationAlreadyOpen'>, now: Date) {
  return clocksFor(r, now).map((c) => ({ code: c.code, dueAt: c.dueAt.toISOString(), state: c.state, metLate: c.metLate ?? false }));
}

export async function listInbox(ctx: Context & { user: StaffUser }, input: InboxQuery) {
  const now = new Date();
  return audited(ctx, 'inbox.list', async (tx) => {
    const rows = await inboxRows(tx, ctx, input);
    return inboxRecord(pageOf(rows, input.limit, now));
  });
}

/**
 * Everything the inbox page reads, in the one audited transaction of an inbox read (issue 9): the page of the
 * queue, the units for its filter and the header's unread count. Three transactions before, 15 round trips a page.
 * The units and the count are what `directory.list` and `notification.unreadCount` answer, under the same RLS.
 */
export async function readInboxPage(ctx: Context & { user: StaffUser }, input: InboxQuery) {
  const now = new Date();
  const { user } = ctx;
  return audited(ctx, 'inbox.list', async (tx) => {
    // Sent together on the transaction's connection (pipelined), answered in order.
    const [rows, units, unread] = await Promise.all([
      inboxRows(tx, ctx, input),
      isAllowed(user.role, 'directory.read') ? listUnitsOfMunicipality(tx, user.municipalityId) : Promise.resolve([]),
      isAllowed(user.role, 'notification.list') ? countUnreadNotifications(tx, user.id) : Promise.resolve(0),
    ]);
    const { result, record } = inboxRecord(pageOf(rows, input.limit, now));
    return { result: { page: result, units, unreadNotifications: unread }, record };
  });
}

function inboxRows(tx: Tx, ctx: Context & { user: StaffUser }, input: InboxQuery) {
  const after = decodeInboxCursor(input.cursor);
  const assignee = input.assignee === 'me' ? ctx.user.id : input.assignee;
  const filter = { source: input.source, status: input.status, assignee, unitId: input.unit };
  const sort = { key: input.sort, direction: input.order };
  return listInboxRows(tx, { municipalityId: ctx.user.municipalityId, limit: input.limit + 1, after, filter, sort });
}

function inboxRecord(p: { page: Row[]; result: ReturnType<typeof pageOf>['result'] }) {
  return { result: p.result, record: { recordType: 'referral', recordId: null, subjectIds: p.page.map((r) => r.personId) } };
}

/** One page of the queue (rows holds limit + 1 to tell whether there is a next page), protected identities masked. */
function pageOf(rows: Row[], limit: number, now: Date) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = page.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    urgency: r.urgency,
    threatOrProtectionNeed: r.threatOrProtectionNeed,
    /** The inbox rank's flags, spelled out, so the page can say why an item is high up. */
    protectionNeed: r.rank <= 1,
    child: r.childAtReceipt,
    receivedAt: r.receivedAt.toISOString(),
    source: r.sourceName ? { name: r.sourceName, type: r.sourceType } : null,
    assignee: r.assignedUserId ? { id: r.assignedUserId, name: r.assigneeName } : null,
    clocks: clocksOf(r, now),
    person: personView(
      {
        firstName: r.personFirstName,
        lastName: r.personLastName,
        identityNumber: r.personIdentityNumber,
        birthDate: r.personBirthDate,
        protectedIdentity: r.protectedIdentity,
      },
      'list',
    ),
  }));
  const nextCursor = rows.length > limit && last ? encodeInboxCursor(last) : null;
  return { page, result: { items, nextCursor, now: now.toISOString() } };
}
