// Police threat and protection-need assessments (issue 6 item 3; DOMAIN.md §5, §10). Social services ask a
// police organisation for its judgement of the person's protection need; the police answer with the need, a short
// threat summary and a date the judgement holds until. The answer expires and asks for renewal. Pure rules only.
import { z } from 'zod';
import { calendarDateInSweden, isRealCalendarDate } from './dates.ts';
import { blankToUndefined, requiredText, uuidSchema } from './schemas.ts';
import { addDays } from './support/days.ts';
import { keyError } from './validation-keys.ts';
import { legalBases, type LegalBasis } from './disclosure.ts';

/** The police's judgement (skyddsbehov): none, latent (a threat that may become real), concrete. */
export const protectionNeeds = ['none', 'latent', 'concrete'] as const;
export type ProtectionNeed = (typeof protectionNeeds)[number];

/** A request discloses the person to the police, so it names the legal basis of a disclosure (disclosure.ts). */
export const assessmentLegalBases = legalBases;
export type AssessmentLegalBasis = LegalBasis;

/** Stored statuses. `expired` is reached by time (an answer whose validUntil has passed), see `effectiveStatus`. */
export const assessmentRequestStatuses = ['requested', 'answered', 'expired', 'withdrawn'] as const;
export type AssessmentRequestStatus = (typeof assessmentRequestStatuses)[number];

/** requested → answered → expired; requested → withdrawn. Nothing leaves expired or withdrawn. */
const transitions: Record<AssessmentRequestStatus, readonly AssessmentRequestStatus[]> = {
  requested: ['answered', 'withdrawn'],
  answered: ['expired'],
  expired: [],
  withdrawn: [],
};
export function canTransitionAssessment(from: AssessmentRequestStatus, to: AssessmentRequestStatus): boolean {
  return transitions[from].includes(to);
}

/** The longest an answer may hold (configuration with this default). */
export const assessmentMaxValidityMonths = 6;
/** "Renew soon" this many days before the answer's last valid day. */
export const assessmentRenewalWindowDays = 14;
export const threatSummaryMaxLength = 1000;
export const assessmentQuestionMaxLength = 2000;

/** The calendar date `months` after `date`, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The latest validUntil allowed for an answer given on `answeredOn`. */
export const latestValidUntil = (answeredOn: string) => addCalendarMonths(answeredOn, assessmentMaxValidityMonths);

/** Why a validUntil is refused (a validation key), or null: it must lie after the answer date, at most 6 months on. */
export function validUntilProblem(validUntil: string, answeredOn: string): 'validation.validUntilNotAfterAnswer' | 'validation.validUntilTooLate' | null {
  if (validUntil <= answeredOn) return 'validation.validUntilNotAfterAnswer';
  if (validUntil > latestValidUntil(answeredOn)) return 'validation.validUntilTooLate';
  return null;
}

export type AssessmentValidity = 'valid' | 'renewSoon' | 'expired';

/** An answer is valid through its validUntil day; expired when validUntil < today; "renew soon" within 14 days. */
export function assessmentValidity(validUntil: string, today: string): AssessmentValidity {
  if (validUntil < today) return 'expired';
  if (validUntil <= addDays(today, assessmentRenewalWindowDays)) return 'renewSoon';
  return 'valid';
}

/** The status shown: an answered request whose answer has passed its validUntil is expired. */
export function effectiveAssessmentStatus(
  status: AssessmentRequestStatus,
  validUntil: string | null,
  today: string,
): AssessmentRequestStatus {
  if (status === 'answered' && validUntil && assessmentValidity(validUntil, today) === 'expired') return 'expired';
  return status;
}

/** The latest answer still valid today (the eligibility criterion "police-judged protection need" reads it). */
export function latestValidAssessment<T extends { validUntil: string; answeredAt: string }>(answers: readonly T[], today: string): T | null {
  const valid = answers.filter((a) => assessmentValidity(a.validUntil, today) !== 'expired');
  valid.sort((a, b) => (a.answeredAt < b.answeredAt ? 1 : a.answeredAt > b.answeredAt ? -1 : 0));
  return valid[0] ?? null;
}

/** Whether a judgement supports the criterion "the police judge that the person has a protection need" (004). */
export const protectionNeedJudged = (need: ProtectionNeed) => need !== 'none';

// zod schemas. Messages are i18n keys (validation.*).
export const assessmentRequestInputSchema = z.object({
  caseId: uuidSchema,
  organisationId: uuidSchema,
  question: requiredText(assessmentQuestionMaxLength),
  legalBasis: z.enum(assessmentLegalBases, { error: keyError('validation.invalidOption') }),
  /** A renewal names the request it renews. */
  previousRequestId: z.preprocess(blankToUndefined, uuidSchema.optional()),
});
export type AssessmentRequestInput = z.output<typeof assessmentRequestInputSchema>;

const expectedVersion = z.coerce
  .number({ error: 'validation.invalid' })
  .int({ error: 'validation.invalid' })
  .positive({ error: 'validation.invalid' })
  .max(2_147_483_647, { error: 'validation.invalid' });

export const assessmentWithdrawInputSchema = z.object({ requestId: uuidSchema, expectedVersion });
export type AssessmentWithdrawInput = z.output<typeof assessmentWithdrawInputSchema>;

export const assessmentRequestIdSchema = z.object({ id: uuidSchema });

/** The police's answer. validUntil is checked against today's Swedish date (the answer's date). */
export const assessmentAnswerInputSchema = z
  .object({
    requestId: uuidSchema,
    idempotencyKey: uuidSchema,
    protectionNeed: z.enum(protectionNeeds, { error: keyError('validation.invalidOption') }),
    threatSummary: requiredText(threatSummaryMaxLength),
    validUntil: z
      .string({ error: keyError('validation.invalidDate') })
      .trim()
      .min(1, { error: 'validation.required' })
      .refine(isRealCalendarDate, { error: 'validation.invalidDate' }),
  })
  .superRefine((input, ctx) => {
    if (!isRealCalendarDate(input.validUntil)) return;
    const problem = validUntilProblem(input.validUntil, calendarDateInSweden(new Date()));
    if (problem) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: problem });
  });
export type AssessmentAnswerInput = z.output<typeof assessmentAnswerInputSchema>;

/** Notices to the case's case worker about an answer running out (configuration with this default). */
export const assessmentExpiryNoticeDays = assessmentRenewalWindowDays;
export const assessmentNoticeKinds = ['expiring', 'expired'] as const;
export type AssessmentNoticeKind = (typeof assessmentNoticeKinds)[number];

/**
 * Which notice an answer calls for today: `expiring` from `daysBefore` days before its last valid day through that
 * day, `expired` from the day after, for as many days again (a catch-up window, so a job that was down still tells,
 * while answers that ran out long ago, before the notices existed, never flood anyone). Null otherwise.
 */
export function assessmentExpiryNotice(validUntil: string, today: string, daysBefore = assessmentExpiryNoticeDays): AssessmentNoticeKind | null {
  if (validUntil < today) return validUntil >= addDays(today, -daysBefore) ? 'expired' : null;
  return validUntil <= addDays(today, daysBefore) ? 'expiring' : null;
}

/** The notice days from configuration (an environment value): a whole number of days 1–90, else the default. */
export function assessmentExpiryNoticeDaysFrom(value: string | undefined): number {
  const days = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(days) && days >= 1 && days <= 90 ? days : assessmentExpiryNoticeDays;
}
