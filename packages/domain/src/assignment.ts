// Assignment of a referral to a unit and/or a case worker (issue 5 item 5). Clearing both fields hands the
// referral back to the common queue; every change is kept in the referral's history.
import { z } from 'zod';
import { blankToUndefined, uuidSchema } from './schemas.ts';

const optionalId = z.preprocess(blankToUndefined, z.uuid({ error: 'validation.invalidOption' }).optional());

export const assignInputSchema = z.object({
  referralId: uuidSchema,
  expectedVersion: z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).positive({ error: 'validation.invalid' }),
  unitId: optionalId,
  userId: optionalId,
});
export type AssignInput = z.output<typeof assignInputSchema>;

export interface Assignment {
  unitId: string | null;
  userId: string | null;
}

/** The assignment the input asks for: a person without a unit is placed in their own unit. */
export function targetAssignment(input: { unitId?: string; userId?: string }, unitOfUser: string | null): Assignment {
  return { unitId: input.unitId ?? (input.userId ? unitOfUser : null), userId: input.userId ?? null };
}

export function sameAssignment(a: Assignment, b: Assignment): boolean {
  return a.unitId === b.unitId && a.userId === b.userId;
}
