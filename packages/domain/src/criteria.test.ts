import { describe, expect, it } from 'vitest';
import { criteria, criteriaByProgramme, criterionCodes } from './criteria.ts';
import { defaultProgrammes, programmeCodes } from './programmes.ts';

describe('criteria', () => {
  it('describes every criterion with a source', () => {
    for (const code of criterionCodes) {
      expect(criteria[code].code).toBe(code);
      expect(criteria[code].source.length).toBeGreaterThan(0);
    }
  });
  it('lists the criteria per programme', () => {
    expect(criteriaByProgramme.adultExitProgramme).toEqual(criterionCodes);
    expect(criteriaByProgramme.youthExitProgramme).toEqual(['definitionFit', 'motivation', 'consent', 'commitment']);
    expect(criteriaByProgramme.sig).toEqual(['consent']);
    expect(criteriaByProgramme.ordinarySupport).toEqual([]);
  });
  it('agrees with the programmes’ police protection flag', () => {
    for (const code of programmeCodes) {
      expect(criteriaByProgramme[code].includes('policeProtectionNeed')).toBe(defaultProgrammes[code].requiresPoliceProtectionNeed);
    }
  });
});
