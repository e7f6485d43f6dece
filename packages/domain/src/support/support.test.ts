// The catalogue, state funding, plans and meetings.
import { describe, expect, it } from 'vitest';
import { catalogueDefaults, defaultInterventionCatalogue, interventionTypeCodes } from './catalogue.ts';
import { meetingOverdue } from './meeting.ts';
import { applyPlanChange, emptyPlan, isActionOverdue, type PlanAction } from './plan.ts';
import { assessStateFunding, normaliseStateFundingApplication, stateFundingApplicationProblems, stateFundingCriterionCodes } from './state-funding.ts';

describe('default intervention catalogue (DOMAIN.md §6)', () => {
  it('holds every type the seeds name, once, each with a source and a whole-öre price', () => {
    expect(defaultInterventionCatalogue.map((d) => d.code)).toEqual([...interventionTypeCodes]);
    for (const d of defaultInterventionCatalogue) {
      expect(d.source).toMatch(/^00[0-4]/);
      expect(Number.isSafeInteger(d.priceOre) && d.priceOre > 0).toBe(true);
    }
  });
  it('prices an external placement at just over 1 MSEK a year (003)', () => {
    const outside = catalogueDefaults('residentialCareOutsideFramework');
    expect(outside.withinFrameworkAgreement).toBe(false);
    expect(outside.priceOre * 365).toBeGreaterThan(100_000_000);
    expect(catalogueDefaults('residentialCareWithinFramework').withinFrameworkAgreement).toBe(true);
  });
});

describe('police state funding criteria', () => {
  const all = Object.fromEntries(stateFundingCriterionCodes.map((c) => [c, true])) as Record<(typeof stateFundingCriterionCodes)[number], boolean>;
  it('is met only when every criterion holds', () => {
    expect(assessStateFunding(all)).toEqual({ meetsCriteria: true, missing: [] });
    expect(assessStateFunding({ ...all, policeProtectionNeed: false, interventionsDecided: false })).toEqual({
      meetsCriteria: false,
      missing: ['policeProtectionNeed', 'interventionsDecided'],
    });
  });
});

describe('police state funding application', () => {
  const none = { appliedOn: null, decidedOn: null, grantedAmountOre: null };
  it('asks for the dates and the amount its state needs', () => {
    expect(stateFundingApplicationProblems({ status: 'notApplied', ...none })).toEqual({});
    expect(stateFundingApplicationProblems({ status: 'applied', ...none })).toEqual({ appliedOn: 'validation.required' });
    expect(stateFundingApplicationProblems({ status: 'granted', ...none })).toEqual({ appliedOn: 'validation.required', decidedOn: 'validation.required', grantedAmount: 'validation.required' });
    expect(stateFundingApplicationProblems({ status: 'denied', appliedOn: '2026-03-02', decidedOn: '2026-03-01', grantedAmountOre: null })).toEqual({ decidedOn: 'validation.endBeforeStart' });
    expect(stateFundingApplicationProblems({ status: 'denied', appliedOn: '2026-03-02', decidedOn: '2026-03-02', grantedAmountOre: null })).toEqual({});
  });
  it('drops what the state does not mean', () => {
    const full = { appliedOn: '2026-01-01', decidedOn: '2026-02-01', grantedAmountOre: 100 };
    expect(normaliseStateFundingApplication({ status: 'notApplied', ...full })).toEqual({ status: 'notApplied', ...none });
    expect(normaliseStateFundingApplication({ status: 'applied', ...full })).toEqual({ status: 'applied', appliedOn: '2026-01-01', decidedOn: null, grantedAmountOre: null });
    expect(normaliseStateFundingApplication({ status: 'denied', ...full })).toEqual({ status: 'denied', appliedOn: '2026-01-01', decidedOn: '2026-02-01', grantedAmountOre: null });
    expect(normaliseStateFundingApplication({ status: 'granted', ...full })).toEqual({ status: 'granted', ...full });
  });
});

describe('coordinated plan', () => {
  const action = (over: Partial<PlanAction> = {}): PlanAction => ({
    id: 'a1', goalId: null, text: 'Boka möte med arbetsförmedlingen', actor: 'employmentService',
    startDate: null, dueDate: '2026-03-01', status: 'planned', meetingId: null, ...over,
  });
  it('keeps every change as a new content, never mutating the old', () => {
    const v1 = applyPlanChange(emptyPlan, { kind: 'addGoal', goal: { id: 'g1', text: 'Eget boende', status: 'active' } })!;
    const v2 = applyPlanChange(v1, { kind: 'addAction', action: action({ goalId: 'g1' }) })!;
    const v3 = applyPlanChange(v2, { kind: 'setActionStatus', actionId: 'a1', status: 'done' })!;
    expect(v2.actions[0]!.status).toBe('planned');
    expect(v3.actions[0]!.status).toBe('done');
    expect(emptyPlan.goals).toEqual([]);
    expect(applyPlanChange(v3, { kind: 'setPersonsOwnWords', text: 'Jag vill bo nära min dotter.' })!.personsOwnWords).toBe('Jag vill bo nära min dotter.');
  });
  it('refuses changes to goals or actions the plan does not have', () => {
    expect(applyPlanChange(emptyPlan, { kind: 'addAction', action: action({ goalId: 'nope' }) })).toBeNull();
    expect(applyPlanChange(emptyPlan, { kind: 'setActionStatus', actionId: 'nope', status: 'done' })).toBeNull();
    expect(applyPlanChange(emptyPlan, { kind: 'setGoalStatus', goalId: 'nope', status: 'achieved' })).toBeNull();
  });
  it('knows an overdue action', () => {
    expect(isActionOverdue(action(), '2026-03-02')).toBe(true);
    expect(isActionOverdue(action(), '2026-03-01')).toBe(false);
    expect(isActionOverdue(action({ status: 'done' }), '2026-04-01')).toBe(false);
    expect(isActionOverdue(action({ dueDate: null }), '2026-04-01')).toBe(false);
  });
});

describe('network meeting reminder', () => {
  it('flags an open case with no meeting for more than the period (default 31 days)', () => {
    expect(meetingOverdue({ openedOn: '2026-01-01', lastMeetingOn: null, nextMeetingOn: null }, '2026-02-01')).toBe(false);
    expect(meetingOverdue({ openedOn: '2026-01-01', lastMeetingOn: null, nextMeetingOn: null }, '2026-02-02')).toBe(true);
    expect(meetingOverdue({ openedOn: '2025-01-01', lastMeetingOn: '2026-01-20', nextMeetingOn: null }, '2026-02-15')).toBe(false);
    expect(meetingOverdue({ openedOn: '2025-01-01', lastMeetingOn: '2026-01-01', nextMeetingOn: '2026-03-01' }, '2026-02-15')).toBe(false);
    expect(meetingOverdue({ openedOn: '2025-01-01', lastMeetingOn: '2026-01-01', nextMeetingOn: null }, '2026-02-15', 60)).toBe(false);
  });
});
