// Labels for the domain's enum values. The lists mirror @utvag/domain; the completeness test
// cannot see the domain, so add a label here when a value is added there.
export const enumLabels = {
  programme: {
    sig: 'Sociala insatsgrupper (SIG)',
    youthExitProgramme: 'Avhopparverksamhet för unga',
    adultExitProgramme: 'Avhopparverksamhet för vuxna',
    ordinarySupport: 'Ordinarie stöd från socialtjänsten',
  },
  referralStatus: {
    draft: 'Utkast',
    submitted: 'Skickad',
    underReview: 'Under bedömning',
    caseOpened: 'Ärende öppnat',
    passedToSig: 'Överlämnad till SIG',
    routedToOrdinarySupport: 'Hänvisad till ordinarie stöd',
    notForUs: 'Inte aktuell hos oss',
  },
  // What a partner sees: deliberately little, because of confidentiality (sekretess).
  partnerFeedback: {
    received: 'Mottagen',
    underReview: 'Under bedömning',
    acceptedForSupport: 'Får stöd',
    closedWithoutAction: 'Avslutad utan åtgärd',
  },
  partnerFeedbackHint: {
    received: 'Socialtjänsten har tagit emot hänvisningen.',
    underReview: 'Socialtjänsten bedömer om och hur personen kan få stöd.',
    acceptedForSupport: 'Socialtjänsten har erbjudit personen stöd. Mer än så kan vi inte berätta på grund av sekretess.',
    closedWithoutAction:
      'Socialtjänsten har avslutat hänvisningen utan att gå vidare. Skicka en ny hänvisning om läget förändras.',
  },
  triageDecision: {
    openCase: 'Öppna ärende',
    passToSig: 'Lämna över till SIG',
    routeToOrdinarySupport: 'Hänvisa till ordinarie stöd',
    notForUs: 'Inte aktuell hos oss',
  },
  urgency: { normal: 'Normal', high: 'Hög', immediate: 'Akut' },
  referralKind: { referral: 'Hänvisning', concernReport: 'Orosanmälan', selfApplication: 'Egen ansökan' },
  organisationType: { police: 'Polisen', probationService: 'Frivården', school: 'Skola' },
  role: {
    intake: 'Mottagning',
    caseWorker: 'Handläggare',
    coordinator: 'Samordnare',
    fieldWorker: 'Fältarbetare',
    unitManager: 'Enhetschef',
    administrator: 'Administratör',
    regional: 'Regional uppföljning',
    police: 'Polis',
    probationOfficer: 'Frivårdsinspektör',
    schoolStaff: 'Skolpersonal',
  },
  criterion: {
    definitionFit: 'Tillhör målgruppen enligt definitionen',
    motivation: 'Vill lämna den kriminella miljön',
    consent: 'Har gett sitt samtycke',
    commitment: 'Åtar sig att följa planen',
    policeProtectionNeed: 'Skyddsbehov enligt polisens bedömning',
    drugFree: 'Drogfri',
    notWitnessInPendingCase: 'Inte vittne i ett pågående mål',
  },
  criterionState: { met: 'Uppfyllt', notMet: 'Inte uppfyllt', unknown: 'Inte känt' },
  route: {
    adultExitProgramme: 'Avhopparverksamhet för vuxna',
    youthExitProgramme: 'Avhopparverksamhet för unga',
    sig: 'Sociala insatsgrupper (SIG)',
    ordinarySupport: 'Ordinarie stöd',
    requestPoliceAssessment: 'Be polisen om en bedömning',
  },
};
