// Signing in with the municipality's e-legitimation (OpenID Connect, issue 3), for the staff portal when
// OIDC_* is configured. GET /login/e-legitimation sends the browser to the identity provider with a fresh state,
// nonce and PKCE verifier, kept sealed (AES-GCM, UTVAG_SECRET_KEY) in a ten-minute httpOnly cookie; the provider
// sends it back to /login/e-legitimation/retur, where the answer is checked against that cookie (used once).
// Every refusal — unknown or disabled account, wrong state or nonce, an error from the provider — ends on the
// login page with one and the same message.
// A signed-in user coming back to the same address is finishing a step-up there (oidc-step-up.ts in the API):
// the provider has one registered redirect URI for us, and a signed-in session never logs in again.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { AppError, beginOidcStepUp, completeOidcStepUp, OidcStepUpRefused, startSession, type OidcTransaction } from '@utvag/api';
import { stepUpValidMinutes } from '@utvag/domain';
import { safeRedirectPath, sessionCookieName, setSessionCookie } from './cookies.ts';
import { setFlash } from './flash.ts';
import { secondFactorPath } from './handle.ts';
import type { PortalConfig } from './portal.ts';
import { renewSessionCookie } from './step-up.ts';

export const oidcStartPath = '/login/e-legitimation';
export const oidcReturnPath = '/login/e-legitimation/retur';
/** Where a step-up page's "Bekräfta med e-legitimation" form posts. */
export const oidcStepUpPath = '/steg-upp/e-legitimation';
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
    if (event.locals.user) return finishStepUp(c, event);
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
      box: c.secretBox,
    });
    setSessionCookie(event.cookies, c.secure, result.token, result.expiresAt);
    const next = safeRedirectPath(kept!.redirectTo);
    redirect(303, result.mfaRequired ? `${secondFactorPath}?redirectTo=${encodeURIComponent(next)}` : next);
  };
}

/** POST from a step-up page (a plain form): off to the provider for a fresh sign-in bound to this session. */
export function oidcStepUpHandler(config: () => PortalConfig) {
  return async (event: RequestEvent) => {
    const c = config();
    if (!c.oidc || !event.locals.user) error(404, 'Not found');
    const form = await event.request.formData();
    let url: URL;
    try {
      url = await beginOidcStepUp(c.db, c.secretBox, c.oidc, {
        token: event.cookies.get(sessionCookieName(c.secure)) ?? '',
        user: event.locals.user,
        action: String(form.get('action') ?? ''),
        returnTo: safeRedirectPath(form.get('returnTo')),
      });
    } catch (e) {
      if (e instanceof AppError) error(e.code === 'FORBIDDEN' ? 403 : e.code === 'UNAUTHORIZED' ? 401 : 400, e.messageKey);
      // The provider cannot be reached: back to the page, with the one message.
      c.log.warn('session.stepUp.oidc.unavailable', { error: (e as Error)?.name });
      setFlash(event.cookies, { tone: 'info', textKey: 'authProviders.stepUp.oidcFailed' });
      redirect(303, safeRedirectPath(form.get('returnTo')));
    }
    redirect(303, url.href);
  };
}

async function finishStepUp(c: PortalConfig, event: RequestEvent): Promise<never> {
  let done: Awaited<ReturnType<typeof completeOidcStepUp>>;
  try {
    done = await completeOidcStepUp(c.db, c.secretBox, c.oidc!, {
      token: event.cookies.get(sessionCookieName(c.secure)) ?? '',
      user: event.locals.user!,
      callbackUrl: event.url,
      requestId: event.locals.requestId,
      log: c.log,
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // Refused (on record): the session stays as it was; back to the page the step-up was for, which asks again.
    setFlash(event.cookies, { tone: 'info', textKey: 'authProviders.stepUp.oidcFailed' });
    redirect(303, safeRedirectPath(e instanceof OidcStepUpRefused ? e.returnTo : undefined));
  }
  renewSessionCookie(c, event.cookies, done.token);
  setFlash(event.cookies, { tone: 'success', textKey: 'authProviders.stepUp.oidcDone', params: { minutes: String(stepUpValidMinutes) } });
  redirect(303, safeRedirectPath(done.returnTo));
}
