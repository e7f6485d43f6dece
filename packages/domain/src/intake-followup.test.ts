// Issue 5 after intake: which clock events apply and when a late decision needs a reason, assignment targets,
// person matching and the partner's timeline (never more than §10 allows).
import { describe, expect, it } from 'vitest';
import { clockEventApplies, clockEventInputSchema, clockEventProblem, investigationDecisionDue } from './clock-events.ts';
import { sameAssignment, targetAssignment } from './assignment.ts';
import { fictionalIdentityNumber } from './identity.ts';
import { matchReason, namesSimilar, normaliseName } from './person-matching.ts';
import { partnerTimeline } from './partner-timeline.ts';

const id = '00000000-0000-4000-8000-000000000001';

describe('clock events', () => {
  it('applies the assessments of a child to concern reports only', () => {
    expect(clockEventApplies('referral', 'firstContact')).toBe(true);
    expect(clockEventApplies('referral', 'immediateSafetyAssessment')).toBe(false);
    expect(clockEventApplies('selfApplication', 'preliminaryAssessment')).toBe(false);
    expect(clockEventApplies('concernReport', 'preliminaryAssessment')).toBe(true);
  });

  it('requires the outcome of an investigation decision, and refuses a time in the future', () => {
    const base = { referralId: id, expectedVersion: '3', event: 'preliminaryAssessment' };
    expect(clockEventInputSchema.safeParse(base).error?.issues[0]?.message).toBe('validation.outcomeRequired');
    expect(clockEventInputSchema.parse({ ...base, outcome: 'alreadyOpen', at: '' }).at).toBeUndefined();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(clockEventInputSchema.safeParse({ ...base, outcome: 'opened', at: future }).error?.issues[0]?.message).toBe('validation.dateInFuture');
  });

  it('refuses a time before receipt and a late decision without an exceptional reason (the 14th day still in time)', () => {
    const receivedAt = new Date('2026-03-02T09:00:00Z');
    const due = investigationDecisionDue(receivedAt);
    expect(due.toISOString()).toBe('2026-03-16T22:59:59.999Z'); // end of 16 March, Swedish time (CET)
    const decision = { event: 'preliminaryAssessment' as const, outcome: 'notOpened' as const, delayReason: undefined };
    expect(clockEventProblem({ receivedAt }, decision, new Date('2026-03-01T09:00:00Z'))).toEqual({ field: 'at', key: 'validation.beforeReceived' });
    expect(clockEventProblem({ receivedAt }, decision, due)).toBeNull();
    expect(clockEventProblem({ receivedAt }, decision, new Date(due.getTime() + 1))).toEqual({ field: 'delayReason', key: 'validation.delayReasonRequired' });
    expect(clockEventProblem({ receivedAt }, { ...decision, delayReason: 'Sjukdom' }, new Date(due.getTime() + 1))).toBeNull();
    // "Already open" is no decision of ours, so it is never late.
    expect(clockEventProblem({ receivedAt }, { ...decision, outcome: 'alreadyOpen' }, new Date(due.getTime() + 1))).toBeNull();
  });
});

describe('assignment', () => {
  it('places a case worker chosen alone in their own unit, and compares assignments', () => {
    expect(targetAssignment({ userId: 'u' }, 'unit-of-u')).toEqual({ unitId: 'unit-of-u', userId: 'u' });
    expect(targetAssignment({ unitId: 'x', userId: 'u' }, 'unit-of-u')).toEqual({ unitId: 'x', userId: 'u' });
    expect(targetAssignment({}, null)).toEqual({ unitId: null, userId: null });
    expect(sameAssignment({ unitId: null, userId: null }, { unitId: null, userId: null })).toBe(true);
  });
});

describe('person matching', () => {
  const p = (over: Partial<Parameters<typeof matchReason>[0]>) => ({
    id: 'a', firstName: 'Åsa-Lena', lastName: 'Berg', identityNumber: null, birthDate: '2001-02-03', ...over,
  });

  it('compares names without case, diacritics or punctuation, and a first name with a longer one', () => {
    expect(normaliseName(' Åsa-Lena ')).toBe('asa lena');
    expect(namesSimilar({ firstName: 'Asa Lena', lastName: 'berg' }, { firstName: 'Åsa-Lena', lastName: 'Berg' })).toBe(true);
    expect(namesSimilar({ firstName: 'Åsa', lastName: 'Berg' }, { firstName: 'Åsa Lena', lastName: 'Berg' })).toBe(true);
    expect(namesSimilar({ firstName: 'Ås', lastName: 'Berg' }, { firstName: 'Åsa', lastName: 'Berg' })).toBe(false);
    expect(namesSimilar({ firstName: 'Åsa', lastName: 'Berg' }, { firstName: 'Åsa', lastName: 'Bergh' })).toBe(false);
  });

  it('matches the same identity number, or the same birth date (also read from the number) and a similar name', () => {
    const number = fictionalIdentityNumber('2001-02-03', 4);
    expect(matchReason(p({ identityNumber: number }), p({ id: 'b', identityNumber: number, firstName: 'X' }))).toBe('identityNumber');
    expect(matchReason(p({}), p({ id: 'b', identityNumber: number, birthDate: null, firstName: 'Åsa Lena' }))).toBe('birthDateAndName');
    expect(matchReason(p({}), p({ id: 'b', birthDate: '2001-02-04' }))).toBeNull();
    // Two different identity numbers are two people, even with the same name.
    expect(matchReason(p({ identityNumber: number }), p({ id: 'b', identityNumber: fictionalIdentityNumber('2001-02-03', 5) }))).toBeNull();
    expect(matchReason(p({}), p({}))).toBeNull(); // itself
  });
});

describe('partner timeline', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
  const base = { kind: 'referral' as const, receivedAt: at(8), reviewStartedAt: null, triagedAt: null, investigationOutcome: null, investigationDecidedAt: null };

  it('shows received, under review and the outcome as the four feedback statuses only', () => {
    expect(partnerTimeline({ ...base, status: 'submitted' }).map((e) => e.status)).toEqual(['received']);
    expect(partnerTimeline({ ...base, status: 'underReview', reviewStartedAt: at(9) }).map((e) => e.status)).toEqual(['received', 'underReview']);
    const decided = partnerTimeline({ ...base, status: 'passedToSig', reviewStartedAt: at(9), triagedAt: at(10) });
    expect(decided).toEqual([{ status: 'received', at: at(8) }, { status: 'underReview', at: at(9) }, { status: 'acceptedForSupport', at: at(10) }]);
    // Decided straight away: never "under review".
    expect(partnerTimeline({ ...base, status: 'notForUs', triagedAt: at(9) }).map((e) => e.status)).toEqual(['received', 'closedWithoutAction']);
  });

  it('tells a concern report’s reporter whether an investigation was opened, and nobody else', () => {
    const facts = { ...base, status: 'underReview' as const, reviewStartedAt: at(9), investigationOutcome: 'alreadyOpen' as const, investigationDecidedAt: at(11) };
    expect(partnerTimeline({ ...facts, kind: 'concernReport' }).at(-1)).toEqual({ status: 'investigation.alreadyOpen', at: at(11) });
    expect(partnerTimeline(facts).map((e) => e.status)).toEqual(['received', 'underReview']);
  });
});
