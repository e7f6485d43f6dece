// 1. CONTEXT — what every procedure gets: the database (passed in by the app or the test, never imported),
// the signed-in user, the request's id and logger, and the language for messages.
import type { Database, TenantContext } from '@utvag/db';
import type { OrganisationType, PartnerRole, StaffRole } from '@utvag/domain';
import type { Locale } from '@utvag/i18n';
import { createLogger, type Logger } from './logger.ts';

interface UserBase {
  id: string;
  name: string;
  email: string;
  municipalityId: string;
  locale: string;
  isDemo: boolean;
}
export interface StaffUser extends UserBase {
  kind: 'staff';
  role: StaffRole;
  unitId: string | null;
  organisationId: null;
  organisationType: null;
}
export interface PartnerUser extends UserBase {
  kind: 'partner';
  role: PartnerRole;
  unitId: null;
  organisationId: string;
  organisationType: OrganisationType;
}
export type SessionUser = StaffUser | PartnerUser;

export interface Context {
  db: Database;
  user: SessionUser | null;
  /**
   * Whom PostgreSQL's row-level security lets this request see: always the signed-in user, fixed here. Handlers
   * read `user`; the transactions of `audited()` set this tenant, so even a handler given a wrong user reads
   * nothing of another tenant (the RLS-only run of the authorization matrix proves it).
   */
  tenant: TenantContext | null;
  /** Embedded demo mode: its demo accounts may skip the second factor (and so the step-up code). */
  demo: boolean;
  /** TEST ONLY (see testOnlyApiChecksOff): the API's own checks switched off, with this user given to handlers. */
  apiChecksOff: SessionUser | null;
  sessionId: string | null;
  requestId: string;
  locale: Locale;
  log: Logger;
  /** The caller's network address where the app knows it (form actions set it for rate limits); never logged. */
  clientAddress: string | null;
}

export function createContext(opts: {
  db: Database;
  user?: SessionUser | null;
  sessionId?: string | null;
  requestId?: string;
  locale?: Locale;
  log?: Logger;
  clientAddress?: string | null;
  demo?: boolean;
  apiChecksOff?: SessionUser | null;
}): Context {
  if (opts.apiChecksOff && !testOnlySwitchAllowed()) throw new Error('the API checks cannot be switched off outside tests');
  const user = opts.user ?? null;
  const requestId = opts.requestId ?? crypto.randomUUID();
  return {
    db: opts.db,
    user,
    tenant: user
      ? { municipalityId: user.municipalityId, organisationId: user.organisationId, userId: user.id, role: user.role }
      : null,
    demo: opts.demo ?? false,
    apiChecksOff: opts.apiChecksOff ?? null,
    sessionId: opts.sessionId ?? null,
    requestId,
    locale: opts.locale ?? 'sv',
    log: (opts.log ?? createLogger()).child({ requestId }),
    clientAddress: opts.clientAddress ?? null,
  };
}

/**
 * The switch that turns the API's own checks off exists for one test (RLS alone leaks nothing). It works only
 * under vitest and never with NODE_ENV=production; a built portal never passes it, and the middleware asks again.
 */
export function testOnlySwitchAllowed(env: Record<string, string | undefined> = process.env) {
  return env.VITEST === 'true' && env.NODE_ENV !== 'production';
}
