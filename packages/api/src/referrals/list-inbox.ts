// The staff inbox: one queue over every source of the municipality, in the domain's order (protection need,
// child, longest waiting), filterable by source, status and assignee, each item with its clocks at this
// moment. Protected identities masked.
import { listInbox as listInboxRows } from '@utvag/db';
import { clocksFor, type InboxQuery } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { decodeInboxCursor, encodeInboxCursor } from '../cursor.ts';
import { personView } from './masking.ts';

type Row = Awaited<ReturnType<typeof listInboxRows>>[number];

export function clocksOf(r: Pick<Row, 'kind' | 'receivedAt' | 'firstContactAt' | 'safetyAssessedAt' | 'investigationDecidedAt' | 'investigationAlreadyOpen'>, now: Date) {
  return clocksFor(r, now).map((c) => ({ code: c.code, dueAt: c.dueAt.toISOString(), state: c.state, metLate: c.metLate ?? false }));
}

export async function listInbox(ctx: Context & { user: StaffUser }, input: InboxQuery) {
  const after = decodeInboxCursor(input.cursor);
  const assignee = input.assignee === 'me' ? ctx.user.id : input.assignee;
  const filter = { source: input.source, status: input.status, assignee, unitId: input.unit };
  const now = new Date();
  return audited(ctx, 'inbox.list', async (tx) => {
    const sort = { key: input.sort, direction: input.order };
    const rows = await listInboxRows(tx, { municipalityId: ctx.user.municipalityId, limit: input.limit + 1, after, filter, sort });
    const page = rows.slice(0, input.limit);
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
    const nextCursor = rows.length > input.limit && last ? encodeInboxCursor(last) : null;
    return {
      result: { items, nextCursor, now: now.toISOString() },
      record: { recordType: 'referral', recordId: null, subjectIds: page.map((r) => r.personId) },
    };
  });
}
