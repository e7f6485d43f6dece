// Follow-up (issue 8): the intake clocks' due times as a calendar the report joins to, and the regions that
// municipalities share their follow-up figures with. None of these tables holds person data.
import { sql } from 'drizzle-orm';
import { check, date, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

/**
 * Stored figures of a completed half-year (issue 9): the report's aggregates for one scope (a municipality, or a
 * region's sums over its sharing municipalities) and one period, computed once by the nightly job or the first
 * request and served from here afterwards. Aggregates only (the same entries the SQL returns: row, column, count or
 * hours or kronor), never a person; suppression is applied when read, so a changed threshold applies at once.
 * Exactly one of municipality_id and region_id is set (row-level security: the municipality's staff, or the region).
 */
export const followUpFigures = pgTable(
  'follow_up_figures',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid().references(() => municipality.id),
    regionId: uuid().references(() => region.id),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    /** { tables: { [tableId]: Entry[] }, trend: Entry[] } (packages/db follow-up-figures.ts). */
    figures: jsonb().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check('follow_up_figures_one_scope', sql`(${t.municipalityId} is null) <> (${t.regionId} is null)`),
    uniqueIndex('follow_up_figures_municipality_idx').on(t.municipalityId, t.periodFrom, t.periodTo).where(sql`${t.municipalityId} is not null`),
    uniqueIndex('follow_up_figures_region_idx').on(t.regionId, t.periodFrom, t.periodTo).where(sql`${t.regionId} is not null`),
  ],
);
