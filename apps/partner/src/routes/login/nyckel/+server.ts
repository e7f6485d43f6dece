// Passkey options for the browser (second factor, step-up, registration): see the portal kit's passkeys.ts.
import { passkeyOptionsHandler } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const POST = passkeyOptionsHandler(getConfig);
