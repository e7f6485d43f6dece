// Whether a step-up (permissions.ts `stepUpActions`) must ask this user for a code: not while the session's
// step-up is fresh, nor for a demo account without a factor in demo mode.
import { hasConfirmedTotp, hasFreshStepUp } from '@utvag/api';
import { getConfig } from './portal';

export async function stepUpNeedsCode(locals: App.Locals) {
  const user = locals.user!;
  if (await hasFreshStepUp({ ...locals.ctx, user })) return false;
  return !(getConfig().demo && user.isDemo && !(await hasConfirmedTotp(getConfig().db, user.id)));
}
