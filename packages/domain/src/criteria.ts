// Eligibility criteria as data (DOMAIN.md §5, §10). Not meeting them is a routing decision, never a dead end (003).
import type { ProgrammeCode } from './programmes.ts';

export const criterionCodes = [
  'definitionFit',
  'motivation',
  'consent',
  'commitment',
  'policeProtectionNeed',
  'drugFree',
  'notWitnessInPendingCase',
] as const;
export type CriterionCode = (typeof criterionCodes)[number];

export const criterionStates = ['met', 'notMet', 'unknown'] as const;
export type CriterionState = (typeof criterionStates)[number];

export interface Criterion {
  code: CriterionCode;
  source: string;
}

export const criteria: Record<CriterionCode, Criterion> = {
  definitionFit: { code: 'definitionFit', source: '003: national coordination structure, criterion 1; §10 joint definition' },
  motivation: { code: 'motivation', source: '003: criterion 2 (motivation is assessed); 004: adult exit; §10 police criteria' },
  consent: { code: 'consent', source: '003: criterion 3 (contacts and disclosure between actors); §10 police criteria' },
  commitment: { code: 'commitment', source: '003: criterion 4 (refrain from crime and substance abuse); §10 police conditions' },
  policeProtectionNeed: { code: 'policeProtectionNeed', source: '004: adult exit; 000: the police judge the need; 003: state funding' },
  drugFree: { code: 'drugFree', source: '004: adult exit; §10 regional police practice (recurring drug tests)' },
  notWitnessInPendingCase: { code: 'notWitnessInPendingCase', source: '§10 police criteria' },
};

export const criteriaByProgramme: Record<ProgrammeCode, readonly CriterionCode[]> = {
  // 004 + §10: the adult programme runs with the police, so the police criteria apply in full.
  adultExitProgramme: criterionCodes,
  // 003 (national structure) + 004: the youth programme uses the four national criteria, age-adapted.
  youthExitProgramme: ['definitionFit', 'motivation', 'consent', 'commitment'],
  // 003: SIG works outreaching and motivating; it is voluntary, so consent is the only condition.
  sig: ['consent'],
  ordinarySupport: [],
};
