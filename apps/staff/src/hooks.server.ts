import { createPortalErrorHandler, createPortalHandle } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const handle = createPortalHandle(getConfig);
export const handleError = createPortalErrorHandler(getConfig);
