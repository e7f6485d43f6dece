import { describe, expect, it } from 'vitest';
import {
  canTransition,
  isFinalReferralStatus,
  partnerFeedback,
  partnerFeedbackStatuses,
  referenceNumber,
  referenceYear,
  referenceNumberPattern,
  referralOutcomes,
  referralStatuses,
  referralTransitions,
  statusForTriageDecision,
  triageDecisions,
} from './referral.ts';

describe('referral status machine', () => {
  it('allows exactly the transitions in the data', () => {
    for (const from of referralStatuses) {
      for (const to of referralStatuses) expect(canTransition(from, to)).toBe(referralTransitions[from].includes(to));
    }
  });
  it('draft → submitted → review or any outcome', () => {
    expect(referralTransitions.draft).toEqual(['submitted']);
    expect(canTransition('submitted', 'underReview')).toBe(true);
    for (const outcome of referralOutcomes) {
      expect(canTransition('submitted', outcome)).toBe(true);
      expect(canTransition('underReview', outcome)).toBe(true);
    }
    expect(canTransition('draft', 'caseOpened')).toBe(false);
    expect(canTransition('underReview', 'submitted')).toBe(false);
  });
  it('outcomes are final', () => {
    for (const outcome of referralOutcomes) {
      expect(referralTransitions[outcome]).toEqual([]);
      expect(isFinalReferralStatus(outcome)).toBe(true);
    }
    expect(isFinalReferralStatus('submitted')).toBe(false);
  });
  it('every triage decision leads to a reachable outcome', () => {
    for (const decision of triageDecisions) {
      const status = statusForTriageDecision(decision);
      expect(referralOutcomes).toContain(status);
      expect(canTransition('underReview', status)).toBe(true);
    }
    expect(statusForTriageDecision('passToSig')).toBe('passedToSig');
  });
});

describe('partnerFeedback', () => {
  it('maps every status, hiding the programme', () => {
    expect(Object.fromEntries(referralStatuses.map((s) => [s, partnerFeedback(s)]))).toEqual({
      draft: null,
      submitted: 'received',
      underReview: 'underReview',
      caseOpened: 'acceptedForSupport',
      passedToSig: 'acceptedForSupport',
      routedToOrdinarySupport: 'acceptedForSupport',
      notForUs: 'closedWithoutAction',
    });
  });
  it('uses every feedback status', () => {
    const used = new Set(referralStatuses.map((s) => partnerFeedback(s)));
    for (const status of partnerFeedbackStatuses) expect(used).toContain(status);
  });
});

describe('referenceYear', () => {
  it('is the Swedish calendar year, also in the hour when UTC is still in the old year', () => {
    expect(referenceYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(referenceYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
    // Summer time does not move the boundary: New Year is always in winter time (UTC+1).
    expect(referenceYear(new Date('2027-06-30T23:30:00Z'))).toBe(2027);
  });
});

describe('referenceNumber', () => {
  it('pads the sequence', () => {
    expect(referenceNumber(2026, 123)).toBe('UTV-2026-000123');
    expect(referenceNumberPattern.test(referenceNumber(2026, 999_999))).toBe(true);
  });
  it('grows past six digits instead of refusing a referral', () => {
    expect(referenceNumber(2026, 1_234_567)).toBe('UTV-2026-1234567');
    expect(referenceNumberPattern.test(referenceNumber(2026, 1_234_567))).toBe(true);
  });
  it('rejects bad input', () => {
    for (const [year, seq] of [[26, 1], [2026, 0], [2026, -3], [2026, 1.5]] as const) {
      expect(() => referenceNumber(year, seq)).toThrow(RangeError);
    }
  });
});
