// Step-up from a form (issue 3): the code or a passkey's answer is checked, the session gets a new id (cookie set here), and the
// request's API context follows the new id, so the call that needed the step-up can run in the same post.
import type { Cookies } from '@sveltejs/kit';
import { sessionIdOf, stepUp, type Context } from '@utvag/api';
import { sessionCookieName, setSessionCookie } from './cookies.ts';
import type { PortalConfig } from './portal.ts';


export async function stepUpFromForm(
  config: PortalConfig,
  event: { cookies: Cookies; locals: App.Locals },
  code: string,
  /** A passkey's answer (passkeys.ts `passkeyFromForm`) instead of the code. */
  passkey?: unknown,
): Promise<Context> {
  const { locals, cookies } = event;
  if (!locals.user) throw new Error('step-up needs a signed-in user');
  const token = cookies.get(sessionCookieName(config.secure)) ?? '';
  const next = await stepUp(config.db, config.secretBox, {
    token,
    user: locals.user,
    code,
    passkey,
    webauthn: config.webauthn,
    demo: config.demo,
    requestId: locals.requestId,
    limits: config.loginLimits,
  });
  renewSessionCookie(config, cookies, next);
  locals.ctx = { ...locals.ctx, sessionId: sessionIdOf(next) };
  return locals.ctx;
}

/** Sets the cookie of a session whose id just rotated (step-up, enrolling a factor while signed in). */
export function renewSessionCookie(config: PortalConfig, cookies: Cookies, token: string) {
  setSessionCookie(cookies, config.secure, token, new Date(Date.now() + config.policy.absoluteHours * 3_600_000));
}
