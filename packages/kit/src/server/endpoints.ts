// Small endpoints both portals mount: logout, language switch, and the tRPC HTTP endpoint.
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { logOut } from '@utvag/api';
import { updateUserLocale } from '@utvag/db';
import { isLocale } from '@utvag/i18n';
import { clearSessionCookie, languageCookieName, safeRedirectPath, sessionCookieName } from './cookies.ts';
import type { PortalConfig } from './portal.ts';

export function logoutHandler(config: () => PortalConfig): RequestHandler {
  return async ({ cookies }) => {
    const { db, secure } = config();
    const token = cookies.get(sessionCookieName(secure));
    if (token) await logOut(db, token);
    clearSessionCookie(cookies, secure);
    redirect(303, '/login?loggedOut=1');
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

/**
 * A cross-site request never reaches the API: SvelteKit's CSRF check covers form posts only, and a tRPC query
 * is a GET that a top-level cross-site navigation would send with the session cookie.
 */
export function isCrossSite(request: Request, origin: string): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const from = request.headers.get('origin');
  return from !== null && from !== origin;
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
    });
}
