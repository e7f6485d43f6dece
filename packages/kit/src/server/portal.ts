// What an app tells the kit about itself once, at start-up.
import type { AnyRouter } from '@trpc/server';
import type { RequestEvent } from '@sveltejs/kit';
import type { LoginLimits, Logger, OidcProvider, Portal, SecretBox, SessionPolicy, SessionUser, WebauthnSettings } from '@utvag/api';
import type { Database, Readiness } from '@utvag/db';

export interface PortalConfig {
  portal: Portal;
  db: Database;
  ping(): Promise<boolean>;
  /** For /readyz: database reachable, migrations current. */
  readiness(): Promise<Readiness>;
  /** METRICS_TOKEN: when set, /metrics wants it as a bearer token; when not, /metrics answers loopback only. */
  metricsToken?: string;
  router: AnyRouter;
  policy: SessionPolicy;
  loginLimits: LoginLimits;
  /** Signing in with e-legitimation (OpenID Connect): the staff portal, when OIDC_* is configured. */
  oidc?: OidcProvider | null;
  /** Passkeys: the origin and RP ID every WebAuthn answer must name (from ORIGIN). */
  webauthn: WebauthnSettings;
  /** Seals TOTP secrets at rest. */
  secretBox: SecretBox;
  /** True when the demo data is loaded: every page shows the demo banner. */
  demo: boolean;
  secure: boolean;
  log: Logger;
  /**
   * Called for a form post that arrives after the session ended by time: may keep the post as a draft for the
   * session's user and return where to go after signing in again (or null to drop it).
   */
  rescuePost?: (event: RequestEvent, user: SessionUser) => Promise<string | null>;
  /** Paths reachable without signing in. */
  publicPaths: readonly string[];
}
