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
