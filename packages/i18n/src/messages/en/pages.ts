// Texts of pages both portals share: the accessibility statement and the error page (English).
export const pages = {
  error: { lead: 'Error code {{status}}.', home: 'Go to the start page' },
  accessibility: {
    title: 'Accessibility statement',
    lead: 'How accessible {{portal}} is. The municipality is responsible for the service and wants everyone to be able to use it.',
    statusTitle: 'How accessible is the service?',
    status: 'The service is meant to meet WCAG 2.1 level AA. Every page is tested automatically with axe-core, in Swedish and English and at mobile and desktop widths, and the forms can be completed with the keyboard alone.',
    knownIssuesTitle: 'Known issues',
    knownIssues: 'We know of no issues right now. If you find one, please tell us.',
    reportTitle: 'Report a problem',
    report: 'If something does not work for you, tell us in the form below. You do not need to be logged in. If you want an answer, give your e-mail address and we will answer within five working days. You can also contact the municipality contact centre or your contact person at social services.',
    form: {
      message: 'What does not work?',
      messageHint: 'Describe the problem in your own words, for example what you tried to do and what happened.',
      page: 'On which page? (optional)',
      pageHint: 'The page name or address, if you know it.',
      contactEmail: 'Your e-mail address (optional)',
      contactEmailHint: 'Only if you want an answer. We do not use it for anything else.',
      submit: 'Send the report',
      received: 'Thank you! We have received your report and an administrator will look at it.',
    },
    supervisionTitle: 'Supervision',
    supervision: 'The Agency for Digital Government (Digg) supervises the act on accessibility to digital public services. If you are not satisfied with how we handle your feedback, you can report it to Digg.',
  },
};
