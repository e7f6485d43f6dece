// Age bands for statistics and the ages the law attaches rules to (DOMAIN.md §8 and §10).
import { isAgeInBand, type AgeBand } from './programmes.ts';

// 004: follow-up reports initiated and terminated cases by age; §10: police grants go mostly to men 18–29.
// The bands are contiguous and cover every age, so each case counts exactly once.
export const reportingAgeBands = [
  { id: 'u15', min: null, max: 14 },
  { id: '15-17', min: 15, max: 17 },
  { id: '18-20', min: 18, max: 20 },
  { id: '21-25', min: 21, max: 25 },
  { id: '26-29', min: 26, max: 29 },
  { id: '30+', min: 30, max: null },
] as const satisfies readonly (AgeBand & { id: string })[];

export type ReportingAgeBandId = (typeof reportingAgeBands)[number]['id'];

export function reportingAgeBand(age: number): ReportingAgeBandId {
  if (!Number.isInteger(age)) throw new RangeError('age must be a whole number of years');
  const found = reportingAgeBands.find((band) => isAgeInBand(band, age));
  if (found) return found.id;
  /* c8 ignore next */
  throw new RangeError(`No reporting band for age ${age}`);
}

// DOMAIN.md §10: defaults, because the law is changing. Each value is the first age the rule no longer covers
// (criminalResponsibility: the first age that IS covered).
export const legalAgeThresholds = {
  /** Under 15: not criminally responsible. */
  criminalResponsibility: 15,
  /** Under 18: a child; child-protection rules apply, guardians consent too. */
  adulthood: 18,
  /** Under 21: the young offenders act (LuL) and the secrecy exception for telling the police. */
  youngOffenders: 21,
} as const;

export type LegalAgeThresholds = { [K in keyof typeof legalAgeThresholds]: number };

export function isChild(age: number, thresholds: LegalAgeThresholds = legalAgeThresholds): boolean {
  return age < thresholds.adulthood;
}

export function isCriminallyResponsible(age: number, thresholds: LegalAgeThresholds = legalAgeThresholds): boolean {
  return age >= thresholds.criminalResponsibility;
}

/** Under 21: LuL applies and social services may tell the police about a person at particular risk of crime. */
export function isUnderYoungOffendersAge(age: number, thresholds: LegalAgeThresholds = legalAgeThresholds): boolean {
  return age < thresholds.youngOffenders;
}
