// The identity provider's answer (OIDC_REDIRECT_URI points here): checked, then a session or one refusal message.
import { oidcReturnHandler } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const GET = oidcReturnHandler(getConfig);
