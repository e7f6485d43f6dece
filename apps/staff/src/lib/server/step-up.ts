// Whether a step-up (permissions.ts `stepUpActions`) must ask this user for a code: not while the session's
// step-up is fresh, nor for a demo account without a factor in demo mode.
import { hasFreshStepUp, hasPasskey, hasSecondFactor } from '@utvag/api';
import type { Cookies } from '@sveltejs/kit';
import { stepUpFromForm } from '@utvag/portal-kit/server';
import { getConfig } from './portal';

export async function stepUpNeedsCode(locals: App.Locals) {
  const user = locals.user!;
  if (await hasFreshStepUp({ ...locals.ctx, user })) return false;
  return !(getConfig().demo && user.isDemo && !(await hasSecondFactor(getConfig().db, user.id)));
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

/** Whether the step-up form offers "Använd nyckel (passkey)": the user has one. */
export const stepUpOffersPasskey = (locals: App.Locals) => hasPasskey(getConfig().db, locals.user!.id);
