// i18n keys that validation errors carry. The catalogs (packages/i18n) translate exactly these keys.
import { z } from 'zod';

export const validationKeys = [
  'validation.required',
  'validation.tooLong',
  'validation.tooShort',
  'validation.invalidOption',
  'validation.invalidEmail',
  'validation.invalidPhone',
  'validation.invalidDate',
  'validation.invalidUuid',
  'validation.identityNumber.format',
  'validation.identityNumber.checkDigit',
  'validation.identityNumber.date',
  'validation.identityOrBirthDate',
  'validation.birthDateInFuture',
  'validation.programmeRequired',
  'validation.reasonRequired',
  'validation.controlCharacters',
  'validation.dateInFuture',
  'validation.invalidDateTime',
  'validation.notAChild',
  'validation.dateOrder',
  'validation.guardianNameRequired',
  'validation.tooManyValues',
  'validation.outcomeRequired',
  'validation.beforeReceived',
  'validation.delayReasonRequired',
  'validation.periodOrder',
  'validation.periodTooLong',
  'validation.invalid',
  // issue 6, the case lifecycle
  'validation.terminationReasonRequired',
  'validation.basisRequired',
  'validation.childImpactRequired',
  'validation.oralSourceFromRequired',
  'validation.oralSourceAtRequired',
  'validation.drugTestResultRequired',
  // issue 6 item 3, police assessments
  'validation.validUntilNotAfterAnswer',
  'validation.validUntilTooLate',
  // issue 7, support work
  'validation.invalidAmount',
  'validation.negativeAmount',
  'validation.endBeforeStart',
  'validation.invalidYear',
  // issue 6 item 9, transfer
  'validation.sameMunicipality',
] as const;
export type ValidationKey = (typeof validationKeys)[number];

export interface FieldError {
  key: ValidationKey;
  params?: Record<string, unknown>;
}

export function isValidationKey(value: string): value is ValidationKey {
  return (validationKeys as readonly string[]).includes(value);
}

/**
 * Error map for a schema's own type errors: a missing value (undefined or null) is 'required', anything else
 * the given key. Used in the schema because zod drops `input` from finished issues, so `issueToMessage`
 * could no longer tell "missing" from "wrong type".
 */
export function keyError(otherwise: ValidationKey) {
  return (issue: { input?: unknown }): ValidationKey => (issue.input == null ? 'validation.required' : otherwise);
}

function paramsFor(key: ValidationKey, issue: z.core.$ZodIssue): Record<string, unknown> | undefined {
  if (key === 'validation.tooLong' && issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (key === 'validation.tooShort' && issue.code === 'too_small') return { min: Number(issue.minimum) };
  return undefined;
}

/** The key for an issue whose message is not already one of ours (schemas written elsewhere). */
function keyForIssue(issue: z.core.$ZodIssue): ValidationKey {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? 'validation.tooLong' : 'validation.invalid';
    case 'too_small':
      if (issue.origin !== 'string') return 'validation.invalid';
      return Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooShort';
    case 'invalid_value':
      return 'validation.invalidOption';
    case 'invalid_type':
      // zod's default message ends "received undefined" when the value is missing; `input` is usually dropped.
      return ('input' in issue && issue.input === undefined) || /received undefined$/.test(issue.message)
        ? 'validation.required'
        : 'validation.invalid';
    case 'invalid_format':
      if (issue.format === 'email') return 'validation.invalidEmail';
      if (issue.format === 'uuid' || issue.format === 'guid') return 'validation.invalidUuid';
      if (issue.format === 'date') return 'validation.invalidDate';
      return 'validation.invalid';
    default:
      return 'validation.invalid';
  }
}

export function issueToMessage(issue: z.core.$ZodIssue): { path: string; key: ValidationKey; params?: Record<string, unknown> } {
  const key = isValidationKey(issue.message) ? issue.message : keyForIssue(issue);
  const params = paramsFor(key, issue);
  const path = issue.path.map(String).join('.');
  return params ? { path, key, params } : { path, key };
}

/** One error per field (the first), keyed by dotted path; '' is the form as a whole. */
export function fieldErrors(error: z.ZodError): Record<string, FieldError> {
  const result: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const { path, ...rest } = issueToMessage(issue);
    if (!(path in result)) result[path] = rest;
  }
  return result;
}
