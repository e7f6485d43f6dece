import { logoutHandler } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const POST = logoutHandler(getConfig);
