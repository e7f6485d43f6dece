import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isChild, isCriminallyResponsible, isUnderYoungOffendersAge, legalAgeThresholds, reportingAgeBand, reportingAgeBands } from './age-bands.ts';
import { isAgeInBand } from './programmes.ts';

describe('reporting age bands', () => {
  it('maps the edges', () => {
    expect([0, 14, 15, 17, 18, 20, 21, 25, 26, 29, 30, 99].map(reportingAgeBand)).toEqual([
      'u15', 'u15', '15-17', '15-17', '18-20', '18-20', '21-25', '21-25', '26-29', '26-29', '30+', '30+',
    ]);
  });
  it('rejects a fractional age', () => {
    expect(() => reportingAgeBand(15.5)).toThrow(RangeError);
  });
  it('every age falls in exactly one band (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 150 }), (age) => {
        const containing = reportingAgeBands.filter((band) => isAgeInBand(band, age));
        expect(containing).toHaveLength(1);
        expect(containing[0]?.id).toBe(reportingAgeBand(age));
      }),
    );
  });
});

describe('legal age thresholds (§10)', () => {
  it('has the defaults', () => {
    expect(legalAgeThresholds).toEqual({ criminalResponsibility: 15, adulthood: 18, youngOffenders: 21 });
  });
  it('answers the age questions', () => {
    expect([isChild(17), isChild(18)]).toEqual([true, false]);
    expect([isCriminallyResponsible(14), isCriminallyResponsible(15)]).toEqual([false, true]);
    expect([isUnderYoungOffendersAge(20), isUnderYoungOffendersAge(21)]).toEqual([true, false]);
  });
  it('takes changed thresholds', () => {
    expect(isChild(18, { ...legalAgeThresholds, adulthood: 19 })).toBe(true);
  });
});
