import { languageHandler } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const POST = languageHandler(getConfig);
