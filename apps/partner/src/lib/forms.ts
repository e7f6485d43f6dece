// Each partner role's own intake form (issue 5: one form per source). A URL is one form; another role's form
// answers 403, so a school cannot reach the police referral.
export const formPathByRole: Record<string, string> = {
  police: '/hanvisningar/ny',
  probationOfficer: '/frivard/ny',
  schoolStaff: '/orosanmalan/ny',
};

/** The same, by the draft's source (an organisation type). */
export const formPathBySource: Record<string, string> = {
  police: '/hanvisningar/ny',
  probationService: '/frivard/ny',
  school: '/orosanmalan/ny',
};
