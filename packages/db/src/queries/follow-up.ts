// SQL of the follow-up report (issue 8): aggregates only, over one municipality or the municipalities that share
// with a region. Each query returns entries (row key, column key, value) for the domain's table definitions
// (packages/domain report-tables.ts); no person-level row ever leaves PostgreSQL. Authorization happens in
// packages/api; the tenant transaction's row-level security applies on top.
import { clocksFor, defaultSuppressionThreshold, reportingAgeBands } from '@utvag/domain';
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../client.ts';
import { clockDue, followUpSetting, municipality, region, regionalAccount, regionDataSharing } from '../schema/index.ts';

/** The role a regional view's transaction runs as (migration 0011): SELECT under the `regional` policies only. */
export const regionalRole = 'utvag_regional';

export interface ReportScope {
  municipalityIds: string[];
  /** [start, end): the period's instants (packages/domain periodBounds). */
  start: Date;
  end: Date;
  /** Clocks and outcomes are read as they stand at this instant (normally now). */
  now: Date;
}

export interface Entry {
  row: string;
  column: string;
  value: number | null;
}

const hour = 3_600_000;
const iso = (d: Date) => d.toISOString();
const inScope = (column: SQL, scope: Pick<ReportScope, 'municipalityIds'>) =>
  sql`${column} in (${sql.join(scope.municipalityIds.map((id) => sql`${id}::uuid`), sql`, `)})`;

async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

/**
 * Makes sure the clock calendar holds every hour of [start, end): the due times come from the domain's
 * `clocksFor`, computed once per hour of receipt and kept (they never change for a past hour under the same rules).
 */
export async function ensureClockDues(db: Executor, start: Date, end: Date): Promise<void> {
  const first = Math.floor(start.getTime() / hour) * hour;
  const expected = Math.ceil((end.getTime() - first) / hour);
  const [have] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${clockDue} where ${and(gte(clockDue.receivedHour, new Date(first)), lt(clockDue.receivedHour, end))}`,
  );
  if ((have?.n ?? 0) >= expected) return;
  const values: (typeof clockDue.$inferInsert)[] = [];
  for (let t = first; t < end.getTime(); t += hour) {
    const receivedAt = new Date(t);
    const due = Object.fromEntries(clocksFor({ kind: 'concernReport', receivedAt }, receivedAt).map((c) => [c.code, c.dueAt]));
    values.push({
      receivedHour: receivedAt,
      firstContactDueAt: due.firstContact!,
      safetyAssessmentDueAt: due.immediateSafetyAssessment!,
      preliminaryAssessmentDueAt: due.preliminaryAssessment!,
    });
  }
  for (let i = 0; i < values.length; i += 2000) {
    await db.insert(clockDue).values(values.slice(i, i + 2000)).onConflictDoNothing();
  }
}

const receivedIn = (scope: ReportScope) =>
  sql`${inScope(sql`r.municipality_id`, scope)} and r.received_at >= ${iso(scope.start)}::timestamptz and r.received_at < ${iso(scope.end)}::timestamptz and r.status <> 'draft'`;

/** Referrals received in the period by source (the organisation's type, or direct) and triage outcome. */
export async function referralsBySourceEntries(db: Executor, scope: ReportScope): Promise<Entry[]> {
  if (scope.municipalityIds.length === 0) return [];
  return rows<Entry>(
    db,
    sql`select coalesce(o.type::text, 'direct') as "row",
          case when r.status in ('submitted', 'underReview') then 'pending' else r.status::text end as "column",
          count(*)::int as value
        from referral r left join organisation o on o.id = r.source_organisation_id
        where ${receivedIn(scope)}
        group by 1, 2`,
  );
}

/** Median and 90th percentile (percentile_cont, see packages/domain report-statistics.ts) in hours. */
export async function responseTimeEntries(db: Executor, scope: ReportScope): Promise<Entry[]> {
  if (scope.municipalityIds.length === 0) return [];
  // One sort per measure: percentile_cont over an array of fractions gives both figures from the same ordering.
  const [r] = await rows<{ fc_n: number; fc: number[] | null; d_n: number; d: number[] | null }>(
    db,
    sql`select
          count(r.first_contact_at)::int as fc_n,
          percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from r.first_contact_at - r.received_at) / 3600) as fc,
          count(r.triaged_at)::int as d_n,
          percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from r.triaged_at - r.received_at) / 3600) as d
        from referral r
        where ${receivedIn(scope)}`,
  );
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return [
    { row: 'firstContact', column: 'measured', value: r?.fc_n ?? 0 },
    { row: 'firstContact', column: 'medianHours', value: round(r?.fc?.[0]) },
    { row: 'firstContact', column: 'p90Hours', value: round(r?.fc?.[1]) },
    { row: 'decision', column: 'measured', value: r?.d_n ?? 0 },
    { row: 'decision', column: 'medianHours', value: round(r?.d?.[0]) },
    { row: 'decision', column: 'p90Hours', value: round(r?.d?.[1]) },
    ...(await caseDecisionTimeEntries(db, scope)),
  ];
}

/** From first contact to a signed case decision (the motivation window, DOMAIN.md §9.2), for decisions signed in the period. */
async function caseDecisionTimeEntries(db: Executor, scope: ReportScope): Promise<Entry[]> {
  const [r] = await rows<{ n: number; t: number[] | null }>(
    db,
    sql`select count(*)::int as n,
          percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from d.signed_at - d.first_contact_at) / 3600) as t
        from case_decision d
        where ${inScope(sql`d.municipality_id`, scope)} and d.signed_at >= ${iso(scope.start)}::timestamptz
          and d.signed_at < ${iso(scope.end)}::timestamptz and d.first_contact_at is not null`,
  );
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return [
    { row: 'caseDecision', column: 'measured', value: r?.n ?? 0 },
    { row: 'caseDecision', column: 'medianHours', value: round(r?.t?.[0]) },
    { row: 'caseDecision', column: 'p90Hours', value: round(r?.t?.[1]) },
  ];
}

/** One clock's four outcomes as count filters: met by the due time, met after it, not met and past due, running. */
function clockCounts(code: string, metAt: SQL, dueAt: SQL, applies: SQL) {
  return sql`
    count(*) filter (where ${applies} and ${metAt} <= ${dueAt})::int as "${sql.raw(code)}:metOnTime",
    count(*) filter (where ${applies} and ${metAt} > ${dueAt})::int as "${sql.raw(code)}:metLate",
    count(*) filter (where ${applies} and ${metAt} is null and ${dueAt} < now_)::int as "${sql.raw(code)}:missed",
    count(*) filter (where ${applies} and ${metAt} is null and ${dueAt} >= now_)::int as "${sql.raw(code)}:running"`;
}

/** The intake clocks of referrals received in the period, as they stand at `now` (clocks.ts decides which apply). */
export async function clockEntries(db: Executor, scope: ReportScope): Promise<Entry[]> {
  if (scope.municipalityIds.length === 0) return [];
  await ensureClockDues(db, scope.start, scope.end);
  const concern = sql`r.kind = 'concernReport'`;
  const [r] = await rows<Record<string, number>>(
    db,
    sql`select
          ${clockCounts('firstContact', sql`r.first_contact_at`, sql`d.first_contact_due_at`, sql`true`)},
          ${clockCounts('immediateSafetyAssessment', sql`r.safety_assessed_at`, sql`d.safety_assessment_due_at`, concern)},
          ${clockCounts('preliminaryAssessment', sql`r.investigation_decided_at`, sql`d.preliminary_assessment_due_at`, sql`${concern} and not r.investigation_already_open`)}
        from referral r
        join clock_due d on d.received_hour = date_trunc('hour', r.received_at, 'UTC')
        cross join (select ${iso(scope.now)}::timestamptz as now_) n
        where ${receivedIn(scope)}`,
  );
  return Object.entries(r ?? {}).map(([key, value]) => {
    const [row, column] = key.split(':') as [string, string];
    return { row, column, value: Number(value) };
  });
}

/** SQL that puts an age into the domain's reporting age band (its id), built from the domain's configuration. */
export function ageBandSql(age: SQL): SQL {
  const cases = reportingAgeBands.map((band) => {
    const lower = band.min === null ? sql`true` : sql`${age} >= ${band.min}`;
    const upper = band.max === null ? sql`true` : sql`${age} <= ${band.max}`;
    return sql`when ${lower} and ${upper} then ${band.id}`;
  });
  return sql`(case ${sql.join(cases, sql` `)} else 'unknownAge' end)`;
}

/**
 * Cases still open at an instant: closing at infinity when open. Written without coalesce(closed_at, 'infinity'):
 * under row-level security PostgreSQL used no index for that expression (a sequential scan of every case as
 * `utvag_app`), while `closed_at` ranges and `is null` are index conditions on case_report_closed_idx.
 */
const aliveAt = (at: SQL) => sql`(c.closed_at is null or c.closed_at >= ${at})`;
/** Cases closed in the period ([start, end) of closed_at; an open case never is). */
const closedIn = (scope: ReportScope) => sql`c.closed_at >= ${iso(scope.start)}::timestamptz and c.closed_at < ${iso(scope.end)}::timestamptz`;

export interface CaseCounts {
  /** Per programme: initiated and closed in the period, and open at its end. */
  flow: Entry[];
  /** By the reporting age band at the start and the person's gender: initiated, closed in, open at the end of the period. */
  byAgeAndGender: Record<'initiated' | 'closed' | 'open', Entry[]>;
}

/** Sums `value` of the rows that share a key, keeping the keys in first-seen order. */
function sumBy<R>(found: R[], key: (r: R) => [string, string], value: (r: R) => number): Entry[] {
  const sums = new Map<string, Entry>();
  for (const r of found) {
    const [row, column] = key(r);
    const entry = sums.get(`${row}\u0000${column}`) ?? { row, column, value: 0 };
    entry.value! += value(r);
    sums.set(`${row}\u0000${column}`, entry);
  }
  return [...sums.values()];
}

/**
 * The cases alive in the period counted once for both the case flow and the age and gender tables: one scan of the
 * period's cases grouped by programme, age band and gender, summed here per table (counts add up exactly). The
 * person is a left join so that the flow counts every case as before; the age and gender tables count only cases
 * whose person row is visible (gender is NOT NULL, so a null gender means no person), as the inner join did.
 * At 100,000 cases: 45 ms, against 19 + 45 ms for the two queries it replaced (medians of 7, busy machine).
 */
export async function caseCountEntries(db: Executor, scope: ReportScope): Promise<CaseCounts> {
  if (scope.municipalityIds.length === 0) return { flow: [], byAgeAndGender: { initiated: [], closed: [], open: [] } };
  const start = sql`${iso(scope.start)}::timestamptz`;
  const end = sql`${iso(scope.end)}::timestamptz`;
  const closing = sql`coalesce(c.closed_at, 'infinity'::timestamptz)`;
  type Found = { programme: string; band: string; gender: string | null; initiated: number; completed: number; terminated: number; open_at_end: number };
  const found = await rows<Found>(
    db,
    sql`select c.programme::text as programme, ${ageBandSql(sql`c.age_at_start`)} as band, p.gender::text as gender,
          count(*) filter (where c.opened_at >= ${start})::int as initiated,
          count(*) filter (where c.closed_at < ${end} and c.closing_outcome is distinct from 'terminated')::int as completed,
          count(*) filter (where c.closed_at < ${end} and c.closing_outcome = 'terminated')::int as terminated,
          count(*) filter (where ${closing} >= ${end})::int as open_at_end
        from "case" c left join person p on p.id = c.person_id
        where ${inScope(sql`c.municipality_id`, scope)} and c.opened_at < ${end} and ${aliveAt(start)}
        group by 1, 2, 3`,
  );
  const flowColumns: Record<string, (r: Found) => number> = {
    initiated: (r) => r.initiated,
    completed: (r) => r.completed,
    terminated: (r) => r.terminated,
    openAtEnd: (r) => r.open_at_end,
  };
  const withPerson = found.filter((r) => r.gender !== null);
  const bandAndGender = (r: Found): [string, string] => [r.band, r.gender!];
  return {
    flow: Object.entries(flowColumns).flatMap(([column, value]) => sumBy(found, (r) => [r.programme, column], value)),
    byAgeAndGender: {
      initiated: sumBy(withPerson, bandAndGender, (r) => r.initiated),
      closed: sumBy(withPerson, bandAndGender, (r) => r.completed + r.terminated),
      open: sumBy(withPerson, bandAndGender, (r) => r.open_at_end),
    },
  };
}

/** Cases terminated in the period by reason and programme. */
export async function terminationReasonEntries(db: Executor, scope: ReportScope): Promise<Entry[]> {
  if (scope.municipalityIds.length === 0) return [];
  return rows<Entry>(
    db,
    sql`select coalesce(c.termination_reason::text, 'other') as "row", c.programme::text as "column", count(*)::int as value
        from "case" c
        where ${inScope(sql`c.municipality_id`, scope)} and ${closedIn(scope)}
          and c.closing_outcome = 'terminated'
        group by 1, 2`,
  );
}

/**
 * Cases closed in the period, and how many of their people came back (a referral received or a case opened) within
 * 12 months. Written as two joins from the period's closed cases to the referrals and cases of the window after the
 * period (index ranges, one hash join each) rather than two EXISTS probes per closed case (an index probe and a heap
 * check each): 2× faster at 100,000 cases, the same rows. The municipality condition on the returning rows is the
 * one row-level security already applies (a person, and so their referrals and cases, belongs to one municipality);
 * it makes the window an index range. The window's bounds follow from the closing instant's: a closing in
 * [start, end) has its 12 months inside (start, end + 12 months].
 */
export async function returnEntries(db: Executor, scope: ReportScope): Promise<Entry[]> {
  if (scope.municipalityIds.length === 0) return [];
  const after = sql`${iso(scope.start)}::timestamptz`;
  const until = sql`${iso(scope.end)}::timestamptz + interval '12 months'`;
  const found = await rows<{ programme: string; closed: number; came_back: number }>(
    db,
    sql`with closed as materialized (
          select c.id, c.person_id, c.programme, c.closed_at from "case" c
          where ${inScope(sql`c.municipality_id`, scope)} and ${closedIn(scope)}
        ), came_back as (
          select k.id from closed k join referral r on r.person_id = k.person_id
            and r.received_at > k.closed_at and r.received_at <= k.closed_at + interval '12 months'
          where ${inScope(sql`r.municipality_id`, scope)} and r.received_at > ${after} and r.received_at <= ${until}
          union
          select k.id from closed k join "case" n on n.person_id = k.person_id and n.id <> k.id
            and n.opened_at > k.closed_at and n.opened_at <= k.closed_at + interval '12 months'
          where ${inScope(sql`n.municipality_id`, scope)} and n.opened_at > ${after} and n.opened_at <= ${until}
        )
        select k.programme::text as programme, count(*)::int as closed,
          count(*) filter (where k.id in (select id from came_back))::int as came_back
        from closed k
        group by 1`,
  );
  return found.flatMap((r) => [
    { row: r.programme, column: 'closed', value: r.closed },
    { row: r.programme, column: 'cameBack', value: r.came_back },
  ]);
}

/** A half-year of the trends: its label (2026-H1) and its instants [start, end) (packages/domain periodBounds). */
export interface TrendPeriod {
  label: string;
  start: Date;
  end: Date;
}

/**
 * Referrals received and cases initiated and closed per half-year, for the dashboard's trends; `row` is the
 * half-year's label. The bounds come from the domain (Swedish midnight of 1 January and 1 July), so each count is
 * one index-only range scan (referral_report_idx, case_list_idx, case_report_closed_idx) instead of
 * labelling every row with to_char(… at time zone …), which took 5.8 s at a million cases. A VALUES list joined by
 * range measured slightly faster than 24 literal range counts in a UNION ALL (111 against 123 ms at 100k, busy machine).
 */
export async function trendEntries(db: Executor, scope: Pick<ReportScope, 'municipalityIds'> & { periods: TrendPeriod[] }): Promise<Entry[]> {
  if (scope.municipalityIds.length === 0 || scope.periods.length === 0) return [];
  const bounds = sql.join(
    scope.periods.map((p) => sql`(${p.label}::text, ${iso(p.start)}::timestamptz, ${iso(p.end)}::timestamptz)`),
    sql`, `,
  );
  const found = await rows<{ label: string; received: number; initiated: number; closed: number }>(
    db,
    sql`select b.label,
          (select count(*) from referral r
            where ${inScope(sql`r.municipality_id`, scope)} and r.received_at >= b.s and r.received_at < b.e and r.status <> 'draft')::int as received,
          (select count(*) from "case" c where ${inScope(sql`c.municipality_id`, scope)} and c.opened_at >= b.s and c.opened_at < b.e)::int as initiated,
          (select count(*) from "case" c where ${inScope(sql`c.municipality_id`, scope)} and c.closed_at >= b.s and c.closed_at < b.e)::int as closed
        from (values ${bounds}) b(label, s, e)`,
  );
  return found.flatMap((r) => (['received', 'initiated', 'closed'] as const).map((k) => ({ row: r.label, column: k, value: r[k] })));
}

/** The strictest small-number threshold of the municipalities in scope (and the region's own), else the default. */
export async function suppressionThresholdFor(db: Executor, municipalityIds: string[], regionId?: string): Promise<number> {
  const ids = municipalityIds.length ? municipalityIds : ['00000000-0000-0000-0000-000000000000'];
  const [row] = await rows<{ threshold: number | null }>(
    db,
    sql`select greatest(
          (select max(s.suppression_threshold) from ${followUpSetting} s where ${inScope(sql`s.municipality_id`, { municipalityIds: ids })}),
          (select r.suppression_threshold from ${region} r where r.id = ${regionId ?? null}::uuid)
        )::int as threshold`,
  );
  return row?.threshold ?? defaultSuppressionThreshold;
}

export async function municipalityNames(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db.select({ name: municipality.name }).from(municipality).where(inArray(municipality.id, ids)).orderBy(municipality.name);
  return found.map((m) => m.name);
}

/** The region a regional account works for, if any. */
export async function findRegionalAccount(db: Executor, userId: string) {
  const [row] = await db
    .select({ regionId: region.id, regionName: region.name })
    .from(regionalAccount)
    .innerJoin(region, eq(region.id, regionalAccount.regionId))
    .where(eq(regionalAccount.userId, userId));
  return row;
}

/** The municipalities that share their follow-up figures with a region, by name. */
export async function regionMunicipalities(db: Executor, regionId: string) {
  return db
    .select({ id: municipality.id, name: municipality.name })
    .from(regionDataSharing)
    .innerJoin(municipality, eq(municipality.id, regionDataSharing.municipalityId))
    .where(eq(regionDataSharing.regionId, regionId))
    .orderBy(municipality.name);
}

/**
 * A transaction for the regional view: as `utvag_regional` with the region set, so only the read-only `regional`
 * policies (migration 0011) apply and PostgreSQL can read the sharing municipalities' rows for the sums. Nothing
 * can be written to person data in it; the application role's own policies are untouched.
 */
export function inRegionalTransaction<T>(db: Database, who: { regionId: string; userId: string; role: string }, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('app.region_id', ${who.regionId}, true),
      set_config('app.municipality_id', '', true),
      set_config('app.organisation_id', '', true),
      set_config('app.user_id', ${who.userId}, true),
      set_config('app.role', ${who.role}, true),
      set_config('role', ${regionalRole}, true)`);
    return work(tx);
  });
}
