// Whether a step-up (permissions.ts `stepUpActions`) must ask this user for a code: not while the session's
// step-up is fresh, nor for a demo account without a factor in demo mode. And which ways it offers: the code
// (TOTP or a recovery code) for whoever has a factor, a passkey for whoever has one, the identity provider (a fresh
// e-legitimation sign-in) for whoever signs in there with a sign-in strong enough to count as the factor.
import { canStepUpAtProvider, hasFreshStepUp, hasPasskey, hasSecondFactor } from '@utvag/api';
import type { Cookies } from '@sveltejs/kit';
import { stepUpFromForm } from '@utvag/portal-kit/server';
import { getConfig } from './portal';

export async function stepUpNeedsCode(locals: App.Locals) {
  const user = locals.user!;
  if (await hasFreshStepUp({ ...locals.ctx, user })) return false;
  return !(getConfig().demo && user.isDemo && !(await hasSecondFactor(getConfig().db, user.id)));
}

export interface StepUpWays {
  /** A step-up is due (none fresh). */
  needed: boolean;
  /** The code field is offered (a TOTP code, or a recovery code of a user with any factor). */
  code: boolean;
  /** "Använd nyckel (passkey)" is offered (the user has a passkey). */
  passkey: boolean;
  /** "Bekräfta med e-legitimation" is offered. */
  provider: boolean;
}

export async function stepUpWays(locals: App.Locals): Promise<StepUpWays> {
  const { db, oidc } = getConfig();
  const user = locals.user!;
  const needed = await stepUpNeedsCode(locals);
  if (!needed) return { needed, code: false, passkey: false, provider: false };
  const provider = await canStepUpAtProvider(db, oidc ?? null, user);
  // Without a provider the code field stays, as before (a user without a factor is told the code is wrong).
  const code = !provider || (await hasSecondFactor(db, user.id));
  return { needed, code, passkey: await hasPasskey(db, user.id), provider };
}

/**
 * Steps up unless the session's step-up is still fresh. A demo account without a factor (demo mode) steps up
 * without a code (`stepUp` allows it), so the session still gets its step-up time.
 */
export async function stepUpUnlessFresh(event: { cookies: Cookies; locals: App.Locals }, code: string, passkey?: unknown) {
  const { locals } = event;
  if (await hasFreshStepUp({ ...locals.ctx, user: locals.user! })) return locals.ctx;
  return stepUpFromForm(getConfig(), event, code, passkey);
}
