// zod schemas shared by the API and the forms. Every message is an i18n key from validation-keys.ts, so a
// form shows the same words whether the browser or the server caught the error. Unknown keys are stripped
// (z.object's default), so a forged extra field never reaches a procedure.
import { z } from 'zod';
import { calendarDateInSweden, isRealCalendarDate } from './dates.ts';
import { birthDateFromDigits, parseIdentityNumber } from './identity.ts';
import { programmeCodes } from './programmes.ts';
import { triageDecisions, urgencies } from './referral.ts';
import { keyError } from './validation-keys.ts';

export * from './validation-keys.ts';

/** HTML forms send '' for an empty field; treat it (or only whitespace) as absent. */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** A checkbox: HTML forms send 'on' or nothing; JSON sends a boolean. */
export const checkbox = z
  .union([z.boolean(), z.enum(['on', 'true', 'false'])], { error: 'validation.invalid' })
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

// Control characters other than tab and line breaks have no place in a record (issue 5 "bad input"): they
// hide text from readers and break exports.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const noControlCharacters = (value: string) => !controlCharacters.test(value);

export function requiredText(max: number) {
  return z
    .string({ error: keyError('validation.invalid') })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' })
    .refine(noControlCharacters, { error: 'validation.controlCharacters' });
}

export function optionalText(max: number) {
  return z
    .string({ error: keyError('validation.invalid') })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .refine(noControlCharacters, { error: 'validation.controlCharacters' })
    .optional()
    .transform((value) => (value === '' ? undefined : value));
}

/** Accepts any form `parseIdentityNumber` accepts; outputs the 12 stored digits. */
export const identityNumberSchema = z.string({ error: keyError('validation.invalid') }).transform((value, ctx) => {
  const result = parseIdentityNumber(value);
  if (result.ok) return result.value.digits;
  ctx.issues.push({ code: 'custom', message: `validation.identityNumber.${result.reason}`, input: value });
  return z.NEVER;
});

/** 'YYYY-MM-DD', a real day, not after today in Sweden. */
export const birthDateSchema = z
  .string({ error: keyError('validation.invalidDate') })
  .trim()
  .refine(isRealCalendarDate, { error: 'validation.invalidDate', abort: true })
  .refine((value) => value <= calendarDateInSweden(new Date()), { error: 'validation.birthDateInFuture' });

const personFields = z.object({
  firstName: requiredText(100),
  lastName: requiredText(100),
  identityNumber: z.preprocess(blankToUndefined, identityNumberSchema.optional()),
  birthDate: z.preprocess(blankToUndefined, birthDateSchema.optional()),
});

/** True when no issue so far concerns the given fields, so a cross-field rule can run on them. */
export function fieldsValid(...fields: string[]) {
  return (payload: z.core.ParsePayload): boolean =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
}

export const personInputSchema = personFields.superRefine(
  (person, ctx) => {
    if (person.identityNumber === undefined && person.birthDate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['identityNumber'], message: 'validation.identityOrBirthDate' });
    } else if (person.identityNumber !== undefined && person.birthDate !== undefined) {
      if (birthDateFromDigits(person.identityNumber) !== person.birthDate) {
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'validation.invalidDate' });
      }
    }
  },
  // Run even when a name is missing, so the form shows every problem at once.
  { when: fieldsValid('identityNumber', 'birthDate') },
);

const phoneCharacters = /^\+?[\d\s-]+$/;

/** A Swedish phone number as typed: digits, spaces, '-', a leading '+'; 6–20 digits. */
export const phoneSchema = z
  .string({ error: keyError('validation.invalidPhone') })
  .trim()
  .min(1, { error: 'validation.required' })
  .refine(
    (value) => {
      const digits = value.replace(/\D/g, '').length;
      return phoneCharacters.test(value) && digits >= 6 && digits <= 20;
    },
    { error: 'validation.invalidPhone' },
  );

/** Trimmed, lowercased so the same address always matches one account. */
export const emailSchema = z
  .string({ error: keyError('validation.invalidEmail') })
  .trim()
  .toLowerCase()
  .min(1, { error: 'validation.required' })
  .max(254, { error: 'validation.tooLong' })
  .pipe(z.email({ error: 'validation.invalidEmail' }));

export const officerContactSchema = z.object({
  name: requiredText(200),
  phone: phoneSchema,
  email: emailSchema,
});

export const uuidSchema = z.uuid({ error: keyError('validation.invalidUuid') });

export const policeReferralInputSchema = z.object({
  idempotencyKey: uuidSchema,
  person: personInputSchema,
  reason: requiredText(4000),
  threatOrProtectionNeed: checkbox,
  personWantsOut: checkbox,
  consentToContact: checkbox,
  urgency: z.preprocess(blankToUndefined, z.enum(urgencies, { error: 'validation.invalidOption' }).default('normal')),
  contact: officerContactSchema,
});

export const triageDecisionInputSchema = z
  .object({
    referralId: uuidSchema,
    decision: z.enum(triageDecisions, { error: keyError('validation.invalidOption') }),
    programme: z.preprocess(blankToUndefined, z.enum(programmeCodes, { error: 'validation.invalidOption' }).optional()),
    reason: optionalText(2000),
  })
  .superRefine(
    (input, ctx) => {
      // The decision to open a case names its programme; 'not for us' must say why (a decision has grounds).
      if (input.decision === 'openCase' && input.programme === undefined) {
        ctx.addIssue({ code: 'custom', path: ['programme'], message: 'validation.programmeRequired' });
      }
      if (input.decision === 'notForUs' && input.reason === undefined) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.reasonRequired' });
      }
    },
    { when: fieldsValid('decision', 'programme', 'reason') },
  );

export const loginInputSchema = z.object({
  email: emailSchema,
  // Never trimmed: spaces can be part of a password.
  password: z
    .string({ error: keyError('validation.invalid') })
    .min(1, { error: 'validation.required' })
    .max(200, { error: 'validation.tooLong' }),
});

export const listQuerySchema = z.object({
  limit: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(1, { error: 'validation.invalid' }).max(100, { error: 'validation.invalid' }).default(50),
  ),
  cursor: optionalText(500),
});

export type PersonInput = z.output<typeof personInputSchema>;
export type OfficerContact = z.output<typeof officerContactSchema>;
export type PoliceReferralInput = z.output<typeof policeReferralInputSchema>;
export type TriageDecisionInput = z.output<typeof triageDecisionInputSchema>;
export type LoginInput = z.output<typeof loginInputSchema>;
export type ListQuery = z.output<typeof listQuerySchema>;
