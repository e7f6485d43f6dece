// 1. CONTEXT — what every procedure gets: the database (passed in by the app or the test, never imported),
// the signed-in user, the request's id and logger, and the language for messages.
import type { Database } from '@utvag/db';
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
}): Context {
  const requestId = opts.requestId ?? crypto.randomUUID();
  return {
    db: opts.db,
    user: opts.user ?? null,
    sessionId: opts.sessionId ?? null,
    requestId,
    locale: opts.locale ?? 'sv',
    log: (opts.log ?? createLogger()).child({ requestId }),
    clientAddress: opts.clientAddress ?? null,
  };
}
