// Recording the events that stop the intake clocks (clocks.ts): first contact, the protective assessment of a
// child (skyddsbedömning) and the decision whether to open an investigation (DOMAIN.md §10). Staff record
// them on the referral page; each is documentation, so it is recorded once and never overwritten.
import { z } from 'zod';
import { calendarDateInSweden } from './dates.ts';
import { clockCodes, defaultClockRules, endOfSwedishDay, type ClockCode, type ClockRules } from './clocks.ts';
import { receivedAtSchema } from './intake-schemas.ts';
import { addCalendarDays } from './working-days.ts';
import type { ReferralKind } from './referral.ts';
import { blankToUndefined, optionalText, uuidSchema } from './schemas.ts';
import { keyError } from './validation-keys.ts';

/** §10: social services may tell a professional reporter exactly these three outcomes. */
export const investigationOutcomes = ['opened', 'notOpened', 'alreadyOpen'] as const;
export type InvestigationOutcome = (typeof investigationOutcomes)[number];

const expectedVersion = z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).positive({ error: 'validation.invalid' });

export const clockEventInputSchema = z
  .object({
    referralId: uuidSchema,
    expectedVersion,
    event: z.enum(clockCodes, { error: keyError('validation.invalidOption') }),
    /** When it happened, Swedish wall-clock time; blank means now. Never ahead of now. */
    at: z.preprocess(blankToUndefined, receivedAtSchema.optional()),
    /** Only for the investigation decision. */
    outcome: z.preprocess(blankToUndefined, z.enum(investigationOutcomes, { error: 'validation.invalidOption' }).optional()),
    /** §10: a decision after 14 days needs a recorded exceptional reason. */
    delayReason: optionalText(2000),
  })
  .superRefine((input, ctx) => {
    if (input.event === 'preliminaryAssessment' && input.outcome === undefined) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'validation.outcomeRequired' });
    }
  });
export type ClockEventInput = z.output<typeof clockEventInputSchema>;

/** The protective assessment and the investigation decision concern children: concern reports only. */
export function clockEventApplies(kind: ReferralKind, event: ClockCode): boolean {
  return event === 'firstContact' || kind === 'concernReport';
}

/** §10: preliminary assessments and investigations of children need a qualified social worker. */
export function needsQualifiedSocialWorker(event: ClockCode): boolean {
  return event !== 'firstContact';
}

/** The last moment the investigation decision may come without an exceptional reason. */
export function investigationDecisionDue(receivedAt: Date, rules: ClockRules = defaultClockRules): Date {
  return endOfSwedishDay(addCalendarDays(calendarDateInSweden(receivedAt), rules.preliminaryAssessment.days));
}

/** What stands in the way of recording an event at `at`; null when it may be recorded. */
export function clockEventProblem(
  facts: { receivedAt: Date },
  input: Pick<ClockEventInput, 'event' | 'outcome' | 'delayReason'>,
  at: Date,
  rules: ClockRules = defaultClockRules,
): { field: 'at' | 'delayReason'; key: 'validation.beforeReceived' | 'validation.delayReasonRequired' } | null {
  // A minute's leeway: the received time of a direct item is typed to the minute.
  if (at.getTime() < facts.receivedAt.getTime() - 60_000) return { field: 'at', key: 'validation.beforeReceived' };
  const late = at.getTime() > investigationDecisionDue(facts.receivedAt, rules).getTime();
  if (input.event === 'preliminaryAssessment' && input.outcome !== 'alreadyOpen' && late && !input.delayReason) {
    return { field: 'delayReason', key: 'validation.delayReasonRequired' };
  }
  return null;
}
