// Second factors (issue 3): a TOTP secret per user, kept encrypted (AES-256-GCM, key outside the database),
// and single-use recovery codes, kept only as hashes.
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './user.ts';

export const mfaFactor = pgTable(
  'mfa_factor',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    kind: text().notNull().default('totp'),
    secretCiphertext: text().notNull(),
    /** Null until the user has proved the authenticator app works by entering a first code. */
    confirmedAt: timestamp({ withTimezone: true }),
    /** The newest 30-second step accepted: a code of this step or older is a replay and is refused. */
    lastUsedStep: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.userId, t.kind)],
);

export const recoveryCode = pgTable(
  'recovery_code',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);
