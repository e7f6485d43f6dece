// Follow-up (issue 8): the intake clocks' due times as a calendar the report joins to, and the regions that
// municipalities share their follow-up figures with. None of these tables holds person data.
import { sql } from 'drizzle-orm';
import { check, date, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipality } from './organisation.ts';
import { appUser } from './user.ts';

/**
 * The due times of the intake clocks (packages/domain clocks.ts) for an item received in a given hour. They
 * depend only on the Swedish day and hour of receipt, so the report joins referrals to this table by
 * `date_trunc('hour', received_at)` and counts clocks met and missed in SQL, while the rule (working days,
 * holidays, the late-arrival hour) stays in the domain that fills the table (`ensureClockDues`).
 */
export const clockDue = pgTable('clock_due', {
  receivedHour: timestamp({ withTimezone: true }).primaryKey(),
  firstContactDueAt: timestamp({ withTimezone: true }).notNull(),
  safetyAssessmentDueAt: timestamp({ withTimezone: true }).notNull(),
  preliminaryAssessmentDueAt: timestamp({ withTimezone: true }).notNull(),
});

/** A region (e.g. a county's regional exit coordination) that municipalities may share follow-up figures with. */
export const region = pgTable('region', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  /** The region's own threshold; the strictest of it and its municipalities' applies to the regional view. */
  suppressionThreshold: smallint().notNull().default(5),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A municipality shares its follow-up figures (sums only) with a region from a date; removing the row stops it. */
export const regionDataSharing = pgTable(
  'region_data_sharing',
  {
    regionId: uuid()
      .notNull()
      .references(() => region.id),
    municipalityId: uuid()
      .notNull()
      .references(() => municipality.id),
    since: date({ mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.municipalityId] })],
);

/** The region a `regional` account works for (its own municipality is only where the account is kept). */
export const regionalAccount = pgTable('regional_account', {
  userId: uuid()
    .primaryKey()
    .references(() => appUser.id),
  regionId: uuid()
    .notNull()
    .references(() => region.id),
});

/** A municipality's follow-up settings; without a row the domain's defaults apply. */
export const followUpSetting = pgTable(
  'follow_up_setting',
  {
    municipalityId: uuid()
      .primaryKey()
      .references(() => municipality.id),
    /** Counts under this are shown as "<n>" outside the municipality's own staff (issue 8, default 5). */
    suppressionThreshold: smallint().notNull().default(5),
  },
  (t) => [check('follow_up_setting_threshold', sql`${t.suppressionThreshold} between 1 and 100`)],
);
