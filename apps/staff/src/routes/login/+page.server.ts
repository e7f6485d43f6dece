import { loginAction, loginLoad } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const load = (event: Parameters<typeof loginLoad>[0]) => ({
  ...loginLoad(event),
  /** "Logga in med e-legitimation" only when OpenID Connect is configured. */
  oidc: Boolean(getConfig().oidc),
  oidcFailed: event.url.searchParams.get('failed') === 'oidc',
});
export const actions = { default: loginAction(getConfig) };
