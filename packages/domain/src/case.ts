// The case lifecycle (issue 6): statuses, closing, decisions, journal and follow-up as value lists and pure
// rules. The database enums (packages/db schema/enums.ts) are built from these lists.
import type { StaffRole } from './roles.ts';

/** open → closed → reopened (→ closed …). A reopened case works like an open one; the history keeps both. */
export const caseStatuses = ['open', 'closed', 'reopened'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** GLOSSARY: avslutat – gått i mål (completed) / avbrutet (terminated, with a reason). */
export const closingOutcomes = ['completed', 'terminated'] as const;
export type ClosingOutcome = (typeof closingOutcomes)[number];
export const terminationReasons = ['relapse', 'withdrew', 'moved', 'consentRevoked', 'other'] as const;
export type TerminationReason = (typeof terminationReasons)[number];

/** DOMAIN.md §8: half-year follow-up counts cases by age and gender; unknown until recorded. */
export const genders = ['woman', 'man', 'other', 'unknown'] as const;
export type Gender = (typeof genders)[number];

export const caseStatusTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['closed'],
  closed: ['reopened'],
  reopened: ['closed'],
};

export function canChangeCaseStatus(from: CaseStatus, to: CaseStatus): boolean {
  return caseStatusTransitions[from].includes(to);
}

export function isCaseActive(status: CaseStatus): boolean {
  return status !== 'closed';
}

/** Investigation (utredning) → signed decision. A signed decision is locked. */
export const decisionStages = ['investigation', 'signed'] as const;
export type DecisionStage = (typeof decisionStages)[number];
export const decisionOutcomes = ['granted', 'denied', 'partlyGranted'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

/**
 * Decision mandate (DOMAIN.md §9.1: someone has the mandate): every unit manager, and a coordinator to whom the
 * unit manager has delegated it (a flag on the account, `decisionMandate`). Nobody else, whatever the flag says.
 */
export function hasDecisionMandate(role: StaffRole, delegated: boolean): boolean {
  return role === 'unitManager' || (role === 'coordinator' && delegated);
}

/** Whole days from first contact to the decision (§9.2: the motivation window is short; measure it). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
}

/** Follow-up of the commitment (issue 6 item 5): drug tests, breaches of the conditions, other events. */
export const followUpKinds = ['drugTest', 'breach', 'other'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];
export const drugTestResults = ['negative', 'positive', 'refused'] as const;
export type DrugTestResult = (typeof drugTestResults)[number];

/** A breach, a positive or a refused drug test asks the coordinator to review the case. */
export function followUpNeedsReview(kind: FollowUpKind, result: DrugTestResult | null): boolean {
  return kind === 'breach' || (kind === 'drugTest' && result !== null && result !== 'negative');
}

export const caseTaskKinds = ['reviewBreach'] as const;
export type CaseTaskKind = (typeof caseTaskKinds)[number];

/** Programmes a case can pass to without a new case (DOMAIN.md §3: SIG is the sluice to the exit programme). */
export const programmeBridges = {
  sig: ['youthExitProgramme', 'adultExitProgramme'],
  youthExitProgramme: ['adultExitProgramme', 'ordinarySupport'],
  adultExitProgramme: ['ordinarySupport'],
  ordinarySupport: ['sig', 'youthExitProgramme', 'adultExitProgramme'],
} as const;
