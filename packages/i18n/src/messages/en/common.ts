import type { Catalog } from '../shape.ts';
import type { common as sv } from '../sv/common.ts';

export const common = {
  appName: 'Utväg',
  save: 'Save',
  cancel: 'Cancel',
  submit: 'Send',
  back: 'Back',
  yes: 'Yes',
  no: 'No',
  loading: 'Loading …',
  demoBanner: 'Demo mode: all data is made up',
  skipLink: 'Skip to main content',
  language: { sv: 'Svenska', en: 'English' },
  changeLanguage: 'Change language',
  logout: 'Log out',
  loggedInAs: 'Logged in as {{name}}',
  mainNav: 'Main menu',
  portal: { staff: 'Utväg – social services', partner: 'Utväg – partner portal' },
  errorSummaryTitle: 'There is a problem with the form',
  errorPrefix: 'Error:',
  accessibility: 'Accessibility',
  required: '(required)',
} satisfies Catalog<typeof sv>;
