// Referrals into social services and their status machine: "one way in" (003, DOMAIN.md §9).
import { calendarDateInSweden } from './dates.ts';

export const referralKinds = ['referral', 'concernReport', 'selfApplication'] as const;
export type ReferralKind = (typeof referralKinds)[number];

export const urgencies = ['normal', 'high', 'immediate'] as const;
export type Urgency = (typeof urgencies)[number];

export const referralStatuses = [
  'draft',
  'submitted',
  'underReview',
  'caseOpened',
  'passedToSig',
  'routedToOrdinarySupport',
  'notForUs',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Outcomes of triage; every one is final. */
export const referralOutcomes = ['caseOpened', 'passedToSig', 'routedToOrdinarySupport', 'notForUs'] as const satisfies readonly ReferralStatus[];

// A submitted referral may be decided at once: the motivation window is short (003), so triage can skip review.
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['submitted'],
  submitted: ['underReview', ...referralOutcomes],
  underReview: referralOutcomes,
  caseOpened: [],
  passedToSig: [],
  routedToOrdinarySupport: [],
  notForUs: [],
};

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return referralTransitions[from].includes(to);
}

export function isFinalReferralStatus(status: ReferralStatus): boolean {
  return referralTransitions[status].length === 0;
}

export const triageDecisions = ['openCase', 'passToSig', 'routeToOrdinarySupport', 'notForUs'] as const;
export type TriageDecision = (typeof triageDecisions)[number];

const statusByTriageDecision: Record<TriageDecision, ReferralStatus> = {
  openCase: 'caseOpened',
  passToSig: 'passedToSig',
  routeToOrdinarySupport: 'routedToOrdinarySupport',
  notForUs: 'notForUs',
};

export function statusForTriageDecision(decision: TriageDecision): ReferralStatus {
  return statusByTriageDecision[decision];
}

export const partnerFeedbackStatuses = ['received', 'underReview', 'acceptedForSupport', 'closedWithoutAction'] as const;
export type PartnerFeedbackStatus = (typeof partnerFeedbackStatuses)[number];

// §10: social services may tell a professional reporter only whether something was started, not what. Opening
// a case, passing to SIG and ordinary support all read 'acceptedForSupport' so the programme never leaks.
// A draft has not reached social services, so there is no feedback: null (the partner sees their own draft).
const feedbackByStatus: Record<ReferralStatus, PartnerFeedbackStatus | null> = {
  draft: null,
  submitted: 'received',
  underReview: 'underReview',
  caseOpened: 'acceptedForSupport',
  passedToSig: 'acceptedForSupport',
  routedToOrdinarySupport: 'acceptedForSupport',
  notForUs: 'closedWithoutAction',
};

export function partnerFeedback(status: Exclude<ReferralStatus, 'draft'>): PartnerFeedbackStatus;
export function partnerFeedback(status: ReferralStatus): PartnerFeedbackStatus | null;
export function partnerFeedback(status: ReferralStatus): PartnerFeedbackStatus | null {
  return feedbackByStatus[status];
}

export const referenceNumberPattern = /^UTV-(\d{4})-(\d{6,})$/;

/**
 * 'UTV-2026-000123': year of registration plus a running number, at least six digits. The number comes from
 * one sequence for the whole deployment, so it grows past 999,999 rather than ever refusing a referral.
 */
/**
 * The year a reference number carries: the Swedish calendar year of the registration, not the server's. A server
 * on UTC would otherwise number the first hour of 1 January (23:00–24:00 UTC) with the old year.
 */
export function referenceYear(registeredAt: Date): number {
  return Number(calendarDateInSweden(registeredAt).slice(0, 4));
}

export function referenceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError('year must have four digits');
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  return `UTV-${year}-${String(sequence).padStart(6, '0')}`;
}
