// Consent (issue 6 item 4; DOMAIN.md §9.3, §10): the person's consent to share information with one receiving
// organisation for named purposes, signed by the person and, for a minor, by each guardian; valid from a start
// date to an optional end date; revocable at once. Consent drives partner access: a partner organisation sees
// anything about a case only while an active consent covers it (the SQL function `case_consent_covers` answers
// the same question from the register, migration of the consent register).
import { z } from 'zod';
import { isChild, legalAgeThresholds, type LegalAgeThresholds } from './age-bands.ts';
import { ageAt } from './identity.ts';
import type { ProgrammeCode } from './programmes.ts';
import { blankToUndefined, fieldsValid, requiredText, uuidSchema } from './schemas.ts';
import { calendarDateSchema } from './support/schemas.ts';
import { keyError } from './validation-keys.ts';
import { expectedVersionSchema, pastDateSchema } from './case-schemas.ts';

/** What the information may be shared for. */
export const consentPurposes = ['networkMeeting', 'statusUpdates', 'informationExchange'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** Who revoked: the person, or a guardian of a minor. */
export const consentRevokers = ['person', 'guardian'] as const;
export type ConsentRevoker = (typeof consentRevokers)[number];

export const consentStates = ['pending', 'active', 'ended', 'revoked'] as const;
export type ConsentState = (typeof consentStates)[number];

export interface ConsentDates {
  startDate: string;
  endDate: string | null;
  revokedOn: string | null;
}

/**
 * Where a consent stands on a Swedish calendar day ('YYYY-MM-DD'): revoked (from its revocation day, whatever its
 * dates), pending before its start, ended after its end day (the end day itself still counts), else active.
 */
export function consentState(c: ConsentDates, today: string): ConsentState {
  if (c.revokedOn !== null && c.revokedOn <= today) return 'revoked';
  if (today < c.startDate) return 'pending';
  if (c.endDate !== null && today > c.endDate) return 'ended';
  return 'active';
}

/** Whether an active consent covers the organisation (and the purpose, when one is named). */
export function consentCoversOrganisation(
  consents: readonly (ConsentDates & { organisationId: string; purposes: readonly ConsentPurpose[] })[],
  organisationId: string,
  today: string,
  purpose?: ConsentPurpose,
): boolean {
  return consents.some(
    (c) => c.organisationId === organisationId && consentState(c, today) === 'active' && (purpose === undefined || c.purposes.includes(purpose)),
  );
}

/**
 * A minor's consent needs the guardians' signatures too (§10). The person is a minor when under the age of
 * adulthood on the day they signed. Returns the i18n key of the refusal, or null when the signatures suffice.
 * Unknown birth date: the age cannot be established, so the guardian's signature is asked for (the safe side).
 */
export function guardianSignatureProblem(
  input: { signedOn: string; guardian1SignedOn: string | null; guardian2SignedOn: string | null },
  birthDate: string | null,
  thresholds: LegalAgeThresholds = legalAgeThresholds,
): 'consent.error.guardianSignatureRequired' | null {
  const minor = birthDate === null ? true : isChild(ageAt(birthDate, input.signedOn), thresholds);
  if (!minor) return null;
  return input.guardian1SignedOn === null && input.guardian2SignedOn === null ? 'consent.error.guardianSignatureRequired' : null;
}

/** Programmes whose rule is that written consent covers every relevant authority (§10, regional practice). */
export const programmesRequiringFullConsent: readonly ProgrammeCode[] = ['youthExitProgramme', 'adultExitProgramme'];

export interface InvolvedOrganisation {
  id: string;
  name: string;
  type: string;
}

/**
 * The exit programme's rule (§10): the written consent must cover every relevant authority; if one is left out
 * the method cannot be used. Given the case's programme, the organisations involved in the case (the referring
 * organisation, the police and others that took part), and the consents, returns the involved organisations no
 * active consent covers. Other programmes have no such rule: nothing is missing.
 */
export function missingConsentAuthorities(
  programme: ProgrammeCode,
  involved: readonly InvolvedOrganisation[],
  consents: readonly (ConsentDates & { organisationId: string; purposes: readonly ConsentPurpose[] })[],
  today: string,
): InvolvedOrganisation[] {
  if (!programmesRequiringFullConsent.includes(programme)) return [];
  const seen = new Set<string>();
  return involved.filter((o) => {
    if (seen.has(o.id)) return false;
    seen.add(o.id);
    return !consentCoversOrganisation(consents, o.id, today);
  });
}

const optionalPastDate = z.preprocess(blankToUndefined, pastDateSchema.optional());
const optionalDate = z.preprocess(blankToUndefined, calendarDateSchema.optional());

/**
 * Purposes from a form (`purposes.networkMeeting=on`, one checkbox per purpose, so repeated names are not needed)
 * or from an API caller (an array or one value). At least one.
 */
const purposesSchema = z.preprocess(
  (v) => {
    if (v === undefined || v === '') return [];
    if (Array.isArray(v)) return v;
    if (typeof v === 'string') return [v];
    if (typeof v === 'object' && v !== null) return Object.entries(v).filter(([, on]) => on === 'on' || on === true || on === 'true').map(([k]) => k);
    return v;
  },
  z
    .array(z.enum(consentPurposes, { error: 'validation.invalidOption' }), { error: 'validation.invalid' })
    .min(1, { error: 'validation.required' })
    .max(consentPurposes.length, { error: 'validation.tooManyValues' })
    .transform((list) => [...new Set(list)]),
);

export const consentInputSchema = z
  .object({
    caseId: uuidSchema,
    organisationId: uuidSchema,
    purposes: purposesSchema,
    signedOn: pastDateSchema,
    guardian1SignedOn: optionalPastDate,
    guardian2SignedOn: optionalPastDate,
    startDate: calendarDateSchema,
    endDate: optionalDate,
  })
  .superRefine((input, ctx) => {
    if (input.endDate !== undefined && input.endDate < input.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'validation.endBeforeStart' });
    }
    if (input.guardian2SignedOn !== undefined && input.guardian1SignedOn === undefined) {
      ctx.addIssue({ code: 'custom', path: ['guardian1SignedOn'], message: 'validation.required' });
    }
  }, { when: fieldsValid('startDate', 'endDate', 'guardian1SignedOn', 'guardian2SignedOn') });
export type ConsentInput = z.output<typeof consentInputSchema>;

export const consentRevokeInputSchema = z.object({
  consentId: uuidSchema,
  expectedVersion: expectedVersionSchema,
  revokedOn: pastDateSchema,
  revokedBy: z.enum(consentRevokers, { error: keyError('validation.invalidOption') }),
  reason: requiredText(2000),
});
export type ConsentRevokeInput = z.output<typeof consentRevokeInputSchema>;
