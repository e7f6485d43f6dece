import { createPortalHandle } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const handle = createPortalHandle(getConfig);
