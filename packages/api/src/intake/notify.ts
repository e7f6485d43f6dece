// Notifications are written in the same transaction as the event they announce (a transactional outbox): the
// event and its notification commit together or not at all, so a restart loses none. Text is made at display
// time from the kind and the reference number only.
import { insertNotifications, staffIdsWithRole, type Tx } from '@utvag/db';
import type { NotificationKind } from '@utvag/domain';

export function notify(
  tx: Tx,
  n: { municipalityId: string; recipientUserIds: string[]; kind: NotificationKind; referralId: string; reference: string },
) {
  return insertNotifications(tx, n);
}

/** A new referral flagged for protection need or marked immediate: every intake worker of the municipality. */
export async function notifyIntakeOfUrgent(tx: Tx, r: { municipalityId: string; id: string; reference: string }) {
  const recipients = await staffIdsWithRole(tx, { municipalityId: r.municipalityId, roles: ['intake'] });
  await notify(tx, { municipalityId: r.municipalityId, recipientUserIds: recipients, kind: 'urgentReferral', referralId: r.id, reference: r.reference });
}

/** The partner who sent a referral sees that its status changed (what changed, they read on the receipt). */
export async function notifySubmitter(
  tx: Tx,
  r: { municipalityId: string; id: string; reference: string; sourceOrganisationId: string | null; submittedByUserId: string },
) {
  if (!r.sourceOrganisationId) return; // a direct item was written down by staff: no partner to tell
  await notify(tx, {
    municipalityId: r.municipalityId,
    recipientUserIds: [r.submittedByUserId],
    kind: 'submissionStatusChanged',
    referralId: r.id,
    reference: r.reference,
  });
}
