// One-time messages after a form action ("flash"): the action sets a short-lived cookie before it redirects, the
// next page's layout load reads and deletes it. Unlike `?saved=1` the message is shown once: a reload or a
// bookmark does not repeat it. The cookie holds i18n keys and small parameters (a reference number), never
// personal data; it is httpOnly and lives one minute.
import type { Cookies } from '@sveltejs/kit';

export const flashCookieName = 'utvag_flash';

export interface FlashData {
  tone: 'success' | 'info';
  /** i18n keys; the layout translates them in the reader's language. */
  textKey: string;
  titleKey?: string;
  params?: Record<string, string>;
}

const keyPattern = /^[a-zA-Z][\w.]{0,99}$/;

function isFlash(value: unknown): value is FlashData {
  if (!value || typeof value !== 'object') return false;
  const f = value as Record<string, unknown>;
  const params = f.params ?? {};
  return (
    (f.tone === 'success' || f.tone === 'info') &&
    typeof f.textKey === 'string' && keyPattern.test(f.textKey) &&
    (f.titleKey === undefined || (typeof f.titleKey === 'string' && keyPattern.test(f.titleKey))) &&
    typeof params === 'object' && params !== null &&
    Object.values(params).every((v) => typeof v === 'string' && v.length <= 100)
  );
}

/** Call in a form action right before `redirect(303, …)`. */
export function setFlash(cookies: Cookies, flash: FlashData) {
  const value = Buffer.from(JSON.stringify(flash)).toString('base64url');
  cookies.set(flashCookieName, value, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

/** Reads and deletes the message; a malformed cookie is dropped silently. */
export function takeFlash(cookies: Cookies): FlashData | null {
  const raw = cookies.get(flashCookieName);
  if (raw === undefined) return null;
  cookies.delete(flashCookieName, { path: '/', httpOnly: true, sameSite: 'lax' });
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return isFlash(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
