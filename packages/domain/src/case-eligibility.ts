// The eligibility checklist of a case (issue 6 item 2) on top of the evaluator in eligibility.ts, and the
// age-band rule: a case outside its programme's band needs a recorded reason, but age never blocks exit
// support (DOMAIN.md §10: the current definition has no age limit).
import { criterionCodes, type CriterionCode, type CriterionState } from './criteria.ts';
import { evaluateEligibility, exitProgrammeForAge, requiredCriteria, type EligibilityResult } from './eligibility.ts';
import { defaultProgrammes, isAgeInBand, type ProgrammeCode, type ProgrammesConfig } from './programmes.ts';

export interface ChecklistItem {
  code: CriterionCode;
  /** Required by the case's own programme. */
  requiredByProgramme: boolean;
  /** Required by the exit programme the person's age points to (what the evaluator checks). */
  requiredForExit: boolean;
}

/**
 * Every criterion, in the catalog's order, marked with who requires it. All are shown: a SIG case is often
 * heading for the exit programme (the bridge of §3), so its checklist prepares that step.
 */
export function eligibilityChecklist(
  programme: ProgrammeCode,
  age: number | null,
  config: ProgrammesConfig = defaultProgrammes,
): ChecklistItem[] {
  const own = new Set(requiredCriteria(programme, config));
  const exit = new Set(requiredCriteria(exitProgrammeForAge(age, config), config));
  return criterionCodes.map((code) => ({ code, requiredByProgramme: own.has(code), requiredForExit: exit.has(code) }));
}

/** The routing recommendation for the current states (the evaluator, unchanged). */
export function recommendRoute(
  age: number | null,
  states: Partial<Record<CriterionCode, CriterionState>>,
  config: ProgrammesConfig = defaultProgrammes,
): EligibilityResult {
  return evaluateEligibility({ age, states, programmes: config });
}

/** True when the person's age at the case's start lies outside the programme's band (a reason is needed). */
export function isOutsideAgeBand(
  programme: ProgrammeCode,
  age: number | null,
  config: ProgrammesConfig = defaultProgrammes,
): boolean {
  return age !== null && !isAgeInBand(config[programme].ageBand, age);
}
