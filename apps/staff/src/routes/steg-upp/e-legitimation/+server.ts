// "Bekräfta med e-legitimation" on a step-up page: a fresh sign-in at the identity provider instead of the code
// (404 when OIDC is not configured). The provider answers at /login/e-legitimation/retur.
import { oidcStepUpHandler } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const POST = oidcStepUpHandler(getConfig);
