// Signing in with the municipality's e-legitimation (OpenID Connect, issue 3), for the staff portal when
// OIDC_* is configured. GET /login/e-legitimation sends the browser to the identity provider with a fresh state,
// nonce and PKCE verifier, kept sealed (AES-GCM, UTVAG_SECRET_KEY) in a ten-minute httpOnly cookie; the provider
// sends it back to /login/e-legitimation/retur, where the answer is checked against that cookie (used once).
// Every refusal — unknown or disabled account, wrong state or nonce, an error from the provider — ends on the
// login page with one and the same message.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { startSession, type OidcTransaction } from '@utvag/api';
import { safeRedirectPath, setSessionCookie } from './cookies.ts';
import { secondFactorPath } from './handle.ts';
import type { PortalConfig } from './portal.ts';

export const oidcStartPath = '/login/e-legitimation';
export const oidcReturnPath = '/login/e-legitimation/retur';
const failedPath = '/login?failed=oidc';

const cookieName = (secure: boolean) => (secure ? '__Host-utvag_oidc' : 'utvag_oidc');
const cookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure });

interface Kept extends OidcTransaction {
  redirectTo: string;
  at: number;
}

export function oidcStartHandler(config: () => PortalConfig) {
  return async (event: RequestEvent) => {
    const { oidc, secretBox, secure, log } = config();
    if (!oidc) error(404, 'Not found');
    let begun;
    try {
      begun = await oidc.begin();
    } catch (e) {
      log.warn('login.oidc.unavailable', { error: (e as Error)?.name });
      redirect(303, failedPath);
    }
    const kept: Kept = { ...begun.transaction, redirectTo: safeRedirectPath(event.url.searchParams.get('redirectTo')), at: Date.now() };
    event.cookies.set(cookieName(secure), secretBox.seal(JSON.stringify(kept)), { ...cookieOptions(secure), maxAge: 600 });
    redirect(303, begun.url.href);
  };
}

function readKept(config: PortalConfig, event: RequestEvent): Kept | null {
  const sealed = event.cookies.get(cookieName(config.secure));
  event.cookies.delete(cookieName(config.secure), cookieOptions(config.secure));
  if (!sealed) return null;
  try {
    const kept = JSON.parse(config.secretBox.open(sealed)) as Kept;
    return Date.now() - kept.at < 600_000 ? kept : null;
  } catch {
    return null;
  }
}

export function oidcReturnHandler(config: () => PortalConfig) {
  return async (event: RequestEvent) => {
    const c = config();
    if (!c.oidc) error(404, 'Not found');
    const kept = readKept(c, event);
    const account = kept ? await c.oidc.complete(event.url, kept, event.locals.requestId) : null;
    if (!account) redirect(303, failedPath);
    const result = await startSession(c.db, account, {
      portal: c.portal,
      provider: c.oidc.id,
      requestId: event.locals.requestId,
      policy: c.policy,
      demo: c.demo,
      userAgent: event.request.headers.get('user-agent'),
    });
    setSessionCookie(event.cookies, c.secure, result.token, result.expiresAt);
    const next = safeRedirectPath(kept!.redirectTo);
    redirect(303, result.mfaRequired ? `${secondFactorPath}?redirectTo=${encodeURIComponent(next)}` : next);
  };
}
