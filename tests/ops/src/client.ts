// What a person's browser or a partner's system does over HTTP: log in with the login form, call the API.
import { randomUUID } from 'node:crypto';
import { fictionalIdentityNumber } from '@utvag/domain';

export const demoPassword = 'Utvag-demo-2026';
export const police = 'polis@demo.utvag.se';
export const intake = 'mottagning@demo.utvag.se';

/** Posts the login form; returns the session cookie (`name=value`) or null with the response status. */
export async function logIn(url: string, email: string, password = demoPassword) {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ email, password }),
  });
  const body = await response.text();
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('utvag_session='))
    ?.split(';')[0];
  return { status: response.status, cookie: cookie ?? null, body };
}

export async function sessionCookie(url: string, email: string) {
  const { cookie, status } = await logIn(url, email);
  if (!cookie) throw new Error(`logging in as ${email} failed (status ${status})`);
  return cookie;
}

/** A police referral about a fictional new person; every personal field is unique, so a test can look for it. */
export function policeReferral(n: number, idempotencyKey = randomUUID()) {
  const tag = randomUUID().slice(0, 8);
  const birth = new Date(Date.UTC(2012, 0, 1) + (n % 3000) * 86_400_000).toISOString().slice(0, 10);
  return {
    idempotencyKey,
    person: { firstName: `Förnamn${tag}`, lastName: `Efternamn${tag}`, identityNumber: fictionalIdentityNumber(birth, n % 20) },
    reason: `Hen vill lämna gruppen, säger ${tag} till polisen.`,
    threatOrProtectionNeed: false,
    personWantsOut: true,
    consentToContact: true,
    urgency: 'normal',
    contact: { name: `Kontakt ${tag}`, phone: '010-000 00 00', email: `kontakt-${tag}@polisen.utvag.invalid` },
  };
}

export async function submit(url: string, cookie: string, body: unknown, signal?: AbortSignal) {
  const response = await fetch(`${url}/api/trpc/referral.submit`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  return { status: response.status, text, retryAfter: response.headers.get('retry-after') };
}
