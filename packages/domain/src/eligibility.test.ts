import { describe, expect, it } from 'vitest';
import { criterionCodes, type CriterionCode, type CriterionState } from './criteria.ts';
import { evaluateEligibility, exitProgrammeForAge, requiredCriteria, routeReasonKeys } from './eligibility.ts';
import { defaultProgrammes, type ProgrammesConfig } from './programmes.ts';

const allMet = Object.fromEntries(criterionCodes.map((code) => [code, 'met'])) as Record<CriterionCode, CriterionState>;
const with_ = (changes: Partial<Record<CriterionCode, CriterionState>>) => ({ ...allMet, ...changes });

describe('evaluateEligibility', () => {
  it('adult meeting all criteria → adult exit programme', () => {
    const result = evaluateEligibility({ age: 24, states: allMet });
    expect(result.route).toBe('adultExitProgramme');
    expect(result.reasons).toEqual(['route.reason.allCriteriaMet']);
    expect(result.criteria.map((c) => c.code)).toEqual(criterionCodes);
  });
  it('youth 13–17 → youth exit programme on the four national criteria', () => {
    const result = evaluateEligibility({ age: 15, states: { definitionFit: 'met', motivation: 'met', consent: 'met', commitment: 'met' } });
    expect(result.route).toBe('youthExitProgramme');
    expect(result.criteria).toHaveLength(4);
  });
  it('over 29 still reaches adult exit (no age limit)', () => {
    expect(evaluateEligibility({ age: 45, states: allMet }).route).toBe('adultExitProgramme');
  });
  it('only the police judgement unknown → request a police assessment', () => {
    const result = evaluateEligibility({ age: 22, states: with_({ policeProtectionNeed: 'unknown' }) });
    expect(result.route).toBe('requestPoliceAssessment');
    expect(result.reasons).toEqual(['route.reason.protectionNeedUnknown']);
    const missing = evaluateEligibility({ age: 22, states: { ...allMet, policeProtectionNeed: undefined } });
    expect(missing.route).toBe('requestPoliceAssessment');
  });
  it('exit criteria fail inside the SIG band → SIG, with a reason per unmet criterion', () => {
    const result = evaluateEligibility({ age: 19, states: with_({ motivation: 'unknown', drugFree: 'notMet' }) });
    expect(result.route).toBe('sig');
    expect(result.reasons).toEqual(['route.reason.unknown.motivation', 'route.reason.notMet.drugFree', 'route.reason.inSigAgeBand']);
  });
  it('police judged no protection need → not exit; SIG in band', () => {
    expect(evaluateEligibility({ age: 25, states: with_({ policeProtectionNeed: 'notMet' }) }).route).toBe('sig');
  });
  it('exit criteria fail outside the SIG band → ordinary support', () => {
    expect(evaluateEligibility({ age: 35, states: with_({ motivation: 'notMet' }) })).toMatchObject({
      route: 'ordinarySupport',
      reasons: ['route.reason.notMet.motivation', 'route.reason.outsideSigAgeBand'],
    });
    expect(evaluateEligibility({ age: 14, states: {} }).route).toBe('ordinarySupport');
  });
  it('police protection unknown plus another gap is not a police request', () => {
    expect(evaluateEligibility({ age: 20, states: with_({ policeProtectionNeed: 'unknown', consent: 'unknown' }) }).route).toBe('sig');
  });
  it('unknown age → adult criteria, flagged, and never SIG', () => {
    const ok = evaluateEligibility({ age: null, states: allMet });
    expect(ok).toMatchObject({ route: 'adultExitProgramme', reasons: ['route.reason.ageUnknown', 'route.reason.allCriteriaMet'] });
    expect(evaluateEligibility({ age: null, states: with_({ motivation: 'notMet' }) }).route).toBe('ordinarySupport');
  });
  it('under 13 → youth exit anyway, flagged outside the band', () => {
    const result = evaluateEligibility({ age: 12, states: allMet });
    expect(result.route).toBe('youthExitProgramme');
    expect(result.reasons).toContain('route.reason.outsideExitAgeBand');
  });
  it('follows a configuration without the police requirement', () => {
    const config: ProgrammesConfig = {
      ...defaultProgrammes,
      adultExitProgramme: { ...defaultProgrammes.adultExitProgramme, ageBand: { min: 18, max: 29 }, requiresPoliceProtectionNeed: false },
    };
    const result = evaluateEligibility({ age: 40, states: with_({ policeProtectionNeed: 'unknown' }), programmes: config });
    expect(result.route).toBe('adultExitProgramme');
    expect(result.reasons).toEqual(['route.reason.outsideExitAgeBand', 'route.reason.allCriteriaMet']);
    expect(result.criteria.map((c) => c.code)).not.toContain('policeProtectionNeed');
  });
  it('only emits declared reason keys', () => {
    for (const age of [null, 5, 12, 15, 19, 30, 60]) {
      for (const states of [{}, allMet, with_({ policeProtectionNeed: 'unknown' }), with_({ consent: 'notMet' })]) {
        for (const reason of evaluateEligibility({ age, states }).reasons) expect(routeReasonKeys).toContain(reason);
      }
    }
  });
});

describe('helpers', () => {
  it('requiredCriteria adds the police judgement when a configuration asks for it', () => {
    const config: ProgrammesConfig = {
      ...defaultProgrammes,
      youthExitProgramme: { ...defaultProgrammes.youthExitProgramme, requiresPoliceProtectionNeed: true },
    };
    expect(requiredCriteria('youthExitProgramme', config)).toContain('policeProtectionNeed');
    expect(requiredCriteria('sig')).toEqual(['consent']);
  });
  it('exitProgrammeForAge picks the band or the nearest', () => {
    expect([exitProgrammeForAge(null), exitProgrammeForAge(3), exitProgrammeForAge(17), exitProgrammeForAge(18)]).toEqual([
      'adultExitProgramme', 'youthExitProgramme', 'youthExitProgramme', 'adultExitProgramme',
    ]);
  });
});
