// Input schemas of the case lifecycle (issue 6). Messages are validation.* keys; cross-field rules name the
// field a person must fix.
import { z } from 'zod';
import { calendarDateInSweden, isRealCalendarDate } from './dates.ts';
import { caseStatuses, closingOutcomes, decisionOutcomes, drugTestResults, followUpKinds, genders, terminationReasons } from './case.ts';
import { criterionCodes, criterionStates } from './criteria.ts';
import { receivedAtSchema } from './intake-schemas.ts';
import { programmeCodes } from './programmes.ts';
import { blankToUndefined, checkbox, fieldsValid, optionalText, requiredText, uuidSchema } from './schemas.ts';
import { keyError } from './validation-keys.ts';
import { caseSearchTermSchema } from './case-search.ts';

const option = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: keyError('validation.invalidOption') });
const optionalOption = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: 'validation.invalidOption' }).optional());
const optionalUuid = z.preprocess(blankToUndefined, uuidSchema.optional());

/** The version the editor read (optimistic concurrency): a stale one is refused with what changed. */
export const expectedVersionSchema = z.coerce
  .number({ error: keyError('validation.invalid') })
  .int({ error: 'validation.invalid' })
  .positive({ error: 'validation.invalid' })
  .max(2_147_483_647, { error: 'validation.invalid' });

/** 'YYYY-MM-DD', a real day, not after today in Sweden (something that has happened). */
export const pastDateSchema = z
  .string({ error: keyError('validation.invalidDate') })
  .trim()
  .refine(isRealCalendarDate, { error: 'validation.invalidDate', abort: true })
  .refine((value) => value <= calendarDateInSweden(new Date()), { error: 'validation.dateInFuture' });

const caseRef = { caseId: uuidSchema, expectedVersion: expectedVersionSchema };

export const caseScopes = ['mine', 'unit', 'all'] as const;
export type CaseScope = (typeof caseScopes)[number];

export const caseListQuerySchema = z.object({
  scope: z.preprocess(blankToUndefined, option(caseScopes).default('all')),
  status: optionalOption(caseStatuses),
  programme: optionalOption(programmeCodes),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(1, { error: 'validation.invalid' }).max(200, { error: 'validation.invalid' }).default(100),
  ),
  /** The next page starts after this (an opaque keyset cursor from the previous page's `nextCursor`). */
  cursor: z.preprocess(blankToUndefined, z.string({ error: 'validation.invalid' }).max(200, { error: 'validation.invalid' }).optional()),
});

/** The list's filters plus the search term (issue 9 item 1); a POST body, since the term is personal data. */
export const caseSearchInputSchema = caseListQuerySchema.extend({ q: caseSearchTermSchema });

export const caseIdSchema = z.object({ caseId: uuidSchema });

export const caseAssignInputSchema = z.object({
  ...caseRef,
  unitId: optionalUuid,
  responsibleUserId: optionalUuid,
  coordinatorUserId: optionalUuid,
});

export const caseDetailsInputSchema = z.object({
  ...caseRef,
  ageBandReason: optionalText(2000),
  gender: optionalOption(genders),
});

export const caseCloseInputSchema = z
  .object({
    ...caseRef,
    outcome: option(closingOutcomes),
    terminationReason: optionalOption(terminationReasons),
    note: optionalText(2000),
  })
  .superRefine(
    (input, ctx) => {
      if (input.outcome === 'terminated' && input.terminationReason === undefined) {
        ctx.addIssue({ code: 'custom', path: ['terminationReason'], message: 'validation.terminationReasonRequired' });
      }
      // "Other" names what it was.
      if (input.terminationReason === 'other' && input.note === undefined) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'validation.reasonRequired' });
      }
    },
    { when: fieldsValid('outcome', 'terminationReason', 'note') },
  );

export const caseReopenInputSchema = z.object({ ...caseRef, reason: requiredText(2000) });

export const caseProgrammeInputSchema = z.object({ ...caseRef, programme: option(programmeCodes), reason: requiredText(2000) });

const criterionEntry = z.object({
  state: option(criterionStates),
  assessedOn: pastDateSchema,
  basis: optionalText(1000),
});

/** The whole checklist as the form posts it; only criteria whose state, date or basis changed are recorded. */
export const eligibilityInputSchema = z
  .object({
    ...caseRef,
    criteria: z.partialRecord(z.enum(criterionCodes, { error: 'validation.invalidOption' }), criterionEntry, {
      error: keyError('validation.invalid'),
    }),
  })
  .superRefine(
    (input, ctx) => {
      // A judgement (met / not met) needs its basis; "unknown" needs none.
      for (const [code, entry] of Object.entries(input.criteria)) {
        if (entry && entry.state !== 'unknown' && entry.basis === undefined) {
          ctx.addIssue({ code: 'custom', path: ['criteria', code, 'basis'], message: 'validation.basisRequired' });
        }
      }
    },
    { when: fieldsValid('criteria') },
  );

const interventionsSchema = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value.split('\n').map((line) => line.trim()).filter(Boolean)
      : value,
  z.array(requiredText(300), { error: keyError('validation.invalid') }).max(30, { error: 'validation.tooManyValues' }).default([]),
);

const yesNoUnknown = z.preprocess(blankToUndefined, z.enum(['yes', 'no'], { error: 'validation.invalidOption' }).optional());

/** The investigation's draft: everything optional until signing. */
export const decisionDraftInputSchema = z
  .object({
    caseId: uuidSchema,
    decisionId: optionalUuid,
    expectedVersion: z.preprocess(blankToUndefined, expectedVersionSchema.optional()),
    outcome: optionalOption(decisionOutcomes),
    grounds: optionalText(8000),
    hasChildren: yesNoUnknown,
    childImpact: optionalText(4000),
    interventions: interventionsSchema,
  })
  .superRefine(
    (input, ctx) => {
      // Editing an existing draft names the version read.
      if (input.decisionId !== undefined && input.expectedVersion === undefined) {
        ctx.addIssue({ code: 'custom', path: ['expectedVersion'], message: 'validation.required' });
      }
    },
    { when: fieldsValid('decisionId', 'expectedVersion') },
  );

export const decisionSignInputSchema = z.object({ decisionId: uuidSchema, expectedVersion: expectedVersionSchema });

/** What a signature needs on the decision (checked when signing; the draft may be incomplete). */
export interface DecisionForSigning {
  outcome: string | null;
  grounds: string | null;
  hasChildren: boolean | null;
  childImpact: string | null;
}
export function missingForSigning(d: DecisionForSigning): Record<string, 'validation.required' | 'validation.childImpactRequired'> {
  const missing: Record<string, 'validation.required' | 'validation.childImpactRequired'> = {};
  if (!d.outcome) missing.outcome = 'validation.required';
  if (!d.grounds) missing.grounds = 'validation.required';
  // §9.4: the child perspective is always answered, and a parent's children's situation described.
  if (d.hasChildren === null) missing.hasChildren = 'validation.required';
  if (d.hasChildren === true && !d.childImpact) missing.childImpact = 'validation.childImpactRequired';
  return missing;
}

const oralSource = z
  .object({
    at: z.preprocess(blankToUndefined, receivedAtSchema.optional()),
    from: optionalText(200),
  })
  .optional()
  .superRefine((value, ctx) => {
    if (!value) return;
    // §10: what is learned orally records when AND from whom.
    if (value.at !== undefined && value.from === undefined) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'validation.oralSourceFromRequired' });
    }
    if (value.from !== undefined && value.at === undefined) {
      ctx.addIssue({ code: 'custom', path: ['at'], message: 'validation.oralSourceAtRequired' });
    }
  });

export const journalWriteInputSchema = z.object({
  caseId: uuidSchema,
  body: requiredText(20_000),
  oralSource,
  sign: checkbox,
});

export const journalEditInputSchema = z.object({
  entryId: uuidSchema,
  expectedVersion: expectedVersionSchema,
  body: requiredText(20_000),
  oralSource,
});

export const journalSignInputSchema = z.object({ entryId: uuidSchema, expectedVersion: expectedVersionSchema });

export const journalAmendInputSchema = z.object({
  entryId: uuidSchema,
  body: requiredText(20_000),
  oralSource,
  sign: checkbox,
});

export const commitmentInputSchema = z.object({
  caseId: uuidSchema,
  signedOn: pastDateSchema,
  conditions: requiredText(4000),
});

export const followUpInputSchema = z
  .object({
    caseId: uuidSchema,
    kind: option(followUpKinds),
    occurredOn: pastDateSchema,
    result: optionalOption(drugTestResults),
    note: optionalText(2000),
  })
  .superRefine(
    (input, ctx) => {
      if (input.kind === 'drugTest' && input.result === undefined) {
        ctx.addIssue({ code: 'custom', path: ['result'], message: 'validation.drugTestResultRequired' });
      }
      if (input.kind !== 'drugTest' && input.note === undefined) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'validation.required' });
      }
    },
    { when: fieldsValid('kind', 'result', 'note') },
  );

export const taskCompleteInputSchema = z.object({ taskId: uuidSchema, note: optionalText(2000) });

export type CaseListQuery = z.output<typeof caseListQuerySchema>;
export type CaseSearchInput = z.output<typeof caseSearchInputSchema>;
export type CaseAssignInput = z.output<typeof caseAssignInputSchema>;
export type CaseDetailsInput = z.output<typeof caseDetailsInputSchema>;
export type CaseCloseInput = z.output<typeof caseCloseInputSchema>;
export type CaseReopenInput = z.output<typeof caseReopenInputSchema>;
export type CaseProgrammeInput = z.output<typeof caseProgrammeInputSchema>;
export type EligibilityRecordInput = z.output<typeof eligibilityInputSchema>;
export type DecisionDraftInput = z.output<typeof decisionDraftInputSchema>;
export type DecisionSignInput = z.output<typeof decisionSignInputSchema>;
export type JournalWriteInput = z.output<typeof journalWriteInputSchema>;
export type JournalEditInput = z.output<typeof journalEditInputSchema>;
export type JournalSignInput = z.output<typeof journalSignInputSchema>;
export type JournalAmendInput = z.output<typeof journalAmendInputSchema>;
export type CommitmentInput = z.output<typeof commitmentInputSchema>;
export type FollowUpInput = z.output<typeof followUpInputSchema>;
export type TaskCompleteInput = z.output<typeof taskCompleteInputSchema>;
