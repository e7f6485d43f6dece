import { trpcHandler } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const GET = trpcHandler(getConfig);
export const POST = GET;
