import type { Catalog } from '../shape.ts';
import type { auth as sv } from '../sv/auth.ts';

export const auth = {
  title: 'Log in',
  intro: 'Log in with your email address and password.',
  email: 'Email address',
  password: 'Password',
  submit: 'Log in',
  failed: 'Wrong email address or password.',
  loggedOut: 'You are now logged out.',
  wrongPortalHint:
    'Social services and partners (police, probation service and schools) log in separately. Check that you are on the right web address.',
} satisfies Catalog<typeof sv>;
