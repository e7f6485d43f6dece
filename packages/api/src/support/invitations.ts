// The partner portal's view of network meetings: the user's own invitations, with only the agenda items meant
// for their organisation, and only while the case's consent covers that organisation (consent.ts). Row-level
// security (policy `invited`, migration 0012) shows a partner only meetings they are invited to.
import { listInvitationsOfUser } from '@utvag/db';
import { audited } from '../audit.ts';
import type { Context, PartnerUser } from '../context.ts';
import { consentCovers } from './consent.ts';

export async function listMyInvitations(ctx: Context & { user: PartnerUser }) {
  return audited(ctx, 'meetingInvitation.list', async (tx) => {
    const { municipalityId, organisationId, id: userId } = ctx.user;
    // From a week back, so a meeting just held still shows.
    const since = new Date(Date.now() - 7 * 86_400_000);
    const { meetings, items } = await listInvitationsOfUser(tx, { municipalityId, userId, organisationId, since });
    const shown = [];
    for (const m of meetings) {
      if (!(await consentCovers(tx, { municipalityId, caseId: m.caseId, organisationId, purpose: 'networkMeeting' }))) continue;
      shown.push({
        id: m.id,
        scheduledAt: m.scheduledAt.toISOString(),
        place: m.place,
        status: m.status,
        agenda: items.filter((i) => i.meetingId === m.id).map((i) => ({ id: i.id, title: i.title, details: i.details })),
      });
    }
    return { result: { items: shown }, record: { recordType: 'networkMeeting', recordId: null } };
  });
}
