// The portal's request pipeline: health check, session, language, the tRPC caller on `locals`, the login
// wall, and headers that keep personal data out of caches.
import { redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { createContext, expiredSessionUser, resolveSession } from '@utvag/api';
import { resolveLocale } from '@utvag/i18n';
import { languageCookieName, sessionCookieName } from './cookies.ts';
import './locals.ts';
import type { PortalConfig } from './portal.ts';

/** Where a password-only session enters its second factor (or enrols one). */
export const secondFactorPath = '/login/kod';

const alwaysPublic = ['/login', '/healthz', '/language', '/tillganglighet', '/favicon.svg', '/_app/'];

export function isPublicPath(path: string, extra: readonly string[]) {
  return [...alwaysPublic, ...extra].some((p) => path === p || (p.endsWith('/') && path.startsWith(p)));
}

/** A form posted after the session ended by time is kept (as a draft) when the portal knows how. */
async function rescueExpiredPost(config: PortalConfig, event: RequestEvent, token: string | undefined) {
  if (!config.rescuePost) return null;
  const user = await expiredSessionUser(config.db, token, config.policy);
  if (!user || user.kind !== config.portal) return null;
  return config.rescuePost(event, user);
}

export function createPortalHandle(getConfig: () => PortalConfig): Handle {
  return async ({ event, resolve }) => {
    const config = getConfig();
    const path = event.url.pathname;
    if (path === '/healthz') {
      const ok = await config.ping();
      return new Response(JSON.stringify({ status: ok ? 'ok' : 'degraded', database: ok ? 'ok' : 'down' }), {
        status: ok ? 200 : 503,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    }
    const requestId = crypto.randomUUID();
    const token = event.cookies.get(sessionCookieName(config.secure));
    const session = await resolveSession(config.db, token, config.policy);
    // A session of the other portal's kind is no session here; a password-only one reaches the code page only.
    const own = session && session.user.kind === config.portal ? session : null;
    const user = own && !own.mfaPending ? own.user : null;
    const pendingUser = own?.mfaPending ? own.user : null;
    const locale = resolveLocale({ userPreference: user?.locale, cookie: event.cookies.get(languageCookieName) });
    const ctx = createContext({
      db: config.db,
      user,
      sessionId: user ? session!.sessionId : null,
      requestId,
      locale,
      log: config.log,
    });
    event.locals.user = user;
    event.locals.pendingUser = pendingUser;
    event.locals.locale = locale;
    event.locals.demo = config.demo;
    event.locals.requestId = requestId;
    event.locals.ctx = ctx;
    if (pendingUser && !isPublicPath(path, config.publicPaths) && path !== secondFactorPath && path !== '/logout') {
      redirect(303, secondFactorPath);
    }
    if (!user && !pendingUser && !isPublicPath(path, config.publicPaths)) {
      const rescued = event.request.method === 'POST' ? await rescueExpiredPost(config, event, token) : null;
      const target = rescued ?? path + event.url.search;
      redirect(303, `/login?redirectTo=${encodeURIComponent(target)}${rescued ? '&sessionExpired=1' : ''}`);
    }
    const response = await resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%utvag.lang%', locale),
    });
    if (user || pendingUser || path.startsWith('/login')) response.headers.set('cache-control', 'no-store');
    response.headers.set('x-content-type-options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts and SvelteKit's
    // CSRF check refuses them.
    response.headers.set('referrer-policy', 'same-origin');
    response.headers.set('x-frame-options', 'DENY');
    if (config.secure) response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
    return response;
  };
}
