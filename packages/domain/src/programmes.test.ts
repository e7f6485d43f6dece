import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProgrammes, isAgeInBand, programmeCodes, programmesForAge, type ProgrammesConfig } from './programmes.ts';

describe('programmes', () => {
  it('has the Uppsala 2024 defaults (004)', () => {
    expect(defaultProgrammes.sig.ageBand).toEqual({ min: 16, max: 29 });
    expect(defaultProgrammes.youthExitProgramme.ageBand).toEqual({ min: 13, max: 17 });
    expect(defaultProgrammes.adultExitProgramme).toMatchObject({ ageBand: { min: 18, max: null }, requiresPoliceProtectionNeed: true });
    expect(defaultProgrammes.ordinarySupport.ageBand).toBeNull();
    for (const code of programmeCodes) expect(defaultProgrammes[code].code).toBe(code);
  });
  it('checks inclusive and open bounds', () => {
    expect(isAgeInBand({ min: 13, max: 17 }, 13)).toBe(true);
    expect(isAgeInBand({ min: 13, max: 17 }, 17)).toBe(true);
    expect(isAgeInBand({ min: 13, max: 17 }, 18)).toBe(false);
    expect(isAgeInBand({ min: 13, max: 17 }, 12)).toBe(false);
    expect(isAgeInBand({ min: 18, max: null }, 90)).toBe(true);
    expect(isAgeInBand({ min: null, max: 14 }, 0)).toBe(true);
    expect(isAgeInBand(null, 50)).toBe(true);
  });
  it('lists programmes for an age', () => {
    expect(programmesForAge(12)).toEqual(['ordinarySupport']);
    expect(programmesForAge(16)).toEqual(['sig', 'youthExitProgramme', 'ordinarySupport']);
    expect(programmesForAge(20)).toEqual(['sig', 'adultExitProgramme', 'ordinarySupport']);
    expect(programmesForAge(35)).toEqual(['adultExitProgramme', 'ordinarySupport']);
  });
  it('takes another municipality’s configuration', () => {
    const config: ProgrammesConfig = { ...defaultProgrammes, sig: { ...defaultProgrammes.sig, ageBand: { min: 15, max: 25 } } };
    expect(programmesForAge(15, config)).toContain('sig');
    expect(programmesForAge(26, config)).not.toContain('sig');
  });
  it('agrees with isAgeInBand for every age and configuration (property)', () => {
    const bound = fc.option(fc.integer({ min: 0, max: 120 }), { nil: null });
    const band = fc.option(fc.record({ min: bound, max: bound }), { nil: null });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 130 }), band, band, (age, sigBand, youthBand) => {
        const config: ProgrammesConfig = {
          ...defaultProgrammes,
          sig: { ...defaultProgrammes.sig, ageBand: sigBand },
          youthExitProgramme: { ...defaultProgrammes.youthExitProgramme, ageBand: youthBand },
        };
        const listed = programmesForAge(age, config);
        for (const code of programmeCodes) expect(listed.includes(code)).toBe(isAgeInBand(config[code].ageBand, age));
      }),
    );
  });
});
