// Step-up (issue 3): before a protected identity is shown or person-level data exported, the user enters the
// second factor again. It then holds for a short while, so a few reveals in a row do not each need a code.
import { z } from 'zod';
import { requiredText } from './schemas.ts';

export const stepUpValidMinutes = 5;

export function isStepUpFresh(stepUpAt: Date | null | undefined, now = new Date()): boolean {
  return Boolean(stepUpAt && now.getTime() - stepUpAt.getTime() <= stepUpValidMinutes * 60_000 && stepUpAt <= now);
}

export const revealReasonLimits = { min: 10, max: 500 } as const;

/** Revealing a protected identity: which referral, and why (kept in the audit log). */
export const revealIdentityInputSchema = z.object({
  id: z.uuid({ error: 'validation.invalidUuid' }),
  reason: requiredText(revealReasonLimits.max).min(revealReasonLimits.min, { error: 'validation.tooShort' }),
});
export type RevealIdentityInput = z.infer<typeof revealIdentityInputSchema>;

export const sessionHandleSchema = z.object({ handle: z.uuid({ error: 'validation.invalidUuid' }) });
