// Reports of accessibility problems sent from `/tillganglighet` on either portal (issue 4 item 5). Anyone may
// send one, signed in or not, so a report belongs to the deployment, not to a municipality: administrators see
// all of them (docs/architecture.md, Decisions). The optional e-mail is personal data: reads are audited.
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { userKind } from './enums.ts';
import { appUser } from './user.ts';

export const accessibilityReport = pgTable(
  'accessibility_report',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Which portal the report was sent from. */
    portal: userKind().notNull(),
    /** Where the problem is, as the reporter wrote it. */
    page: text(),
    message: text().notNull(),
    /** Where to answer, if the reporter wants an answer. */
    contactEmail: text(),
    /** The signed-in reporter, if any. */
    userId: uuid().references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp({ withTimezone: true }),
    handledBy: uuid().references(() => appUser.id, { onDelete: 'set null' }),
  },
  // The administrators' list: open reports, oldest first.
  (t) => [index('accessibility_report_open_idx').on(t.createdAt).where(sql`${t.handledAt} is null`)],
);
