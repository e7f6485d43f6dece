// The staff inbox: the municipality's open referrals, longest waiting first, protected identities masked.
import { listInbox as listInboxRows } from '@utvag/db';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { personView } from './masking.ts';

export async function listInbox(ctx: Context & { user: StaffUser }, input: { limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor);
  return audited(ctx, 'inbox.list', async (tx) => {
    const rows = await listInboxRows(tx, { municipalityId: ctx.user.municipalityId, limit: input.limit + 1, after });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    const items = page.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      urgency: r.urgency,
      threatOrProtectionNeed: r.threatOrProtectionNeed,
      receivedAt: r.receivedAt.toISOString(),
      source: r.sourceName ? { name: r.sourceName, type: r.sourceType } : null,
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
    const nextCursor = rows.length > input.limit && last ? encodeCursor(last) : null;
    return {
      result: { items, nextCursor },
      record: { recordType: 'referral', recordId: null, subjectIds: page.map((r) => r.personId) },
    };
  });
}
