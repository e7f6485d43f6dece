// Person matching at intake (issue 5 item 4): a referral about someone already known should join that
// person, not create a duplicate. Candidates share the identity number, or the date of birth and a similar name.
import { z } from 'zod';
import { birthDateFromDigits } from './identity.ts';
import { uuidSchema } from './schemas.ts';

/** Lower case without diacritics or punctuation: 'Åsa-Lena' and 'asa lena' compare equal. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** Same last name, and first names equal or one the start of the other ('Alva' and 'Alva Maria'). */
export function namesSimilar(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }): boolean {
  if (normaliseName(a.lastName) !== normaliseName(b.lastName)) return false;
  const [x, y] = [normaliseName(a.firstName), normaliseName(b.firstName)];
  return x === y || `${x} `.startsWith(`${y} `) || `${y} `.startsWith(`${x} `);
}

export interface MatchablePerson {
  id: string;
  firstName: string;
  lastName: string;
  identityNumber: string | null;
  birthDate: string | null;
}

/** The date of birth a person is known by: stated, or read from the identity number. */
export function knownBirthDate(p: Pick<MatchablePerson, 'identityNumber' | 'birthDate'>): string | null {
  if (p.birthDate) return p.birthDate;
  if (!p.identityNumber) return null;
  try {
    return birthDateFromDigits(p.identityNumber);
  } catch {
    return null;
  }
}

export type MatchReason = 'identityNumber' | 'birthDateAndName';

/** Why `candidate` may be the same person as `subject`, or null when it is not a candidate. */
export function matchReason(subject: MatchablePerson, candidate: MatchablePerson): MatchReason | null {
  if (candidate.id === subject.id) return null;
  if (subject.identityNumber && candidate.identityNumber) {
    // Two different identity numbers are two people, whatever the names say.
    return subject.identityNumber === candidate.identityNumber ? 'identityNumber' : null;
  }
  const born = knownBirthDate(subject);
  return born && born === knownBirthDate(candidate) && namesSimilar(subject, candidate) ? 'birthDateAndName' : null;
}

export const linkPersonInputSchema = z.object({
  referralId: uuidSchema,
  expectedVersion: z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).positive({ error: 'validation.invalid' }),
  personId: uuidSchema,
});
export type LinkPersonInput = z.output<typeof linkPersonInputSchema>;
