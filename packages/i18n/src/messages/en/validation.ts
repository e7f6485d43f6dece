import type { Catalog } from '../shape.ts';
import type { validation as sv } from '../sv/validation.ts';

export const validation = {
  required: 'Fill in this field.',
  tooLong: 'The text is too long. Use at most {{max}} characters.',
  tooShort: 'The text is too short. Use at least {{min}} characters.',
  invalidOption: 'Choose one of the options.',
  invalidEmail: 'Enter the email address like name@example.se.',
  invalidPhone: 'Enter the phone number in digits, for example 070-123 45 67.',
  invalidDate: 'Enter the date as YYYY-MM-DD, for example 2008-03-14.',
  invalidUuid: 'The link is not valid. Go back and try again.',
  identityNumber: {
    format: 'Enter the personal identity number with 12 digits: YYYYMMDD-XXXX.',
    checkDigit: 'The personal identity number is not correct – check the last digit.',
    date: 'The personal identity number does not start with a valid date – check the date of birth.',
  },
  identityOrBirthDate: 'Enter the personal identity number. If there is none, enter the date of birth.',
  birthDateInFuture: 'The date of birth cannot be later than today.',
  programmeRequired: 'Choose which programme this is about.',
  reasonRequired: 'Give a reason.',
  controlCharacters: 'The text contains characters that are not allowed. Type the text again instead of pasting it from another program.',
  dateInFuture: 'The time cannot be later than now.',
  invalidDateTime: 'Enter the date and time as YYYY-MM-DD HH:MM, for example 2026-03-14 09:30.',
  notAChild: 'A concern report is about a child under 18. Check the date of birth.',
  dateOrder: 'The end date cannot be before the release date.',
  guardianNameRequired: "Enter the guardian's name.",
  tooManyValues: 'The form contains too many values.',
  invalid: 'This is not valid. Check it and try again.',
} satisfies Catalog<typeof sv>;
