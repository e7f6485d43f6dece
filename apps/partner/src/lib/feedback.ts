import type { PartnerFeedbackStatus } from '@utvag/domain';

/** Badge tone per feedback status; the badge always shows the text too. */
export const feedbackTone: Record<PartnerFeedbackStatus, 'info' | 'neutral' | 'success' | 'warning'> = {
  received: 'info',
  underReview: 'neutral',
  acceptedForSupport: 'success',
  closedWithoutAction: 'warning',
};
