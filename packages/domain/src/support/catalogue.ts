// The default intervention catalogue (DOMAIN.md §6), which every municipality starts from and may change
// (principle 5, local adaptation). Each type names the seed it comes from and a default cost model. The seeds
// give one price only: an exit case with an external placement costs just over 1 MSEK in its first year (003),
// about 2,800 kr a day; the other default prices are placeholders in the same order of magnitude that a
// municipality replaces with its own agreements.
import type { CostKind } from './cost.ts';
import type { Ore } from './money.ts';

export const interventionTypeCodes = [
  'relocation',
  'residentialCareWithinFramework',
  'residentialCareOutsideFramework',
  'fosterFamily',
  'sis',
  'supportedHousing',
  'protectedHousing',
  'outpatientCare',
  'roundTheClockCare',
  'incomeSupport',
  'occupation',
  'counselling',
  'civicOrientation',
  'contactPerson',
  'addictionCare',
  'familyTreatment',
  'youthTreatment',
] as const;
export type InterventionTypeCode = (typeof interventionTypeCodes)[number];

export interface InterventionTypeDefaults {
  code: InterventionTypeCode;
  costKind: CostKind;
  priceOre: Ore;
  /** Residential care is bought within or outside the framework agreement (001, Huddinge). */
  withinFrameworkAgreement: boolean | null;
  /** A placement away from home: these drive the first-year cost of about 1 MSEK (003). */
  placement: boolean;
  source: string;
}

const t = (
  code: InterventionTypeCode,
  costKind: CostKind,
  kronor: number,
  source: string,
  extra: Partial<Pick<InterventionTypeDefaults, 'withinFrameworkAgreement' | 'placement'>> = {},
): InterventionTypeDefaults => ({
  code,
  costKind,
  priceOre: kronor * 100,
  withinFrameworkAgreement: extra.withinFrameworkAgreement ?? null,
  placement: extra.placement ?? false,
  source,
});

export const defaultInterventionCatalogue: readonly InterventionTypeDefaults[] = [
  t('relocation', 'oneOff', 45_000, '004: placement in another town (adult exit)'),
  t('residentialCareWithinFramework', 'perDay', 2_400, '001: HVB within the framework agreement (addiction plus wish to leave)', {
    withinFrameworkAgreement: true,
    placement: true,
  }),
  t('residentialCareOutsideFramework', 'perDay', 2_800, '001: HVB outside the agreement; 003: just over 1 MSEK the first year', {
    withinFrameworkAgreement: false,
    placement: true,
  }),
  t('fosterFamily', 'perDay', 1_500, '000: foster family with higher competence (Norrtälje youth)', { placement: true }),
  t('sis', 'perDay', 5_000, '000: SiS as a last resort (Norrtälje youth)', { placement: true }),
  t('supportedHousing', 'perMonth', 25_000, '001: supported housing on return to the home municipality'),
  t('protectedHousing', 'perDay', 1_800, '003: protected housing (SoL 5:11, crime victims)', { placement: true }),
  t('outpatientCare', 'perMonth', 12_000, '001: outpatient treatment after the placement'),
  t('roundTheClockCare', 'perDay', 3_200, '001: 24-hour care at first', { placement: true }),
  t('incomeSupport', 'perMonth', 9_500, '004: income support (adult exit); 003: financial aid'),
  t('occupation', 'perMonth', 6_000, '004: occupation (adult exit and SIG team)'),
  t('counselling', 'perMonth', 4_000, '004: counselling; 003: supportive talks'),
  t('civicOrientation', 'oneOff', 8_000, '004: civic orientation (adult exit)'),
  t('contactPerson', 'perMonth', 3_000, '003: contact person (SoL 5:11)'),
  t('addictionCare', 'perMonth', 15_000, '003: addiction care (SoL 5:11)'),
  t('familyTreatment', 'perMonth', 18_000, '000: family treatment with the parents (Norrtälje youth)'),
  t('youthTreatment', 'perMonth', 20_000, '000: two youth therapists working intensively at home (Repulse)'),
];

export function catalogueDefaults(code: InterventionTypeCode): InterventionTypeDefaults {
  return defaultInterventionCatalogue.find((d) => d.code === code)!;
}
