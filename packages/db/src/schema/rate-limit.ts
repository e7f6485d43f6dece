// Counters of rate-limiter-flexible's Drizzle store: login attempts per account and per address, kept in
// PostgreSQL so every portal process shares them. Keys are hashes, never an e-mail or an IP address.
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const rateLimit = pgTable('rate_limit', {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true }),
});
