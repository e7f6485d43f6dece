import type { Catalog } from '../shape.ts';
import type { enumLabels as sv } from '../sv/enum.ts';

export const enumLabels = {
  programme: {
    sig: 'Social intervention group (SIG)',
    youthExitProgramme: 'Youth exit programme',
    adultExitProgramme: 'Adult exit programme',
    ordinarySupport: 'Ordinary social services support',
  },
  referralStatus: {
    draft: 'Draft',
    submitted: 'Submitted',
    underReview: 'Under review',
    caseOpened: 'Case opened',
    passedToSig: 'Passed to SIG',
    routedToOrdinarySupport: 'Referred to ordinary support',
    notForUs: 'Not for us',
  },
  partnerFeedback: {
    received: 'Received',
    underReview: 'Under review',
    acceptedForSupport: 'Receiving support',
    closedWithoutAction: 'Closed without action',
  },
  partnerFeedbackHint: {
    received: 'Social services have received the referral.',
    underReview: 'Social services are assessing whether and how the person can get support.',
    acceptedForSupport: 'Social services have offered the person support. Confidentiality means we cannot tell you more.',
    closedWithoutAction: 'Social services have closed the referral without taking it further. Send a new referral if things change.',
  },
  triageDecision: {
    openCase: 'Open a case',
    passToSig: 'Pass to SIG',
    routeToOrdinarySupport: 'Refer to ordinary support',
    notForUs: 'Not for us',
  },
  urgency: { normal: 'Normal', high: 'High', immediate: 'Immediate' },
  referralKind: { referral: 'Referral', concernReport: 'Report of concern', selfApplication: 'Self-application' },
  organisationType: { police: 'Police', probationService: 'Probation service', school: 'School' },
  role: {
    intake: 'Intake',
    caseWorker: 'Case worker',
    coordinator: 'Coordinator',
    fieldWorker: 'Field worker',
    unitManager: 'Unit manager',
    administrator: 'Administrator',
    police: 'Police officer',
    probationOfficer: 'Probation officer',
    schoolStaff: 'School staff',
  },
  criterion: {
    definitionFit: 'Fits the definition of the target group',
    motivation: 'Wants to leave the criminal environment',
    consent: 'Has given consent',
    commitment: 'Commits to following the plan',
    policeProtectionNeed: 'Protection need as assessed by the police',
    drugFree: 'Drug-free',
    notWitnessInPendingCase: 'Not a witness in a pending case',
  },
  criterionState: { met: 'Met', notMet: 'Not met', unknown: 'Not known' },
  route: {
    adultExitProgramme: 'Adult exit programme',
    youthExitProgramme: 'Youth exit programme',
    sig: 'Social intervention group (SIG)',
    ordinarySupport: 'Ordinary support',
    requestPoliceAssessment: 'Ask the police for an assessment',
  },
} satisfies Catalog<typeof sv>;
