// The rest of intake (issue 5): staff drafts of a self-application or a guardian's call, rejecting a proposed
// person match, and e-mail delivery of notifications. Rules only; the API and the job apply them.
import { z } from 'zod';
import { draftInputSchema } from './intake-schemas.ts';
import type { NotificationKind } from './notifications.ts';
import { uuidSchema } from './schemas.ts';

/**
 * A draft is unfinished work that may hold a name and an identity number typed by someone: it is kept only as long
 * as it is plausibly still being written. After this many days without a save it is no longer offered and the
 * nightly job deletes it (partner and staff drafts alike).
 */
export const draftRetentionDays = 30;

/** The moment before which a draft last saved counts as expired. */
export function draftExpiryCutoff(now: Date, days = draftRetentionDays): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}

export function isDraftExpired(updatedAt: Date, now: Date, days = draftRetentionDays): boolean {
  return updatedAt.getTime() < draftExpiryCutoff(now, days).getTime();
}

/** A staff draft is always of the staff intake form (source `direct`): the caller never names the form. */
export const staffDraftInputSchema = draftInputSchema.omit({ source: true });
export type StaffDraftInput = z.output<typeof staffDraftInputSchema>;

/** "Candidate X is not the same person": recorded on the referral's version read, like linking. */
export const rejectMatchInputSchema = z.object({
  referralId: uuidSchema,
  expectedVersion: z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).positive({ error: 'validation.invalid' }),
  personId: uuidSchema,
});
export type RejectMatchInput = z.output<typeof rejectMatchInputSchema>;

/**
 * Whether an account gets notifications by e-mail as well: `urgentOnly` (the default) sends only the urgent intake
 * notification, which concerns the motivation window and protection needs; partners never get that kind, so for
 * them the default is in effect off. `all` sends every kind, `off` none.
 */
export const emailNotificationPreferences = ['urgentOnly', 'all', 'off'] as const;
export type EmailNotificationPreference = (typeof emailNotificationPreferences)[number];
export const defaultEmailNotificationPreference: EmailNotificationPreference = 'urgentOnly';

export function wantsEmail(preference: EmailNotificationPreference, kind: NotificationKind): boolean {
  if (preference === 'all') return true;
  if (preference === 'off') return false;
  return kind === 'urgentReferral';
}

export const emailPreferenceInputSchema = z.object({
  preference: z.enum(emailNotificationPreferences, { error: 'validation.invalidOption' }),
});

/** Notifications older than this are not e-mailed any more (e.g. when SMTP was off for a while): stale news. */
export const emailMaxAgeHours = 24;
