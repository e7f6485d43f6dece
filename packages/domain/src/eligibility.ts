// Routes a person to a programme from criteria states and age. Never a dead end (003): whoever misses the exit
// criteria goes to SIG or to social services' ordinary responsibility, with reasons a case worker can read.
import { criteriaByProgramme, criterionCodes, type CriterionCode, type CriterionState } from './criteria.ts';
import { defaultProgrammes, isAgeInBand, type ProgrammeCode, type ProgrammesConfig } from './programmes.ts';

export const routes = ['adultExitProgramme', 'youthExitProgramme', 'sig', 'ordinarySupport', 'requestPoliceAssessment'] as const;
export type Route = (typeof routes)[number];

export type ExitProgrammeCode = Extract<ProgrammeCode, 'youthExitProgramme' | 'adultExitProgramme'>;
export const exitProgrammeCodes = ['youthExitProgramme', 'adultExitProgramme'] as const satisfies readonly ExitProgrammeCode[];

/** Every i18n key `evaluateEligibility` can put in `reasons`, for the catalogs. */
export const routeReasonKeys = [
  'route.reason.allCriteriaMet',
  'route.reason.protectionNeedUnknown',
  'route.reason.ageUnknown',
  'route.reason.outsideExitAgeBand',
  'route.reason.inSigAgeBand',
  'route.reason.outsideSigAgeBand',
  ...criterionCodes.map((code) => `route.reason.notMet.${code}` as const),
  ...criterionCodes.map((code) => `route.reason.unknown.${code}` as const),
] as const;
export type RouteReasonKey = (typeof routeReasonKeys)[number];

export interface EligibilityInput {
  age: number | null;
  states: Partial<Record<CriterionCode, CriterionState>>;
  programmes?: ProgrammesConfig;
}

export interface EligibilityResult {
  criteria: { code: CriterionCode; state: CriterionState }[];
  route: Route;
  reasons: RouteReasonKey[];
}

/**
 * The criteria a programme requires under a configuration: `criteriaByProgramme` decides the list, and the
 * programme's `requiresPoliceProtectionNeed` flag adds or removes the police judgement (local adaptation, §9).
 */
export function requiredCriteria(programme: ProgrammeCode, config: ProgrammesConfig = defaultProgrammes): CriterionCode[] {
  const base = new Set<CriterionCode>(criteriaByProgramme[programme]);
  if (config[programme].requiresPoliceProtectionNeed) base.add('policeProtectionNeed');
  else base.delete('policeProtectionNeed');
  return criterionCodes.filter((code) => base.has(code));
}

/** Distance from an age to a band, 0 inside it. */
function distanceToBand(config: ProgrammesConfig, code: ProgrammeCode, age: number): number {
  const band = config[code].ageBand;
  if (band === null) return 0;
  if (band.min !== null && age < band.min) return band.min - age;
  if (band.max !== null && age > band.max) return age - band.max;
  return 0;
}

/**
 * The exit programme for an age: the one whose band holds it, else the nearest one. Age never blocks exit
 * support outright (§10: the current definition has no age limit), so a 12-year-old gets the youth programme
 * and a 35-year-old the adult one even if a municipality caps it, flagged 'route.reason.outsideExitAgeBand'.
 * Unknown age: the adult programme, whose criteria are the strictest (they include the police judgement).
 */
export function exitProgrammeForAge(age: number | null, config: ProgrammesConfig = defaultProgrammes): ExitProgrammeCode {
  if (age === null) return 'adultExitProgramme';
  const [youth, adult] = exitProgrammeCodes.map((code) => distanceToBand(config, code, age)) as [number, number];
  return youth < adult ? 'youthExitProgramme' : 'adultExitProgramme';
}

export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const config = input.programmes ?? defaultProgrammes;
  const exitProgramme = exitProgrammeForAge(input.age, config);
  const evaluated = requiredCriteria(exitProgramme, config).map((code) => ({
    code,
    state: input.states[code] ?? ('unknown' as const),
  }));

  const ageReasons: RouteReasonKey[] = [];
  if (input.age === null) ageReasons.push('route.reason.ageUnknown');
  else if (!isAgeInBand(config[exitProgramme].ageBand, input.age)) ageReasons.push('route.reason.outsideExitAgeBand');

  const unmet = evaluated.filter(({ state }) => state !== 'met');
  if (unmet.length === 0) {
    return { criteria: evaluated, route: exitProgramme, reasons: [...ageReasons, 'route.reason.allCriteriaMet'] };
  }
  // 000: the police judge protection need, and social services ask for that judgement when there is reason.
  if (unmet.length === 1 && unmet[0]?.code === 'policeProtectionNeed' && unmet[0].state === 'unknown') {
    return { criteria: evaluated, route: 'requestPoliceAssessment', reasons: [...ageReasons, 'route.reason.protectionNeedUnknown'] };
  }

  const reasons: RouteReasonKey[] = [
    ...ageReasons,
    ...unmet.map(({ code, state }) => (state === 'notMet' ? (`route.reason.notMet.${code}` as const) : (`route.reason.unknown.${code}` as const))),
  ];
  // 003: SIG is the sluice that can motivate and later pass the person on; an unknown age cannot show the band.
  if (input.age !== null && isAgeInBand(config.sig.ageBand, input.age)) {
    return { criteria: evaluated, route: 'sig', reasons: [...reasons, 'route.reason.inSigAgeBand'] };
  }
  return { criteria: evaluated, route: 'ordinarySupport', reasons: [...reasons, 'route.reason.outsideSigAgeBand'] };
}
