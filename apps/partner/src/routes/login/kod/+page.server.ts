import { secondFactorActions, secondFactorLoad } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const load = (event) => secondFactorLoad(getConfig, event);
export const actions = secondFactorActions(getConfig);
