// In-app notifications (issue 5 item 7). A notification names its kind and a reference number only, so no
// personal data reaches a notification list, an e-mail or a log.
export const notificationKinds = [
  'urgentReferral',
  'assigned',
  'submissionStatusChanged',
  'assessmentRequested',
  'assessmentAnswered',
  'transferOffered',
  'assessmentExpiring',
  'assessmentExpired',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Intake staff hear at once about a referral flagged for protection need or marked immediate. */
export function isUrgentIntake(f: { protectionNeed: boolean; urgency: string }): boolean {
  return f.protectionNeed || f.urgency === 'immediate';
}
