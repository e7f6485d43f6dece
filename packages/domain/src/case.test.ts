import { describe, expect, it } from 'vitest';
import { canChangeCaseStatus, daysBetween, followUpNeedsReview, hasDecisionMandate } from './case.ts';
import { mayAccessCase } from './case-access.ts';
import { eligibilityChecklist, isOutsideAgeBand, recommendRoute } from './case-eligibility.ts';
import { caseCloseInputSchema, decisionDraftInputSchema, eligibilityInputSchema, journalWriteInputSchema, missingForSigning } from './case-schemas.ts';
import { fieldErrors } from './validation-keys.ts';

const uuid = '11111111-1111-4111-8111-111111111111';

describe('case status', () => {
  it('opens, closes, reopens and closes again, and nothing else', () => {
    expect(canChangeCaseStatus('open', 'closed')).toBe(true);
    expect(canChangeCaseStatus('closed', 'reopened')).toBe(true);
    expect(canChangeCaseStatus('reopened', 'closed')).toBe(true);
    expect(canChangeCaseStatus('open', 'reopened')).toBe(false);
    expect(canChangeCaseStatus('closed', 'closed')).toBe(false);
  });
});

describe('decision mandate', () => {
  it('belongs to unit managers, and to coordinators only by delegation', () => {
    expect(hasDecisionMandate('unitManager', false)).toBe(true);
    expect(hasDecisionMandate('coordinator', false)).toBe(false);
    expect(hasDecisionMandate('coordinator', true)).toBe(true);
    expect(hasDecisionMandate('caseWorker', true)).toBe(false);
    expect(hasDecisionMandate('administrator', true)).toBe(false);
  });

  it('counts whole days from first contact, never negative', () => {
    expect(daysBetween(new Date('2026-01-01T10:00Z'), new Date('2026-01-04T09:00Z'))).toBe(2);
    expect(daysBetween(new Date('2026-01-04T10:00Z'), new Date('2026-01-01T10:00Z'))).toBe(0);
  });
});

describe('need to know', () => {
  const c = { unitId: 'u1', responsibleUserId: null, coordinatorUserId: null, status: 'open' as const };
  it('follows the unit, the names on the case, and lets intake in only until assignment', () => {
    expect(mayAccessCase({ id: 'a', role: 'caseWorker', unitId: 'u1' }, c)).toBe(true);
    expect(mayAccessCase({ id: 'a', role: 'caseWorker', unitId: 'u2' }, c)).toBe(false);
    expect(mayAccessCase({ id: 'a', role: 'caseWorker', unitId: 'u2' }, { ...c, coordinatorUserId: 'a' })).toBe(true);
    expect(mayAccessCase({ id: 'm', role: 'unitManager', unitId: null }, c)).toBe(true);
    expect(mayAccessCase({ id: 'i', role: 'intake', unitId: 'x' }, c)).toBe(true);
    expect(mayAccessCase({ id: 'i', role: 'intake', unitId: 'x' }, { ...c, responsibleUserId: 'w' })).toBe(false);
    expect(mayAccessCase({ id: 'ad', role: 'administrator', unitId: 'u1' }, c)).toBe(false);
  });
});

describe('eligibility checklist', () => {
  it('shows every criterion and marks who requires it', () => {
    const list = eligibilityChecklist('sig', 20);
    expect(list).toHaveLength(7);
    expect(list.find((i) => i.code === 'consent')).toMatchObject({ requiredByProgramme: true, requiredForExit: true });
    expect(list.find((i) => i.code === 'policeProtectionNeed')).toMatchObject({ requiredByProgramme: false, requiredForExit: true });
  });

  it('routes through the evaluator: never a dead end', () => {
    expect(recommendRoute(25, { motivation: 'notMet' }).route).toBe('sig');
    expect(recommendRoute(40, { motivation: 'notMet' }).route).toBe('ordinarySupport');
  });

  it('asks for an age-band reason outside the band, never for an unknown age', () => {
    expect(isOutsideAgeBand('sig', 35)).toBe(true);
    expect(isOutsideAgeBand('adultExitProgramme', 70)).toBe(false);
    expect(isOutsideAgeBand('youthExitProgramme', null)).toBe(false);
  });
});

describe('case schemas', () => {
  it('needs a termination reason when terminated, and a note for "other"', () => {
    const base = { caseId: uuid, expectedVersion: 1 };
    expect(fieldErrors(caseCloseInputSchema.safeParse({ ...base, outcome: 'terminated' }).error!)).toEqual({
      terminationReason: { key: 'validation.terminationReasonRequired' },
    });
    expect(fieldErrors(caseCloseInputSchema.safeParse({ ...base, outcome: 'terminated', terminationReason: 'other' }).error!)).toEqual({
      note: { key: 'validation.reasonRequired' },
    });
    expect(caseCloseInputSchema.safeParse({ ...base, outcome: 'completed' }).success).toBe(true);
  });

  it('needs a basis for a judgement and a date not in the future', () => {
    const r = eligibilityInputSchema.safeParse({
      caseId: uuid,
      expectedVersion: '3',
      criteria: { motivation: { state: 'met', assessedOn: '2999-01-01' }, consent: { state: 'unknown', assessedOn: '2026-01-01' } },
    });
    expect(fieldErrors(r.error!)).toEqual({ 'criteria.motivation.assessedOn': { key: 'validation.dateInFuture' } });
    const r2 = eligibilityInputSchema.safeParse({ caseId: uuid, expectedVersion: 3, criteria: { motivation: { state: 'met', assessedOn: '2026-01-01' } } });
    expect(fieldErrors(r2.error!)).toEqual({ 'criteria.motivation.basis': { key: 'validation.basisRequired' } });
  });

  it('splits interventions by line and asks for the version when editing a draft', () => {
    const ok = decisionDraftInputSchema.parse({ caseId: uuid, interventions: 'Skyddat boende\n\n Samtalsstöd ' });
    expect(ok.interventions).toEqual(['Skyddat boende', 'Samtalsstöd']);
    expect(fieldErrors(decisionDraftInputSchema.safeParse({ caseId: uuid, decisionId: uuid }).error!)).toEqual({ expectedVersion: { key: 'validation.required' } });
  });

  it('needs both when and from whom for oral information', () => {
    expect(fieldErrors(journalWriteInputSchema.safeParse({ caseId: uuid, body: 'x', oralSource: { from: 'Mamman' } }).error!)).toEqual({
      'oralSource.at': { key: 'validation.oralSourceAtRequired' },
    });
    expect(journalWriteInputSchema.safeParse({ caseId: uuid, body: 'x', oralSource: { at: '', from: '' } }).success).toBe(true);
  });

  it('lists what a decision lacks for signing, the child perspective included', () => {
    expect(missingForSigning({ outcome: 'granted', grounds: 'Skäl', hasChildren: true, childImpact: null })).toEqual({ childImpact: 'validation.childImpactRequired' });
    expect(missingForSigning({ outcome: null, grounds: null, hasChildren: null, childImpact: null })).toEqual({
      outcome: 'validation.required',
      grounds: 'validation.required',
      hasChildren: 'validation.required',
    });
  });

  it('opens a review for a breach and a positive or refused drug test only', () => {
    expect(followUpNeedsReview('breach', null)).toBe(true);
    expect(followUpNeedsReview('drugTest', 'positive')).toBe(true);
    expect(followUpNeedsReview('drugTest', 'refused')).toBe(true);
    expect(followUpNeedsReview('drugTest', 'negative')).toBe(false);
    expect(followUpNeedsReview('other', null)).toBe(false);
  });
});
