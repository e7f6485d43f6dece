// Builds a portal's configuration from the environment once, failing fast with a clear message.
import { createLoginLimits, createLogger, oidcProvider, oidcSettingsFromEnv, secretBoxFromEnv, sessionPolicyFromEnv, webauthnSettingsFromEnv, type Portal } from '@utvag/api';
import { checkReadiness, createDatabase, pingDatabase } from '@utvag/db';
import type { AnyRouter } from '@trpc/server';
import { isSecureOrigin } from './cookies.ts';
import { oidcReturnPath, oidcStartPath } from './oidc.ts';
import type { PortalConfig } from './portal.ts';

export function portalConfigFromEnv(
  portal: Portal,
  router: AnyRouter,
  env: Record<string, string | undefined>,
): PortalConfig & { close(): Promise<void> } {
  const url = env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: `npm start` sets it, or name your PostgreSQL server (see .env.example)');
  const handle = createDatabase(url, { max: Number(env.DATABASE_POOL_SIZE ?? 10) });
  const log = createLogger({ portal }, env.LOG_LEVEL);
  // Staff only: municipalities sign their own staff in; partners keep e-mail, password and their factor.
  const oidcSettings = portal === 'staff' ? oidcSettingsFromEnv(env) : null;
  return {
    portal,
    db: handle.db,
    ping: () => pingDatabase(handle.sql),
    readiness: () => checkReadiness(handle.sql),
    metricsToken: env.METRICS_TOKEN || undefined,
    router,
    policy: sessionPolicyFromEnv(env),
    loginLimits: createLoginLimits(handle.db),
    secretBox: secretBoxFromEnv(env),
    webauthn: webauthnSettingsFromEnv(env),
    demo: env.UTVAG_DEMO === '1',
    secure: isSecureOrigin(env.ORIGIN),
    log,
    oidc: oidcSettings ? oidcProvider(handle.db, oidcSettings, log) : null,
    publicPaths: oidcSettings ? [oidcStartPath, oidcReturnPath] : [],
    close: handle.close,
  };
}
