// Cookie names and options. Over https (production) the session cookie takes the `__Host-` prefix, which
// browsers accept only with Secure, Path=/ and no Domain: it cannot be planted by a sibling subdomain.
import type { Cookies } from '@sveltejs/kit';

export const isSecureOrigin = (origin: string | undefined) => Boolean(origin?.startsWith('https://'));

export function sessionCookieName(secure: boolean) {
  return secure ? '__Host-utvag_session' : 'utvag_session';
}

export const languageCookieName = 'utvag_lang';

export function setSessionCookie(cookies: Cookies, secure: boolean, token: string, expires: Date) {
  cookies.set(sessionCookieName(secure), token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
}

export function clearSessionCookie(cookies: Cookies, secure: boolean) {
  cookies.delete(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** Only same-site paths: a `redirectTo` of `//evil.example` or `https://…` falls back to the start page. */
export function safeRedirectPath(value: unknown, fallback = '/') {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : fallback;
}
