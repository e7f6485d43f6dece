// The cross-site check of the tRPC endpoint, in its own module without dependencies (its test loads nothing else).
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
