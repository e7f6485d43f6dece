// Programmes and their age bands. Bands differ by municipality and year (DOMAIN.md §4, principle 5 in §9),
// so they are configuration; the defaults follow Uppsala 2024 (004).

export const programmeCodes = ['sig', 'youthExitProgramme', 'adultExitProgramme', 'ordinarySupport'] as const;
export type ProgrammeCode = (typeof programmeCodes)[number];

/** Inclusive whole-year bounds; null means open-ended on that side. */
export interface AgeBand {
  min: number | null;
  max: number | null;
}

export interface ProgrammeConfig {
  code: ProgrammeCode;
  /** null: the programme has no age band (anyone may get it). */
  ageBand: AgeBand | null;
  requiresPoliceProtectionNeed: boolean;
  source: string;
}

export type ProgrammesConfig = Record<ProgrammeCode, ProgrammeConfig>;

export const defaultProgrammes: ProgrammesConfig = {
  // 004: Insatsteamet works with people 16–29 living at home (003 had 16–21, sometimes 23).
  sig: { code: 'sig', ageBand: { min: 16, max: 29 }, requiresPoliceProtectionNeed: false, source: '004' },
  // 004: the exit programme extended to children and youth 13–17 with age-adapted methods.
  youthExitProgramme: {
    code: 'youthExitProgramme',
    ageBand: { min: 13, max: 17 },
    requiresPoliceProtectionNeed: false,
    source: '004',
  },
  // 004: adult exit programme for 18 and over; the police judge that the person has a protection need.
  adultExitProgramme: {
    code: 'adultExitProgramme',
    ageBand: { min: 18, max: null },
    requiresPoliceProtectionNeed: true,
    source: '004',
  },
  // 003: whoever does not meet the criteria may still apply under social services' ordinary responsibility.
  ordinarySupport: { code: 'ordinarySupport', ageBand: null, requiresPoliceProtectionNeed: false, source: '003' },
};

export function isAgeInBand(band: AgeBand | null, age: number): boolean {
  if (band === null) return true;
  return (band.min === null || age >= band.min) && (band.max === null || age <= band.max);
}

/** Programmes whose age band contains the age, in `programmeCodes` order. */
export function programmesForAge(age: number, config: ProgrammesConfig = defaultProgrammes): ProgrammeCode[] {
  return programmeCodes.filter((code) => isAgeInBand(config[code].ageBand, age));
}
