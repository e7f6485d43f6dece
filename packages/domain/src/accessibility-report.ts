// A report of an accessibility problem, sent from the accessibility statement page (`/tillganglighet`) of either
// portal by anyone, signed in or not (issue 4 item 5). The form posts flat names; blank optional fields are absent.
import { z } from 'zod';
import { blankToUndefined, emailSchema, optionalText, requiredText } from './schemas.ts';

export const accessibilityReportLimits = { message: 2000, page: 500 } as const;

export const accessibilityReportInputSchema = z.object({
  /** What does not work. */
  message: requiredText(accessibilityReportLimits.message),
  /** Where: a page address or a description; optional. */
  page: optionalText(accessibilityReportLimits.page),
  /** Where to send an answer, if the reporter wants one. */
  contactEmail: z.preprocess(blankToUndefined, emailSchema.optional()),
});
export type AccessibilityReportInput = z.infer<typeof accessibilityReportInputSchema>;

/** Marking one report handled (administrators). */
export const accessibilityReportHandleSchema = z.object({
  id: z.uuid({ error: 'validation.invalidUuid' }),
});
