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

/** A passkey's name, the user's own ("Jobbdatorn"), shown on the account page. */
export const passkeyLabelLimits = { max: 60 } as const;

/**
 * The browser's answer to a passkey ceremony, as @simplewebauthn/browser sends it: checked here for shape only
 * (the signature and everything in it are checked by the API), so a malformed post names its field.
 */
const base64url = z.string({ error: 'validation.invalid' }).max(16_384, { error: 'validation.tooLong' }).regex(/^[A-Za-z0-9_-]*$/, { error: 'validation.invalid' });
export const passkeyResponseSchema = z.object(
  {
    id: base64url.min(1, { error: 'validation.required' }),
    rawId: base64url,
    type: z.literal('public-key', { error: 'validation.invalid' }),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    response: z.looseObject({
      clientDataJSON: base64url,
      attestationObject: base64url.optional(),
      authenticatorData: base64url.optional(),
      signature: base64url.optional(),
      userHandle: base64url.optional(),
      transports: z.array(z.string().max(32)).max(10).optional(),
    }),
  },
  { error: 'validation.invalid' },
);
export type PasskeyResponse = z.infer<typeof passkeyResponseSchema>;

/** A posted answer is JSON in a form field: parsed here so that text that is no JSON is bad input too. */
export const passkeyResponseFieldSchema = z
  .string({ error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .max(65_536, { error: 'validation.tooLong' })
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'validation.invalid' });
      return z.NEVER;
    }
  })
  .pipe(passkeyResponseSchema);

export const passkeyLabelSchema = requiredText(passkeyLabelLimits.max);

export const passkeyRegistrationInputSchema = z.object({
  label: passkeyLabelSchema,
  response: passkeyResponseFieldSchema,
});

export const passkeyIdSchema = z.object({ id: z.uuid({ error: 'validation.invalidUuid' }) });
