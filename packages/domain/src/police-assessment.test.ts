import { describe, expect, it } from 'vitest';
import { calendarDateInSweden } from './dates.ts';
import {
  addCalendarMonths,
  assessmentExpiryNotice,
  assessmentExpiryNoticeDays,
  assessmentExpiryNoticeDaysFrom,
  assessmentAnswerInputSchema,
  assessmentLegalBases,
  assessmentRequestInputSchema,
  assessmentValidity,
  canTransitionAssessment,
  effectiveAssessmentStatus,
  latestValidAssessment,
  latestValidUntil,
  protectionNeedJudged,
  validUntilProblem,
} from './police-assessment.ts';
import { addDays } from './support/days.ts';

const id = '3f0b7c2e-2f4a-4f7e-9a53-5e8a1c0d9b11';

describe('police assessment status machine', () => {
  it('allows requested → answered → expired and requested → withdrawn only', () => {
    expect(canTransitionAssessment('requested', 'answered')).toBe(true);
    expect(canTransitionAssessment('requested', 'withdrawn')).toBe(true);
    expect(canTransitionAssessment('answered', 'expired')).toBe(true);
    expect(canTransitionAssessment('answered', 'withdrawn')).toBe(false);
    expect(canTransitionAssessment('withdrawn', 'answered')).toBe(false);
    expect(canTransitionAssessment('expired', 'answered')).toBe(false);
    expect(canTransitionAssessment('requested', 'expired')).toBe(false);
  });
});

describe('validity', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-08-15', 6)).toBe('2027-02-15');
    expect(latestValidUntil('2026-11-23')).toBe('2027-05-23');
  });
  it('refuses a validUntil on or before the answer date, or more than six months on', () => {
    expect(validUntilProblem('2026-11-23', '2026-11-23')).toBe('validation.validUntilNotAfterAnswer');
    expect(validUntilProblem('2026-11-01', '2026-11-23')).toBe('validation.validUntilNotAfterAnswer');
    expect(validUntilProblem('2026-11-24', '2026-11-23')).toBeNull();
    expect(validUntilProblem('2027-05-23', '2026-11-23')).toBeNull();
    expect(validUntilProblem('2027-05-24', '2026-11-23')).toBe('validation.validUntilTooLate');
  });
  it('is valid through its last day, renew soon within 14 days, expired after', () => {
    expect(assessmentValidity('2026-12-31', '2026-11-23')).toBe('valid');
    expect(assessmentValidity('2026-12-07', '2026-11-23')).toBe('renewSoon');
    expect(assessmentValidity('2026-12-08', '2026-11-23')).toBe('valid');
    expect(assessmentValidity('2026-11-23', '2026-11-23')).toBe('renewSoon');
    expect(assessmentValidity('2026-11-22', '2026-11-23')).toBe('expired');
  });
  it('shows an answered request past its validUntil as expired', () => {
    expect(effectiveAssessmentStatus('answered', '2026-11-22', '2026-11-23')).toBe('expired');
    expect(effectiveAssessmentStatus('answered', '2026-11-23', '2026-11-23')).toBe('answered');
    expect(effectiveAssessmentStatus('withdrawn', null, '2026-11-23')).toBe('withdrawn');
    expect(effectiveAssessmentStatus('requested', null, '2026-11-23')).toBe('requested');
  });
  it('picks the latest valid answer', () => {
    const a = { validUntil: '2026-11-01', answeredAt: '2026-06-01T10:00:00Z', need: 'concrete' };
    const b = { validUntil: '2027-01-01', answeredAt: '2026-10-01T10:00:00Z', need: 'latent' };
    const c = { validUntil: '2027-02-01', answeredAt: '2026-09-01T10:00:00Z', need: 'none' };
    expect(latestValidAssessment([a, c, b], '2026-11-23')?.need).toBe('latent');
    expect(latestValidAssessment([a], '2026-11-23')).toBeNull();
  });
  it('counts latent and concrete as a judged protection need', () => {
    expect(protectionNeedJudged('none')).toBe(false);
    expect(protectionNeedJudged('latent')).toBe(true);
    expect(protectionNeedJudged('concrete')).toBe(true);
  });
});

describe('schemas', () => {
  it('accepts a request and names a bad field', () => {
    expect(assessmentRequestInputSchema.safeParse({ caseId: id, organisationId: id, question: 'Hotbild?', legalBasis: 'consent' }).success).toBe(true);
    const r = assessmentRequestInputSchema.safeParse({ caseId: id, organisationId: 'x', question: ' ', legalBasis: 'gossip' });
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({ organisationId: 'validation.invalidUuid', question: 'validation.required', legalBasis: 'validation.invalidOption' });
  });
  it('has exactly the three legal bases of the disclosure log', () => {
    expect([...assessmentLegalBases]).toEqual(['consent', 'crimePreventionUnder21', 'necessity']);
  });
  it('checks the answer: need, a short summary, validUntil after today and within six months', () => {
    const today = calendarDateInSweden(new Date());
    const ok = { requestId: id, idempotencyKey: id, protectionNeed: 'concrete', threatSummary: 'Hot från tidigare gruppering.', validUntil: addDays(today, 30) };
    expect(assessmentAnswerInputSchema.safeParse(ok).success).toBe(true);
    const msg = (v: object) => assessmentAnswerInputSchema.safeParse({ ...ok, ...v }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(msg({ validUntil: today })).toEqual([['validUntil', 'validation.validUntilNotAfterAnswer']]);
    expect(msg({ validUntil: addDays(latestValidUntil(today), 1) })).toEqual([['validUntil', 'validation.validUntilTooLate']]);
    expect(msg({ validUntil: '2026-02-30' })).toEqual([['validUntil', 'validation.invalidDate']]);
    expect(msg({ threatSummary: 'x'.repeat(1001) })).toEqual([['threatSummary', 'validation.tooLong']]);
    expect(msg({ protectionNeed: 'huge' })).toEqual([['protectionNeed', 'validation.invalidOption']]);
  });
});

describe('expiry notices to the case worker', () => {
  const today = '2026-06-15';
  it('tells from 14 days before the last valid day through that day, by default', () => {
    expect(assessmentExpiryNotice('2026-06-30', today)).toBeNull();
    expect(assessmentExpiryNotice('2026-06-29', today)).toBe('expiring');
    expect(assessmentExpiryNotice('2026-06-15', today)).toBe('expiring');
  });
  it('tells it has expired from the day after, within a catch-up window of as many days', () => {
    expect(assessmentExpiryNotice('2026-06-14', today)).toBe('expired');
    expect(assessmentExpiryNotice('2026-06-01', today)).toBe('expired');
    expect(assessmentExpiryNotice('2026-05-31', today)).toBeNull();
  });
  it('takes the days as configuration', () => {
    expect(assessmentExpiryNotice('2026-06-20', today, 3)).toBeNull();
    expect(assessmentExpiryNotice('2026-06-18', today, 3)).toBe('expiring');
    expect(assessmentExpiryNoticeDays).toBe(14);
    expect(assessmentExpiryNoticeDaysFrom('7')).toBe(7);
    for (const bad of [undefined, '', ' ', '0', '-3', '2.5', '91', 'fjorton']) expect(assessmentExpiryNoticeDaysFrom(bad)).toBe(14);
  });
});
