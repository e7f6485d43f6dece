// The signed-in user's passkeys (issue 3): list, add with a name, remove; a step-up first when the account has a factor.
import { passkeysActions, passkeysLoad } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const load = (event) => passkeysLoad(getConfig, event);
export const actions = passkeysActions(getConfig);
