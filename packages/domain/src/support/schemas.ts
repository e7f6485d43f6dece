// zod schemas of the support forms (issue 7). Messages are i18n keys (validation.*). Money arrives as kronor
// typed by a person ("2 800,50") or as a number of kronor, and leaves as integer öre: no float in between.
import { z } from 'zod';
import { isRealCalendarDate } from '../dates.ts';
import { programmeCodes } from '../programmes.ts';
import { blankToUndefined, checkbox, optionalText, requiredText, uuidSchema } from '../schemas.ts';
import { keyError } from '../validation-keys.ts';
import { interventionTypeCodes } from './catalogue.ts';
import { costKinds, vatHandlings, vatRates } from './cost.ts';
import { attendances, networkMeetingStatuses } from './meeting.ts';
import { parseKronor } from './money.ts';
import { planActionStatuses, planActors, planGoalStatuses } from './plan.ts';
import { stateFundingApplicationProblems, stateFundingApplicationStatuses } from './state-funding.ts';

/** An amount in kronor, ≥ 0, as öre. */
export const kronorSchema = z
  .union([z.string(), z.number()], { error: keyError('validation.invalidAmount') })
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
    const ore = parseKronor(text);
    if (ore === null || !Number.isSafeInteger(ore)) {
      ctx.issues.push({ code: 'custom', message: 'validation.invalidAmount', input: value });
      return z.NEVER;
    }
    if (ore < 0) {
      ctx.issues.push({ code: 'custom', message: 'validation.negativeAmount', input: value });
      return z.NEVER;
    }
    return ore;
  });

export const calendarDateSchema = z
  .string({ error: keyError('validation.invalidDate') })
  .trim()
  .refine(isRealCalendarDate, { error: 'validation.invalidDate' });
const optionalDate = z.preprocess(blankToUndefined, calendarDateSchema.optional());

/** Versions are int4 in the database: a larger number is bad input, not a database error. */
const maxVersion = 2_147_483_647;
const expectedVersion = z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).positive({ error: 'validation.invalid' }).max(maxVersion, { error: 'validation.invalid' });

const costModelFields = {
  costKind: z.enum(costKinds, { error: keyError('validation.invalidOption') }),
  price: kronorSchema,
  vatHandling: z.preprocess(blankToUndefined, z.enum(vatHandlings, { error: 'validation.invalidOption' }).default('none')),
  vatRateBasisPoints: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'validation.invalidOption' })
      .refine((v) => (vatRates as readonly number[]).includes(v), { error: 'validation.invalidOption' })
      .default(0),
  ),
};

/** Start, planned end and actual end: no end may come before the start. */
function checkPeriod(input: { startDate?: string; plannedEndDate?: string; actualEndDate?: string }, ctx: z.RefinementCtx) {
  for (const field of ['plannedEndDate', 'actualEndDate'] as const) {
    const end = input[field];
    if (end !== undefined && input.startDate !== undefined && end < input.startDate) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'validation.endBeforeStart' });
    }
  }
}

const periodFields = ['startDate', 'plannedEndDate', 'actualEndDate'];
const onlyWhenValid = (...fields: string[]) => ({
  when: (payload: z.core.ParsePayload) => !payload.issues.some((i) => fields.includes(String(i.path?.[0]))),
});

export const interventionInputSchema = z
  .object({
    caseId: uuidSchema,
    /** The decision that grants it (issue 6); an intervention without one is refused. */
    decisionId: z.preprocess(blankToUndefined, uuidSchema),
    interventionTypeId: uuidSchema,
    providerId: z.preprocess(blankToUndefined, uuidSchema.optional()),
    startDate: calendarDateSchema,
    plannedEndDate: optionalDate,
    actualEndDate: optionalDate,
    ...costModelFields,
    note: optionalText(2000),
  })
  .superRefine(checkPeriod, onlyWhenValid(...periodFields));
export type InterventionInput = z.output<typeof interventionInputSchema>;

/** Changing the dates or the price of an intervention already on the case. */
export const interventionUpdateSchema = z
  .object({
    id: uuidSchema,
    expectedVersion,
    providerId: z.preprocess(blankToUndefined, uuidSchema.optional()),
    startDate: calendarDateSchema,
    plannedEndDate: optionalDate,
    actualEndDate: optionalDate,
    ...costModelFields,
    note: optionalText(2000),
  })
  .superRefine(checkPeriod, onlyWhenValid(...periodFields));
export type InterventionUpdate = z.output<typeof interventionUpdateSchema>;

export const interventionTypeInputSchema = z.object({
  /** A default type of the catalogue, or none for the municipality's own type (then the name is required). */
  code: z.preprocess(blankToUndefined, z.enum(interventionTypeCodes, { error: 'validation.invalidOption' }).optional()),
  name: requiredText(200),
  ...costModelFields,
  placement: checkbox,
});
export type InterventionTypeInput = z.output<typeof interventionTypeInputSchema>;

export const providerInputSchema = z.object({
  name: requiredText(200),
  withinFrameworkAgreement: checkbox,
  interventionTypeId: z.preprocess(blankToUndefined, uuidSchema.optional()),
});
export type ProviderInput = z.output<typeof providerInputSchema>;

const yearSchema = z.coerce
  .number({ error: 'validation.invalidYear' })
  .int({ error: 'validation.invalidYear' })
  .min(2000, { error: 'validation.invalidYear' })
  .max(2100, { error: 'validation.invalidYear' });

export const budgetInputSchema = z.object({
  programme: z.enum(programmeCodes, { error: keyError('validation.invalidOption') }),
  year: yearSchema,
  amount: kronorSchema,
  /** 0 or absent for a new budget; otherwise the version read. */
  expectedVersion: z.preprocess(blankToUndefined, z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.invalid' }).max(maxVersion, { error: 'validation.invalid' }).default(0)),
});
export type BudgetInput = z.output<typeof budgetInputSchema>;

export const budgetQuerySchema = z.object({ year: z.preprocess(blankToUndefined, yearSchema.optional()) });

export const stateFundingInputSchema = z.object({
  caseId: uuidSchema,
  expectedVersion: z.preprocess(blankToUndefined, z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.invalid' }).max(maxVersion, { error: 'validation.invalid' }).default(0)),
  /** When the police gave their judgement (the application asks for it). */
  policeJudgementOn: optionalDate,
  // Recorded by staff from what the police said; `interventionsDecided` is read from the case instead.
  policeDefinitionMet: checkbox,
  policeProtectionNeed: checkbox,
  motivated: checkbox,
  consentToInformationSharing: checkbox,
  policeConditionsSigned: checkbox,
  notWitnessInPendingCase: checkbox,
  // The application itself (issue 8: the follow-up report counts applications and grants).
  applicationStatus: z.preprocess(blankToUndefined, z.enum(stateFundingApplicationStatuses, { error: 'validation.invalidOption' }).default('notApplied')),
  appliedOn: optionalDate,
  decidedOn: optionalDate,
  grantedAmount: z.preprocess(blankToUndefined, kronorSchema.optional()),
}).superRefine((input, ctx) => {
  const problems = stateFundingApplicationProblems({
    status: input.applicationStatus,
    appliedOn: input.appliedOn ?? null,
    decidedOn: input.decidedOn ?? null,
    grantedAmountOre: input.grantedAmount ?? null,
  });
  for (const [field, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [field], message });
});
export type StateFundingInput = z.output<typeof stateFundingInputSchema>;

const planBase = { caseId: uuidSchema, expectedVersion: z.preprocess(blankToUndefined, z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.invalid' }).max(maxVersion, { error: 'validation.invalid' }).default(0)) };

export const planGoalInputSchema = z.object({ ...planBase, text: requiredText(1000) });
export const planGoalStatusInputSchema = z.object({
  ...planBase,
  goalId: uuidSchema,
  status: z.enum(planGoalStatuses, { error: keyError('validation.invalidOption') }),
});
export const planActionInputSchema = z
  .object({
    ...planBase,
    goalId: z.preprocess(blankToUndefined, uuidSchema.optional()),
    text: requiredText(1000),
    actor: z.enum(planActors, { error: keyError('validation.invalidOption') }),
    startDate: optionalDate,
    dueDate: optionalDate,
  })
  .superRefine(
    (input, ctx) => {
      if (input.startDate !== undefined && input.dueDate !== undefined && input.dueDate < input.startDate) {
        ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'validation.endBeforeStart' });
      }
    },
    onlyWhenValid('startDate', 'dueDate'),
  );
export const planActionStatusInputSchema = z.object({
  ...planBase,
  actionId: uuidSchema,
  status: z.enum(planActionStatuses, { error: keyError('validation.invalidOption') }),
});
export const planOwnWordsInputSchema = z.object({ ...planBase, text: optionalText(4000) });

/** 'YYYY-MM-DD HH:MM' (or with a 'T', as a datetime-local field sends it), Swedish time; out with the 'T'. */
const localDateTime = z
  .string({ error: keyError('validation.invalidDateTime') })
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/.test(v) && isRealCalendarDate(v.slice(0, 10)) && Number(v.slice(11, 13)) < 24 && Number(v.slice(14, 16)) < 60, {
    error: 'validation.invalidDateTime',
  })
  .transform((v) => v.replace(' ', 'T'));

/** Ids from a multi-select or checkboxes: one value or many; at most 50. */
const idList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
  z.array(uuidSchema, { error: 'validation.invalid' }).max(50, { error: 'validation.tooManyValues' }),
);

export const networkMeetingInputSchema = z.object({
  caseId: uuidSchema,
  scheduledAt: localDateTime,
  place: requiredText(200),
  /** Staff and partner users invited; partners only where the consent covers their organisation. */
  inviteeIds: idList,
});
export type NetworkMeetingInput = z.output<typeof networkMeetingInputSchema>;

export const agendaItemInputSchema = z.object({
  meetingId: uuidSchema,
  title: requiredText(200),
  details: optionalText(2000),
  /** The invited partner organisations the item is meant for; none: social services only. */
  organisationIds: idList,
});

/** Inviting more people to a planned meeting: one or several at once (a group of checkboxes). */
export const meetingInviteInputSchema = z.object({
  meetingId: uuidSchema,
  userIds: idList.refine((ids) => ids.length > 0, { error: 'validation.required' }),
});

export const attendanceInputSchema = z.object({
  meetingId: uuidSchema,
  userId: uuidSchema,
  attendance: z.enum(attendances, { error: keyError('validation.invalidOption') }),
});

export const meetingStatusInputSchema = z.object({
  meetingId: uuidSchema,
  expectedVersion,
  status: z.enum(networkMeetingStatuses, { error: keyError('validation.invalidOption') }),
  notes: optionalText(4000),
});

/** A decision taken at a meeting becomes an action of the case's plan. */
export const meetingDecisionInputSchema = z
  .object({
    meetingId: uuidSchema,
    text: requiredText(1000),
    actor: z.enum(planActors, { error: keyError('validation.invalidOption') }),
    dueDate: optionalDate,
  });

export const byCaseSchema = z.object({ caseId: uuidSchema });
export const costStatementQuerySchema = z
  .object({ caseId: uuidSchema, from: calendarDateSchema, to: calendarDateSchema })
  .superRefine((input, ctx) => {
    if (input.to < input.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.endBeforeStart' });
  }, onlyWhenValid('from', 'to'));
