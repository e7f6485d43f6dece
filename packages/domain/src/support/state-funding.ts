// Police state funding to municipalities for defector costs (DOMAIN.md §5, §10). The police grant it per
// individual case when the person meets the police definition and criteria: today chiefly a protection need in
// the police's own judgement (003). The other police criteria (§10) are shown beside it so the application is
// complete; each is recorded by staff from what the police said, with the date.
export const stateFundingCriterionCodes = [
  /** The police definition of a defector (003 wording, §10 joint definition). */
  'policeDefinitionMet',
  /** The deciding one: the police judge that the person has a protection need (003, 004). */
  'policeProtectionNeed',
  'motivated',
  /** Consent to information sharing between the police and every relevant actor (§10). */
  'consentToInformationSharing',
  /** The police's conditions signed: a complete break with crime, support withdrawn if broken (§10). */
  'policeConditionsSigned',
  'notWitnessInPendingCase',
  /** Social services have decided on interventions (§10): checked from the case's interventions. */
  'interventionsDecided',
] as const;
export type StateFundingCriterionCode = (typeof stateFundingCriterionCodes)[number];

export type StateFundingFacts = Record<StateFundingCriterionCode, boolean>;

export interface StateFundingAssessment {
  meetsCriteria: boolean;
  missing: StateFundingCriterionCode[];
}

/** Every criterion must hold; `missing` lists those that do not, in the order above. */
export function assessStateFunding(facts: StateFundingFacts): StateFundingAssessment {
  const missing = stateFundingCriterionCodes.filter((c) => !facts[c]);
  return { meetsCriteria: missing.length === 0, missing };
}

/** The application to the police for the funding, per case (DOMAIN.md §10: applied for per individual case by the
 * municipality, with the regional defector coordinator and the local police area). */
export const stateFundingApplicationStatuses = ['notApplied', 'applied', 'granted', 'denied'] as const;
export type StateFundingApplicationStatus = (typeof stateFundingApplicationStatuses)[number];

export interface StateFundingApplication {
  status: StateFundingApplicationStatus;
  appliedOn: string | null;
  decidedOn: string | null;
  grantedAmountOre: number | null;
}

/** What an application of each status must and must not hold, as field → i18n key of the problem. */
export function stateFundingApplicationProblems(a: StateFundingApplication): Partial<Record<'appliedOn' | 'decidedOn' | 'grantedAmount', string>> {
  const problems: Partial<Record<'appliedOn' | 'decidedOn' | 'grantedAmount', string>> = {};
  if (a.status !== 'notApplied' && !a.appliedOn) problems.appliedOn = 'validation.required';
  const decided = a.status === 'granted' || a.status === 'denied';
  if (decided && !a.decidedOn) problems.decidedOn = 'validation.required';
  if (decided && a.decidedOn && a.appliedOn && a.decidedOn < a.appliedOn) problems.decidedOn = 'validation.endBeforeStart';
  if (a.status === 'granted' && a.grantedAmountOre === null) problems.grantedAmount = 'validation.required';
  return problems;
}

/** Keeps only what the status means: no decision date or amount before a decision, no amount on a refusal. */
export function normaliseStateFundingApplication(a: StateFundingApplication): StateFundingApplication {
  return {
    status: a.status,
    appliedOn: a.status === 'notApplied' ? null : a.appliedOn,
    decidedOn: a.status === 'granted' || a.status === 'denied' ? a.decidedOn : null,
    grantedAmountOre: a.status === 'granted' ? a.grantedAmountOre : null,
  };
}
