// Signing in with e-legitimation (OpenID Connect): off to the municipality's identity provider (404 when not configured).
import { oidcStartHandler } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const GET = oidcStartHandler(getConfig);
