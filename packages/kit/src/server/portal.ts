// What an app tells the kit about itself once, at start-up.
import type { AnyRouter } from '@trpc/server';
import type { LoginLimits, Logger, Portal, SecretBox, SessionPolicy } from '@utvag/api';
import type { Database } from '@utvag/db';

export interface PortalConfig {
  portal: Portal;
  db: Database;
  ping(): Promise<boolean>;
  router: AnyRouter;
  policy: SessionPolicy;
  loginLimits: LoginLimits;
  /** Seals TOTP secrets at rest. */
  secretBox: SecretBox;
  /** True when the demo data is loaded: every page shows the demo banner. */
  demo: boolean;
  secure: boolean;
  log: Logger;
  /** Paths reachable without signing in. */
  publicPaths: readonly string[];
}
