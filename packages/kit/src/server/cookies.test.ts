import { describe, expect, it } from 'vitest';
import { isSecureOrigin, safeRedirectPath, sessionCookieName } from './cookies.ts';

describe('safeRedirectPath', () => {
  it.each([
    ['/hanvisningar/ny', '/hanvisningar/ny'],
    ['/?cursor=abc', '/?cursor=abc'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    [null, '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});

describe('session cookie', () => {
  it('takes the __Host- prefix over https only', () => {
    expect(isSecureOrigin('https://utvag.kommun.se')).toBe(true);
    expect(isSecureOrigin('http://localhost:3000')).toBe(false);
    expect(sessionCookieName(true)).toBe('__Host-utvag_session');
    expect(sessionCookieName(false)).toBe('utvag_session');
  });
});

describe('isCrossSite', () => {
  const origin = 'http://localhost:3000';
  const request = (headers: Record<string, string>) => new Request(`${origin}/api/trpc/inbox.list`, { headers });
  it('lets same-origin and direct requests through', async () => {
    const { isCrossSite } = await import('./cross-site.ts');
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-origin', origin }), origin)).toBe(false);
    expect(isCrossSite(request({}), origin)).toBe(false);
  });
  it('refuses cross-site and same-site-but-other-origin requests', async () => {
    const { isCrossSite } = await import('./cross-site.ts');
    expect(isCrossSite(request({ 'sec-fetch-site': 'cross-site' }), origin)).toBe(true);
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-site' }), origin)).toBe(true);
    expect(isCrossSite(request({ origin: 'https://evil.example' }), origin)).toBe(true);
  });
});
