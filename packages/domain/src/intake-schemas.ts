// zod schemas of the intake forms beside the police referral (schemas.ts): one per source, each with the
// fields that source really has (issue 5), plus drafts and the inbox query.
import { z } from 'zod';
import { instantFromSwedishWallClock } from './clocks.ts';
import { isRealCalendarDate } from './dates.ts';
import { ageAt, birthDateFromDigits } from './identity.ts';
import { applicants, guardiansInformedOptions, intakeChannels, intakeSources } from './intake.ts';
import { isChild } from './age-bands.ts';
import { referralStatuses, urgencies } from './referral.ts';
import {
  blankToUndefined,
  checkbox,
  fieldsValid,
  listQuerySchema,
  noControlCharacters,
  officerContactSchema,
  optionalText,
  personInputSchema,
  phoneSchema,
  requiredText,
  uuidSchema,
} from './schemas.ts';
import { keyError } from './validation-keys.ts';

const urgency = z.preprocess(blankToUndefined, z.enum(urgencies, { error: 'validation.invalidOption' }).default('normal'));

/** 'YYYY-MM-DD', any real day (a release date may well lie ahead). */
const optionalDate = z.preprocess(
  blankToUndefined,
  z.string({ error: keyError('validation.invalidDate') }).trim().refine(isRealCalendarDate, { error: 'validation.invalidDate' }).optional(),
);

export const probationReferralInputSchema = z
  .object({
    idempotencyKey: uuidSchema,
    person: personInputSchema,
    releaseDate: optionalDate,
    supervisionEndDate: optionalDate,
    statedMotivation: requiredText(4000),
    reason: requiredText(4000),
    consentToContact: checkbox,
    urgency,
    contact: officerContactSchema,
  })
  .superRefine(
    (input, ctx) => {
      if (input.releaseDate && input.supervisionEndDate && input.supervisionEndDate < input.releaseDate) {
        ctx.addIssue({ code: 'custom', path: ['supervisionEndDate'], message: 'validation.dateOrder' });
      }
    },
    { when: fieldsValid('releaseDate', 'supervisionEndDate') },
  );

/** A guardian as a school knows them; a form's empty pair of fields means "not known". */
const guardianSchema = z.preprocess(
  (value) =>
    value && typeof value === 'object' && Object.values(value).every((v) => blankToUndefined(v) === undefined) ? undefined : value,
  z.object({ name: requiredText(200), phone: z.preprocess(blankToUndefined, phoneSchema.optional()) }).optional(),
);

function birthDateOf(person: { identityNumber?: string; birthDate?: string }): string | undefined {
  return person.birthDate ?? (person.identityNumber ? birthDateFromDigits(person.identityNumber) : undefined);
}

export const concernReportInputSchema = z
  .object({
    idempotencyKey: uuidSchema,
    child: personInputSchema,
    schoolName: requiredText(200),
    schoolClass: optionalText(50),
    guardian1: guardianSchema,
    guardian2: guardianSchema,
    observation: requiredText(4000),
    guardiansInformed: z.enum(guardiansInformedOptions, { error: keyError('validation.invalidOption') }),
    suspectedViolenceAtHome: checkbox,
    threatOrProtectionNeed: checkbox,
    urgency,
    // §10: a professional reporter is never anonymous; the reporter is also the signed-in account.
    contact: officerContactSchema,
  })
  .superRefine(
    (input, ctx) => {
      const birthDate = birthDateOf(input.child);
      if (birthDate && !isChild(ageAt(birthDate, new Date()))) {
        ctx.addIssue({ code: 'custom', path: ['child', 'birthDate'], message: 'validation.notAChild' });
      }
    },
    { when: (payload) => !payload.issues.some((i) => i.path?.[0] === 'child') },
  );

/** 'YYYY-MM-DD HH:MM' (or with 'T') in Swedish time, or a full ISO instant from a JSON client; never ahead of now. */
export const receivedAtSchema = z.string({ error: keyError('validation.invalidDateTime') }).transform((value, ctx) => {
  const trimmed = value.trim();
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(trimmed);
  let at: Date | null = null;
  if (local && isRealCalendarDate(local[1]!)) at = instantFromSwedishWallClock(local[1]!, local[2]!);
  else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) at = new Date(trimmed);
  if (!at || Number.isNaN(at.getTime())) {
    ctx.issues.push({ code: 'custom', message: 'validation.invalidDateTime', input: value });
    return z.NEVER;
  }
  // A minute of grace for clocks that differ slightly between a browser and the server.
  if (at.getTime() > Date.now() + 60_000) {
    ctx.issues.push({ code: 'custom', message: 'validation.dateInFuture', input: value });
    return z.NEVER;
  }
  return at;
});

export const staffIntakeInputSchema = z
  .object({
    idempotencyKey: uuidSchema,
    person: personInputSchema,
    applicant: z.enum(applicants, { error: keyError('validation.invalidOption') }),
    channel: z.enum(intakeChannels, { error: keyError('validation.invalidOption') }),
    receivedAt: receivedAtSchema,
    reason: requiredText(4000),
    threatOrProtectionNeed: checkbox,
    personWantsOut: checkbox,
    consentToContact: checkbox,
    urgency,
    /** Who to call back: the person or the guardian. Optional: someone may walk in without a phone. */
    contact: z.object({
      name: optionalText(200),
      phone: z.preprocess(blankToUndefined, phoneSchema.optional()),
    }),
  })
  .superRefine(
    (input, ctx) => {
      if (input.applicant === 'guardian' && !input.contact.name) {
        ctx.addIssue({ code: 'custom', path: ['contact', 'name'], message: 'validation.guardianNameRequired' });
      }
    },
    { when: fieldsValid('applicant', 'contact') },
  );

/** A draft keeps the form's raw values, unvalidated except for size and control characters: it is unfinished. */
export const draftInputSchema = z.object({
  idempotencyKey: uuidSchema,
  source: z.enum(intakeSources, { error: keyError('validation.invalidOption') }),
  values: z
    .record(
      z.string().max(100, { error: 'validation.tooLong' }),
      z.string({ error: 'validation.invalid' }).max(4000, { error: 'validation.tooLong' }).refine(noControlCharacters, {
        error: 'validation.controlCharacters',
      }),
    )
    .refine((values) => Object.keys(values).length <= 60, { error: 'validation.tooManyValues' }),
});

export const draftKeySchema = z.object({ idempotencyKey: uuidSchema });

/** The open statuses the inbox can filter on. */
export const inboxStatuses = ['submitted', 'underReview'] as const satisfies readonly (typeof referralStatuses)[number][];

/** The orders a person can sort the inbox by: the domain's priority order, or time of receipt alone. */
export const inboxSorts = ['priority', 'received'] as const;
export const sortDirections = ['asc', 'desc'] as const;

export const inboxQuerySchema = listQuerySchema.extend({
  sort: z.preprocess(blankToUndefined, z.enum(inboxSorts, { error: 'validation.invalidOption' }).default('priority')),
  order: z.preprocess(blankToUndefined, z.enum(sortDirections, { error: 'validation.invalidOption' }).default('asc')),
  source: z.preprocess(blankToUndefined, z.enum(intakeSources, { error: 'validation.invalidOption' }).optional()),
  status: z.preprocess(blankToUndefined, z.enum(inboxStatuses, { error: 'validation.invalidOption' }).optional()),
  /** A unit of the municipality (assigned to it). */
  unit: z.preprocess(blankToUndefined, z.uuid({ error: 'validation.invalidOption' }).optional()),
  /** 'me', 'unassigned' or a staff account's id. */
  assignee: z.preprocess(
    blankToUndefined,
    z.union([z.enum(['me', 'unassigned']), z.uuid()], { error: 'validation.invalidOption' }).optional(),
  ),
});

export type ProbationReferralInput = z.output<typeof probationReferralInputSchema>;
export type ConcernReportInput = z.output<typeof concernReportInputSchema>;
export type StaffIntakeInput = z.output<typeof staffIntakeInputSchema>;
export type DraftInput = z.output<typeof draftInputSchema>;
export type InboxQuery = z.output<typeof inboxQuerySchema>;
