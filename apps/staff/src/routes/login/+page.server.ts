import { loginAction, loginLoad } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const load = loginLoad;
export const actions = { default: loginAction(getConfig) };
