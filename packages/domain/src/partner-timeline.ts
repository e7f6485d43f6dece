// The referring partner's status timeline (issue 5 item 6): only what social services may tell a professional
// reporter (DOMAIN.md §10) — the feedback statuses of partnerFeedback and, for a concern report about a child,
// whether an investigation was opened, not opened or already under way. Never the programme, the reason, the
// person or who decided. Each entry carries when it became available to the partner.
import type { InvestigationOutcome } from './clock-events.ts';
import { partnerFeedback, type ReferralKind, type ReferralStatus } from './referral.ts';
import type { PartnerFeedbackStatus } from './referral.ts';

export type PartnerTimelineStatus = PartnerFeedbackStatus | `investigation.${InvestigationOutcome}`;

export interface PartnerTimelineEntry {
  status: PartnerTimelineStatus;
  at: Date;
}

export interface PartnerTimelineFacts {
  kind: ReferralKind;
  status: Exclude<ReferralStatus, 'draft'>;
  receivedAt: Date;
  /** When staff first opened it (under review). */
  reviewStartedAt: Date | null;
  triagedAt: Date | null;
  investigationOutcome: InvestigationOutcome | null;
  investigationDecidedAt: Date | null;
}

/** The partner's timeline, oldest first. */
export function partnerTimeline(f: PartnerTimelineFacts): PartnerTimelineEntry[] {
  const entries: PartnerTimelineEntry[] = [{ status: 'received', at: f.receivedAt }];
  const final = partnerFeedback(f.status);
  // A referral decided straight from "received" was never under review: no such entry.
  if (f.reviewStartedAt && final !== 'received') entries.push({ status: 'underReview', at: f.reviewStartedAt });
  if (final !== 'received' && final !== 'underReview') entries.push({ status: final, at: f.triagedAt ?? f.reviewStartedAt ?? f.receivedAt });
  if (f.kind === 'concernReport' && f.investigationOutcome && f.investigationDecidedAt) {
    entries.push({ status: `investigation.${f.investigationOutcome}`, at: f.investigationDecidedAt });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
