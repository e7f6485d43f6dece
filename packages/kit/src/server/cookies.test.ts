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
