// Transfer of a case to another municipality (issue 6 item 9; DOMAIN.md §9.6): seven in ten defectors move away.
// The sending municipality offers, with the person's consent; the receiving municipality's intake accepts or
// declines; the sender may withdraw an offer not yet answered. What the receiver sees before accepting is the
// summary the consent allows (`TransferSummary`), never the journal.
import { z } from 'zod';
import { reportingAgeBand, type ReportingAgeBandId } from './age-bands.ts';
import { decisionOutcomes, type DecisionOutcome } from './case.ts';
import { pastDateSchema, expectedVersionSchema } from './case-schemas.ts';
import { programmeCodes, type ProgrammeCode } from './programmes.ts';
import { requiredText, uuidSchema, type FieldError } from './schemas.ts';

export const transferStatuses = ['offered', 'accepted', 'declined', 'withdrawn'] as const;
export type TransferStatus = (typeof transferStatuses)[number];

/** offered → accepted | declined | withdrawn; the three answers are final. */
export const transferStatusTransitions: Record<TransferStatus, readonly TransferStatus[]> = {
  offered: ['accepted', 'declined', 'withdrawn'],
  accepted: [],
  declined: [],
  withdrawn: [],
};

export function canChangeTransferStatus(from: TransferStatus, to: TransferStatus): boolean {
  return transferStatusTransitions[from].includes(to);
}

/** An offer still waiting for the receiver: at most one per case. */
export const isTransferOpen = (status: TransferStatus) => status === 'offered';

/**
 * The receiving municipality must be another one: a transfer to one's own municipality is refused, naming the
 * field. Returns the field errors (empty when the target is fine).
 */
export function transferTargetErrors(ownMunicipalityId: string, toMunicipalityId: string): Record<string, FieldError> {
  return ownMunicipalityId === toMunicipalityId ? { toMunicipalityId: { key: 'validation.sameMunicipality' } } : {};
}

/**
 * What the person's consent to the transfer lets the sender share before the receiver accepts: the programme,
 * the age band (not the age or birth date), whether the identity is protected (so the receiver handles the offer
 * accordingly), the outcomes of signed decisions, the types of active interventions, and the sender's own
 * free-text summary. Never the journal, the name or the identity number.
 */
export interface TransferSummary {
  programme: ProgrammeCode;
  ageBand: ReportingAgeBandId | null;
  protectedIdentity: boolean;
  decisionOutcomes: DecisionOutcome[];
  interventionTypes: string[];
  text: string;
}

export function transferSummary(input: {
  programme: ProgrammeCode;
  ageAtStart: number | null;
  protectedIdentity: boolean;
  decisions: { outcome: DecisionOutcome | null; signed: boolean }[];
  activeInterventionTypes: string[];
  text: string;
}): TransferSummary {
  return {
    programme: input.programme,
    ageBand: input.ageAtStart === null || input.ageAtStart < 0 ? null : reportingAgeBand(input.ageAtStart),
    protectedIdentity: input.protectedIdentity,
    decisionOutcomes: input.decisions.filter((d) => d.signed && d.outcome !== null).map((d) => d.outcome!),
    interventionTypes: [...new Set(input.activeInterventionTypes)].sort((a, b) => a.localeCompare(b, 'sv')),
    text: input.text,
  };
}

export const transferSummarySchema = z.object({
  programme: z.enum(programmeCodes),
  ageBand: z.string().nullable(),
  protectedIdentity: z.boolean(),
  decisionOutcomes: z.array(z.enum(decisionOutcomes)),
  interventionTypes: z.array(z.string()),
  text: z.string(),
});

/** The offer: the receiving municipality, the date the person signed the consent to the transfer, the summary. */
export const transferOfferInputSchema = z.object({
  caseId: uuidSchema,
  toMunicipalityId: uuidSchema,
  consentSignedOn: pastDateSchema,
  summary: requiredText(4000),
});

export const transferRefSchema = z.object({ transferId: uuidSchema, expectedVersion: expectedVersionSchema });
export const transferIdSchema = z.object({ transferId: uuidSchema });
export const transferDeclineInputSchema = transferRefSchema.extend({ reason: requiredText(2000) });

export type TransferOfferInput = z.output<typeof transferOfferInputSchema>;
export type TransferRefInput = z.output<typeof transferRefSchema>;
export type TransferDeclineInput = z.output<typeof transferDeclineInputSchema>;
