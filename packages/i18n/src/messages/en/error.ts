import type { Catalog } from '../shape.ts';
import type { error as sv } from '../sv/error.ts';

export const error = {
  followUpNotStored: 'Only a completed half-year has stored figures to recompute. The current half-year and custom periods are always computed when you open them.',
  notFound: 'The page does not exist. Check the address or go to the start page.',
  forbidden: 'You do not have access to this. Contact your administrator if you need access.',
  unauthorized: 'You need to log in to continue.',
  conflict: 'Someone else changed this while you were working. Reload the page and make your change again.',
  badRequest: 'The information could not be accepted. Check it and try again.',
  internal: 'Something went wrong on our side. Try again in a while. Contact support if the problem remains.',
  invalidTransition: 'The case has already changed and this step is no longer possible. Reload the page to see its current state.',
  rateLimited: 'Too many attempts in a short time. Wait fifteen minutes and try again.',
  sessionExpired: 'You have been logged out because you were inactive for a while. Log in again.',
  duplicate: 'This is already registered. Find the existing one instead of creating a new one.',
  idempotencyKeyReused: 'This form has already been sent with different details. Open a new form if you want to send something more.',
  draftSourceMismatch: 'The draft belongs to another form. Open it from the list of drafts.',
  clockNotApplicable: 'That event applies only to concern reports about children.',
  clockAlreadyRecorded: 'The event is already recorded. Reload the page to see it.',
  qualifiedSocialWorkerRequired: 'Assessments about children are made by a qualified social worker. Ask a qualified colleague.',
  assignmentUnchanged: 'The referral is already assigned like that. Choose another unit or case worker.',
} satisfies Catalog<typeof sv>;
