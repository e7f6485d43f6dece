// Disclosure log (issue 6 item 4; DOMAIN.md §10 "Secrecy"): everything about an individual in social services is
// confidential by default, so every disclosure to a partner records its legal basis: the person's consent, the
// under-21 crime-prevention exception (telling the police about a person under 21 at particular risk of crime),
// or necessity for social services' own work.
import { z } from 'zod';
import { legalAgeThresholds, isUnderYoungOffendersAge, type LegalAgeThresholds } from './age-bands.ts';
import { pastDateSchema } from './case-schemas.ts';
import { ageAt } from './identity.ts';
import { optionalText, uuidSchema } from './schemas.ts';
import { keyError } from './validation-keys.ts';

export const legalBases = ['consent', 'crimePreventionUnder21', 'necessity'] as const;
export type LegalBasis = (typeof legalBases)[number];

/** What was disclosed, as a short category (never the content itself). */
export const disclosureCategories = [
  'meetingInvitation',
  'caseStatus',
  'supportPlan',
  'personalDetails',
  'threatAndProtection',
  'other',
] as const;
export type DisclosureCategory = (typeof disclosureCategories)[number];

/**
 * Whether a legal basis may be used for a person on a day. The under-21 exception needs the person to be under
 * 21 that day; an unknown birth date cannot establish it, so it is refused. Returns the refusal's i18n key or null.
 */
export function legalBasisProblem(
  basis: LegalBasis,
  birthDate: string | null,
  on: string,
  thresholds: LegalAgeThresholds = legalAgeThresholds,
): 'consent.error.notUnder21' | null {
  if (basis !== 'crimePreventionUnder21') return null;
  if (birthDate === null) return 'consent.error.notUnder21';
  return isUnderYoungOffendersAge(ageAt(birthDate, on), thresholds) ? null : 'consent.error.notUnder21';
}

export const disclosureInputSchema = z.object({
  caseId: uuidSchema,
  organisationId: uuidSchema,
  category: z.enum(disclosureCategories, { error: keyError('validation.invalidOption') }),
  legalBasis: z.enum(legalBases, { error: keyError('validation.invalidOption') }),
  disclosedOn: pastDateSchema,
  note: optionalText(500),
});
export type DisclosureInput = z.output<typeof disclosureInputSchema>;
