// Accounts of both portals, and their sessions. A staff account belongs to a unit, a partner account to an
// organisation; both belong to one municipality, which scopes everything they may read.
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { emailNotificationPreferences } from '@utvag/domain';
import { userKind, userRole } from './enums.ts';
import { municipality, organisation, unit } from './organisation.ts';

/** Whether notifications go out by e-mail as well (issue 5 item 7); the message never holds personal data. */
export const emailNotificationPreference = pgEnum('email_notification_preference', emailNotificationPreferences);

export const appUser = pgTable(
  'app_user',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-case; the login form lower-cases too. */
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    kind: userKind().notNull(),
    role: userRole().notNull(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    unitId: uuid().references(() => unit.id),
    organisationId: uuid().references(() => organisation.id),
    locale: text().notNull().default('sv'),
    /** Needed for preliminary assessments and investigations of children (DOMAIN.md §10). */
    qualifiedSocialWorker: boolean().notNull().default(false),
    /** A coordinator to whom the unit manager has delegated decision mandate (issue 6; unit managers always have it). */
    decisionMandate: boolean().notNull().default(false),
    /** Demo accounts exist only in the embedded demo mode. */
    isDemo: boolean().notNull().default(false),
    /** The account's identifier at the municipality's identity provider (OpenID Connect, the configured claim,
     * `sub` by default). Set by an administrator: a login through the provider never creates an account. */
    externalSubject: text().unique(),
    emailNotifications: emailNotificationPreference().notNull().default('urgentOnly'),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('partner_has_organisation', sql`${t.kind} <> 'partner' OR ${t.organisationId} IS NOT NULL`),
    check('staff_has_no_organisation', sql`${t.kind} <> 'staff' OR ${t.organisationId} IS NULL`),
  ],
);

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie token: a leaked table cannot be replayed as cookies. */
    id: text().primaryKey(),
    /** What the sessions page shows and ends a session by: the id itself is never sent to a browser. */
    handle: uuid().notNull().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Absolute lifetime; the idle timeout is checked against lastSeenAt. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** When the second factor was verified in this session; null while only the password is proven. */
    mfaVerifiedAt: timestamp({ withTimezone: true }),
    /** The last step-up (factor entered again), needed before revealing a protected identity or exporting. */
    stepUpAt: timestamp({ withTimezone: true }),
    /** Browser family and system (e.g. "Firefox, Linux") for the sessions page; never the address or full agent. */
    browser: text(),
    /** OpenID Connect login: the provider's id_token, sealed (AES-GCM, UTVAG_SECRET_KEY), for the logout hint at
     * the provider; deleted with the session. Null after any other login. */
    oidcIdToken: text(),
    /** A step-up at the identity provider under way: its state, nonce, PKCE verifier, action and start time,
     * sealed; taken (set null) on the return, so a replayed answer finds nothing. */
    oidcStepUp: text(),
  },
  (t) => [index().on(t.userId), uniqueIndex().on(t.handle)],
);
