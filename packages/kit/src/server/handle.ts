// The portal's request pipeline: probes (/healthz, /readyz, /metrics), session, language, the tRPC caller on
// `locals`, the login wall, headers that keep personal data out of caches, and per-request telemetry.
import { isHttpError, isRedirect, redirect, type Handle, type HandleServerError, type RequestEvent } from '@sveltejs/kit';
import { createContext, expiredSessionUser, resolveSession } from '@utvag/api';
import { isDatabaseUnavailable } from '@utvag/db';
import { resolveLocale } from '@utvag/i18n';
import { languageCookieName, sessionCookieName } from './cookies.ts';
import './locals.ts';
import { probePaths, probeResponse, recordRequest, routeLabel } from './observability.ts';
import { unavailableResponse } from './unavailable.ts';
import type { PortalConfig } from './portal.ts';

/** Where a password-only session enters its second factor (or enrols one). */
export const secondFactorPath = '/login/kod';

/**
 * Where the browser fetches passkey options (a JSON POST): for the second factor of a password-only session too, so
 * it is outside the login wall; the handler itself wants a session.
 */
export const passkeyOptionsPath = '/login/nyckel';

const alwaysPublic = ['/login', passkeyOptionsPath, ...probePaths, '/language', '/tillganglighet', '/favicon.svg', '/_app/'];

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

/** A caller's request id when it looks like one (a proxy's), else a fresh one; never free text into the logs. */
function requestIdOf(request: Request) {
  const given = request.headers.get('x-request-id');
  return given && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : crypto.randomUUID();
}

export function createPortalHandle(getConfig: () => PortalConfig): Handle {
  return async ({ event, resolve }) => {
    const config = getConfig();
    const probe = await probeResponse(config, event);
    if (probe) return probe;
    const startedAt = performance.now();
    const requestId = requestIdOf(event.request);
    let status = 500;
    try {
      const response = await handleRequest(config, event, resolve, requestId);
      status = response.status;
      response.headers.set('x-request-id', requestId);
      return response;
    } catch (e) {
      if (isRedirect(e) || isHttpError(e)) {
        status = e.status;
        throw e;
      }
      // The database is away (restart, failover): 503 with a retry hint rather than an error page.
      if (isDatabaseUnavailable(e)) {
        status = 503;
        return unavailableResponse();
      }
      throw e;
    } finally {
      recordRequest(config, event, requestId, status, startedAt);
    }
  };
}

async function handleRequest(
  config: PortalConfig,
  event: RequestEvent,
  resolve: Parameters<Handle>[0]['resolve'],
  requestId: string,
): Promise<Response> {
  const path = event.url.pathname;
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
    demo: config.demo,
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
}

/**
 * Unexpected errors of page loads and actions: logged by name, SQLSTATE and route only. SvelteKit's default prints
 * the whole error, and a PostgreSQL error's `detail` can quote a row's values (e.g. `Key (identity_number)=(…)`).
 */
export function createPortalErrorHandler(getConfig: () => PortalConfig): HandleServerError {
  return ({ error, event, status }) => {
    const config = getConfig();
    const e = error as { name?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
    const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
    config.log.error('request.failed', {
      requestId: event.locals.requestId,
      route: routeLabel(event, config.router),
      status,
      error: typeof e?.name === 'string' ? e.name : 'unknown',
      code,
      databaseUnavailable: isDatabaseUnavailable(error) || undefined,
    });
  };
}
