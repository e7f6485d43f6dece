// Passkeys (WebAuthn, issue 3): a user's registered credentials, and the challenges handed out and not yet
// answered. A challenge is bound to one session and one purpose, used once and short-lived; it lives here, not in
// the portal's memory, so any portal process can check the answer.
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser, session } from './user.ts';

export const webauthnCredential = pgTable(
  'webauthn_credential',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    /** The authenticator's credential id, base64url: what the browser names when it signs. */
    credentialId: text().notNull(),
    /** The COSE public key, base64url. A public key: a copy of it signs nothing. */
    publicKey: text().notNull(),
    /** The authenticator's signature counter; a use whose counter does not grow (when it counts) is refused. */
    signCount: bigint({ mode: 'number' }).notNull().default(0),
    /** Transports the browser reported (usb, internal, hybrid …), a hint for the next sign-in. */
    transports: text().array().notNull().default([]),
    /** The user's own name for it ("Jobbdatorn"), shown on the account page. */
    label: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.credentialId), index().on(t.userId)],
);

export const webauthnChallenge = pgTable(
  'webauthn_challenge',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The session it was handed to; follows the session's id when it rotates and goes with it. */
    sessionId: text()
      .notNull()
      .references(() => session.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    /** register, login or stepUp: a challenge for one cannot be answered for another. */
    purpose: text().notNull(),
    /** base64url, as in the options and in the browser's clientDataJSON. */
    challenge: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.sessionId)],
);
