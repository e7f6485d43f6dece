// The login form's default action, shared by both portals: a plain HTML form posting `email` and
// `password` to /login. Success answers with a redirect, failure with status 400 and one message that
// does not say whether the account exists.
import { fail, redirect, type Action, type RequestEvent } from '@sveltejs/kit';
import { AppError, logIn } from '@utvag/api';
import { getTranslator } from '@utvag/i18n';
import { safeRedirectPath, setSessionCookie } from './cookies.ts';
import { secondFactorPath } from './handle.ts';
import type { PortalConfig } from './portal.ts';

export function loginAction(config: () => PortalConfig): Action {
  return async (event: RequestEvent) => {
    const { portal, db, policy, secure, loginLimits } = config();
    const form = await event.request.formData();
    const email = form.get('email');
    const t = getTranslator(event.locals.locale);
    const failure = () => fail(400, { email: typeof email === 'string' ? email : '', message: t('auth.failed') });
    let result;
    try {
      result = await logIn(db, {
        email,
        password: form.get('password'),
        portal,
        requestId: event.locals.requestId,
        policy,
        limits: loginLimits,
        address: event.getClientAddress(),
        demo: config().demo,
        userAgent: event.request.headers.get('user-agent'),
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'TOO_MANY_REQUESTS') {
        return fail(429, { email: typeof email === 'string' ? email : '', message: t('error.rateLimited') });
      }
      if (error instanceof AppError) return failure();
      throw error;
    }
    if (!result) return failure();
    setSessionCookie(event.cookies, secure, result.token, result.expiresAt);
    const next = safeRedirectPath(form.get('redirectTo') ?? event.url.searchParams.get('redirectTo'));
    redirect(303, result.mfaRequired ? `${secondFactorPath}?redirectTo=${encodeURIComponent(next)}` : next);
  };
}

/** The login page's load: a signed-in user goes straight on; otherwise the form gets where to return to. */
export function loginLoad({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>) {
  const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
  if (locals.user) redirect(303, redirectTo);
  return { redirectTo, sessionExpired: url.searchParams.has('sessionExpired') };
}
