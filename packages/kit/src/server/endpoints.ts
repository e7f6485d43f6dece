// Small endpoints both portals mount: logout, language switch, and the tRPC HTTP endpoint.
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { logOut } from '@utvag/api';
import { isDatabaseUnavailable, updateUserLocale } from '@utvag/db';
import { isLocale } from '@utvag/i18n';
import { clearSessionCookie, languageCookieName, safeRedirectPath, sessionCookieName } from './cookies.ts';
import { isCrossSite } from './cross-site.ts';
import { retryAfterSeconds } from './unavailable.ts';
import { setFlash } from './flash.ts';
import type { PortalConfig } from './portal.ts';

export { isCrossSite };

export function logoutHandler(config: () => PortalConfig): RequestHandler {
  return async ({ cookies }) => {
    const { db, secure, oidc, secretBox, log } = config();
    const token = cookies.get(sessionCookieName(secure));
    // The session ends here first; a session begun at the identity provider is then ended there too.
    const atProvider = token ? await logOut(db, token, { oidc: oidc ?? null, box: secretBox, log }) : null;
    clearSessionCookie(cookies, secure);
    // A one-time message (issue 4): a reload or a bookmark of /login does not say "logged out" again.
    setFlash(cookies, { tone: 'success', textKey: 'auth.loggedOut' });
    redirect(303, atProvider?.href ?? '/login');
  };
}

/** Remembers the language in a cookie and, when signed in, on the user (so it follows them to any device). */
export function languageHandler(config: () => PortalConfig): RequestHandler {
  return async ({ request, cookies, locals }) => {
    const form = await request.formData();
    const locale = form.get('locale');
    if (typeof locale === 'string' && isLocale(locale)) {
      cookies.set(languageCookieName, locale, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config().secure,
        maxAge: 60 * 60 * 24 * 365,
      });
      if (locals.user) await updateUserLocale(config().db, locals.user.id, locale);
    }
    redirect(303, safeRedirectPath(form.get('redirectTo')));
  };
}

export function trpcHandler(config: () => PortalConfig): RequestHandler {
  return (event) =>
    isCrossSite(event.request, event.url.origin)
      ? new Response(JSON.stringify({ error: 'cross-site request refused' }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        })
      : fetchRequestHandler({
      endpoint: '/api/trpc',
      req: event.request,
      router: config().router,
      createContext: () => event.locals.ctx,
      // A procedure that failed because the database is away answers 503 with a retry hint, not 500: the call
      // can be repeated (submissions carry an idempotency key).
      responseMeta: ({ errors }) =>
        errors.some((e) => isDatabaseUnavailable(e.cause ?? e))
          ? { status: 503, headers: new Headers({ 'retry-after': String(retryAfterSeconds) }) }
          : {},
    });
}
