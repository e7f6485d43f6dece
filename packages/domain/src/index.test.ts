import { describe, expect, it } from 'vitest';
import * as domain from './index.ts';

describe('@utvag/domain public API', () => {
  it('exports the agreed contract', () => {
    const names = [
      'parseIdentityNumber', 'luhnCheckDigit', 'formatIdentityNumber', 'maskIdentityNumber', 'ageAt',
      'fictionalIdentityNumber', 'isFictionalSeries', 'programmeCodes', 'defaultProgrammes', 'isAgeInBand',
      'programmesForAge', 'reportingAgeBands', 'reportingAgeBand', 'legalAgeThresholds', 'isChild', 'definitions',
      'criterionCodes', 'criterionStates', 'criteria', 'criteriaByProgramme', 'routes', 'evaluateEligibility',
      'referralKinds', 'organisationTypes', 'staffRoles', 'partnerRoles', 'roles', 'isStaffRole', 'isPartnerRole',
      'urgencies', 'referralStatuses', 'referralTransitions', 'canTransition', 'triageDecisions',
      'statusForTriageDecision', 'partnerFeedbackStatuses', 'partnerFeedback', 'referenceNumber', 'referenceYear', 'checkbox',
      'optionalText', 'requiredText', 'identityNumberSchema', 'personInputSchema', 'officerContactSchema',
      'policeReferralInputSchema', 'triageDecisionInputSchema', 'loginInputSchema', 'listQuerySchema',
      'issueToMessage', 'fieldErrors',
    ];
    for (const name of names) expect(domain, name).toHaveProperty(name);
  });
});
