// Support work (issue 7): the intervention catalogue and provider register per municipality, interventions on a
// case with their cost model, budgets per programme and year, the police state-funding assessment, the
// coordinated plan's versions and network meetings. Money is integer öre in bigint columns (a year's budget,
// 350,000,000 öre, already passes int4's range). Every row carries the municipality, so row-level security
// guards it (drizzle/0012_*.sql).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { attendances, costKinds, networkMeetingStatuses, stateFundingApplicationStatuses, vatHandlings, type PlanContent } from '@utvag/domain';
import { programme } from './enums.ts';
import { municipality, organisation } from './organisation.ts';
import { supportCase } from './case.ts';
import { caseDecision } from './case-record.ts';
import { appUser } from './user.ts';

export const costKind = pgEnum('cost_kind', costKinds);
export const vatHandling = pgEnum('vat_handling', vatHandlings);
export const networkMeetingStatus = pgEnum('network_meeting_status', networkMeetingStatuses);
export const attendance = pgEnum('attendance', attendances);
export const stateFundingApplicationStatus = pgEnum('state_funding_application_status', stateFundingApplicationStatuses);

const tenant = () =>
  uuid()
    .notNull()
    .references(() => municipality.id);
const caseRef = () =>
  uuid()
    .notNull()
    .references(() => supportCase.id);
const userRef = () => uuid().references(() => appUser.id);
const at = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const ore = () => bigint({ mode: 'number' }).notNull();

/** The municipality's catalogue: the defaults of DOMAIN.md §6 (code set) and its own types (code null). */
export const interventionType = pgTable(
  'intervention_type',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    code: text(),
    name: text().notNull(),
    costKind: costKind().notNull(),
    defaultPriceOre: ore(),
    vatHandling: vatHandling().notNull().default('none'),
    vatRateBasisPoints: integer().notNull().default(0),
    placement: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: at(),
  },
  (t) => [
    uniqueIndex().on(t.municipalityId, t.name),
    uniqueIndex('intervention_type_code_idx').on(t.municipalityId, t.code).where(sql`${t.code} is not null`),
    check('intervention_type_price_not_negative', sql`${t.defaultPriceOre} >= 0`),
  ],
);

/** Providers the municipality buys from, within or outside the framework agreement (001). */
export const provider = pgTable(
  'provider',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    name: text().notNull(),
    withinFrameworkAgreement: boolean().notNull(),
    /** The catalogue type it provides; null: several. */
    interventionTypeId: uuid().references(() => interventionType.id),
    active: boolean().notNull().default(true),
    createdAt: at(),
  },
  (t) => [uniqueIndex().on(t.municipalityId, t.name)],
);

/** An intervention on a case, granted by a signed decision, with its own cost model (copied from the type). */
export const intervention = pgTable(
  'intervention',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    caseId: caseRef(),
    decisionId: uuid()
      .notNull()
      .references(() => caseDecision.id),
    interventionTypeId: uuid()
      .notNull()
      .references(() => interventionType.id),
    providerId: uuid().references(() => provider.id),
    startDate: date({ mode: 'string' }).notNull(),
    plannedEndDate: date({ mode: 'string' }),
    actualEndDate: date({ mode: 'string' }),
    costKind: costKind().notNull(),
    priceOre: ore(),
    vatHandling: vatHandling().notNull(),
    vatRateBasisPoints: integer().notNull(),
    note: text(),
    createdByUserId: userRef().notNull(),
    createdAt: at(),
    version: integer().notNull().default(1),
    updatedAt: at(),
  },
  (t) => [
    index().on(t.caseId, t.startDate),
    index().on(t.municipalityId, t.startDate),
    check('intervention_price_not_negative', sql`${t.priceOre} >= 0`),
    check('intervention_planned_end_after_start', sql`${t.plannedEndDate} is null or ${t.plannedEndDate} >= ${t.startDate}`),
    check('intervention_actual_end_after_start', sql`${t.actualEndDate} is null or ${t.actualEndDate} >= ${t.startDate}`),
  ],
);

export const budget = pgTable(
  'budget',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    programme: programme().notNull(),
    year: integer().notNull(),
    amountOre: ore(),
    version: integer().notNull().default(1),
    updatedByUserId: userRef(),
    updatedAt: at(),
  },
  (t) => [uniqueIndex().on(t.municipalityId, t.programme, t.year), check('budget_amount_not_negative', sql`${t.amountOre} >= 0`)],
);

/** Settings of support work per municipality (principle 5: local adaptation). */
export const supportSetting = pgTable('support_setting', {
  municipalityId: uuid()
    .primaryKey()
    .references(() => municipality.id),
  meetingReminderDays: integer().notNull().default(31),
  nearLimitPercent: integer().notNull().default(90),
});

/** The police state-funding criteria as staff recorded them from the police (DOMAIN.md §5, §10); one per case. */
export const stateFundingAssessment = pgTable(
  'state_funding_assessment',
  {
  caseId: uuid()
    .primaryKey()
    .references(() => supportCase.id),
  municipalityId: tenant(),
  policeDefinitionMet: boolean().notNull(),
  policeProtectionNeed: boolean().notNull(),
  motivated: boolean().notNull(),
  consentToInformationSharing: boolean().notNull(),
  policeConditionsSigned: boolean().notNull(),
  notWitnessInPendingCase: boolean().notNull(),
  policeJudgementOn: date({ mode: 'string' }),
  applicationStatus: stateFundingApplicationStatus().notNull().default('notApplied'),
  appliedOn: date({ mode: 'string' }),
  decidedOn: date({ mode: 'string' }),
  grantedAmountOre: bigint({ mode: 'number' }),
  recordedByUserId: userRef().notNull(),
  recordedAt: at(),
  version: integer().notNull().default(1),
  },
  (t) => [
    check('state_funding_granted_not_negative', sql`${t.grantedAmountOre} is null or ${t.grantedAmountOre} >= 0`),
    check('state_funding_decided_after_applied', sql`${t.decidedOn} is null or ${t.appliedOn} is null or ${t.decidedOn} >= ${t.appliedOn}`),
  ],
);

/** Every saved state of a case's coordinated plan; the newest is the plan. Never updated, only appended. */
export const planVersion = pgTable(
  'plan_version',
  {
    municipalityId: tenant(),
    caseId: caseRef(),
    version: integer().notNull(),
    content: jsonb().$type<PlanContent>().notNull(),
    /** What changed, for the version list (e.g. addAction). */
    change: text().notNull(),
    savedByUserId: userRef().notNull(),
    savedAt: at(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.version] })],
);

export const networkMeeting = pgTable(
  'network_meeting',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    caseId: caseRef(),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    place: text().notNull(),
    status: networkMeetingStatus().notNull().default('planned'),
    notes: text(),
    createdByUserId: userRef().notNull(),
    createdAt: at(),
    version: integer().notNull().default(1),
  },
  (t) => [index().on(t.caseId, t.scheduledAt), index().on(t.municipalityId, t.scheduledAt)],
);

/** Invited staff and partner users (organisation set for partners), with their attendance. */
export const networkMeetingParticipant = pgTable(
  'network_meeting_participant',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    meetingId: uuid()
      .notNull()
      .references(() => networkMeeting.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id),
    organisationId: uuid().references(() => organisation.id),
    attendance: attendance().notNull().default('unknown'),
    invitedByUserId: userRef().notNull(),
    invitedAt: at(),
  },
  (t) => [uniqueIndex().on(t.meetingId, t.userId), index().on(t.userId)],
);

/** An agenda item; partners see only items whose `organisationIds` hold their organisation. */
export const networkMeetingAgendaItem = pgTable(
  'network_meeting_agenda_item',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: tenant(),
    meetingId: uuid()
      .notNull()
      .references(() => networkMeeting.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    details: text(),
    organisationIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: at(),
  },
  (t) => [index().on(t.meetingId, t.createdAt)],
);
