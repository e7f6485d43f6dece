import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { flashCookieName, setFlash, takeFlash } from './flash.ts';

/** Just enough of SvelteKit's cookie jar: values and the options each was set with. */
function jar(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const options = new Map<string, unknown>();
  const cookies = {
    get: (name: string) => values.get(name),
    set: (name: string, value: string, opts: unknown) => (values.set(name, value), options.set(name, opts)),
    delete: (name: string) => values.delete(name),
  } as unknown as Cookies;
  return { cookies, values, options };
}

describe('flash messages', () => {
  it('survive one redirect and are gone after they are read', () => {
    const { cookies, options } = jar();
    setFlash(cookies, { tone: 'success', textKey: 'partner.receipt.thanks', titleKey: 'partner.receipt.thanksTitle', params: { reference: 'UTV-2026-000001' } });
    expect(options.get(flashCookieName)).toMatchObject({ httpOnly: true, path: '/', maxAge: 60, sameSite: 'lax' });
    expect(takeFlash(cookies)).toEqual({ tone: 'success', textKey: 'partner.receipt.thanks', titleKey: 'partner.receipt.thanksTitle', params: { reference: 'UTV-2026-000001' } });
    expect(takeFlash(cookies)).toBeNull();
  });

  it.each([
    ['not base64 json', '%%%'],
    ['an unknown tone', Buffer.from(JSON.stringify({ tone: 'error', textKey: 'a.b' })).toString('base64url')],
    ['a key that is not a key', Buffer.from(JSON.stringify({ tone: 'info', textKey: '<script>' })).toString('base64url')],
    ['a long parameter', Buffer.from(JSON.stringify({ tone: 'info', textKey: 'a.b', params: { x: 'y'.repeat(101) } })).toString('base64url')],
  ])('drops %s and deletes the cookie', (_, value) => {
    const { cookies, values } = jar({ [flashCookieName]: value });
    expect(takeFlash(cookies)).toBeNull();
    expect(values.has(flashCookieName)).toBe(false);
  });
});
