// Login providers (issue 3), English. Keys must match sv/auth-providers.ts.
import type { Catalog } from '../shape.ts';
import type { authProviders as sv } from '../sv/auth-providers.ts';

export const authProviders = {
  stepUp: {
    codeHint: 'Six digits from the authenticator app, or one of your recovery codes (each works once). The code holds for {{minutes}} minutes.',
    oidcButton: 'Confirm with e-legitimation',
    oidcLead: 'You are sent to e-legitimation to sign in again and then come back here. The confirmation holds for {{minutes}} minutes.',
    oidcOr: 'Or confirm with e-legitimation instead of the code:',
    oidcFailed: 'The confirmation with e-legitimation could not be completed. Try again.',
    oidcDone: 'You have confirmed with e-legitimation. The confirmation holds for {{minutes}} minutes.',
  },
  export: {
    title: 'Download the cost statement',
    lead: 'The file concerns one case and leaves the system. Enter your one-time code again before downloading. The download is logged.',
    stepUpFirst: 'Enter your one-time code to download the file.',
  },
  oidc: {
    button: 'Sign in with e-legitimation',
    or: 'or',
    failed: 'Signing in with e-legitimation could not be completed. Try again or sign in with e-mail and password.',
  },
} satisfies Catalog<typeof sv>;
