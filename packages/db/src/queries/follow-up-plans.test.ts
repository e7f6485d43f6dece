// The follow-up report's plans (issue 9): every query the report runs over cases and referrals, taken from the real
// query functions, EXPLAINed as the application role with the tenant set and as the regional role, on a seeded and
// analysed database with sequential scans switched off. A Seq Scan then means that no index can serve the query, so
// these tests fail if an index the report needs is dropped (migration 0032 dropped case_report_open_idx and
// case_report_opened_idx: the opening ranges run on case_list_idx, the closing ones on case_report_closed_idx).
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor, Tx } from '../client.ts';
import { createRegion, createTenant, createTestDatabase, type Tenant, type TestDatabase } from '../testing/index.ts';
import {
  caseCountEntries,
  inRegionalTransaction,
  referralsBySourceEntries,
  returnEntries,
  terminationReasonEntries,
  trendEntries,
  type ReportScope,
} from './follow-up.ts';
import { inTenantTransaction } from './tenant.ts';

let t: TestDatabase;
let tenant: Tenant;
let regionId: string;

// Two municipalities of 3,000 cases and referrals each over four years, so a half-year is a small part of each.
beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTenant(t.db);
  const other = await createTenant(t.db);
  for (const who of [tenant, other]) {
    const m = who.municipality.id;
    await t.sql`insert into person (municipality_id, first_name, last_name, gender)
      select ${m}, 'Test', 'Person ' || i, (array['woman', 'man'])[1 + i % 2]::gender from generate_series(1, 3000) as i`;
    // Deterministic: nine cases in ten closed 90 days after opening (as in real data, few stay open for years),
    // openings spread over four years.
    await t.sql`insert into "case" (municipality_id, person_id, programme, status, opened_at, closed_at, closing_outcome, age_at_start)
      select ${m}, p.id, 'adultExitProgramme', (case when s.closed then 'closed' else 'open' end)::case_status, s.opened,
             case when s.closed then s.opened + interval '90 days' end, case when s.closed then 'terminated' end::closing_outcome, 20
      from (select id, row_number() over (order by last_name) as i from person where municipality_id = ${m}) p,
           lateral (select p.i % 10 <> 0 as closed, timestamptz '2022-12-01' + (p.i * 7919 % 1460) * interval '1 day' as opened) s`;
    // Each case's referral, received the day before it opened.
    await t.sql`insert into referral (municipality_id, person_id, kind, status, reason, contact_name, contact_phone, contact_email,
        idempotency_key, reference, received_at, submitted_by_user_id, source_organisation_id)
      select c.municipality_id, c.person_id, 'referral', 'caseOpened', 'Vill lämna gruppen.', 'Kim Kontakt', '010-000 00 00',
             'kontakt@test.utvag.invalid', gen_random_uuid(), 'PLAN-' || c.id, c.opened_at - interval '1 day', ${who.users.police.id}, ${who.organisations.police.id}
      from "case" c where c.municipality_id = ${m}`;
  }
  await t.sql`analyze person`;
  await t.sql`analyze "case"`;
  await t.sql`analyze referral`;
  regionId = (await createRegion(t.db, { sharingMunicipalityIds: [tenant.municipality.id], regionalUserIds: [tenant.users.regional.id] })).id;
});
afterAll(() => t.drop());

/** An executor that EXPLAINs each query instead of running it, and answers with no rows. */
function explaining(tx: Tx, plans: string[]): Executor {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== 'execute') return Reflect.get(target, property, receiver);
      return async (query: SQL) => {
        const rows = await target.execute(sql`explain ${query}`);
        plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
        return [];
      };
    },
  });
}

/** The report's case and referral queries over 2026-H1, and the trends' eight half-years. */
async function reportPlans(tx: Tx, municipalityIds: string[]) {
  const plans: string[] = [];
  const db = explaining(tx, plans);
  await tx.execute(sql`set local enable_seqscan = off`);
  const scope: ReportScope = { municipalityIds, start: new Date('2025-12-31T23:00:00Z'), end: new Date('2026-06-30T22:00:00Z'), now: new Date() };
  await caseCountEntries(db, scope);
  await terminationReasonEntries(db, scope);
  await returnEntries(db, scope);
  await referralsBySourceEntries(db, scope);
  const periods = [2023, 2024, 2025, 2026].flatMap((y) => [
    { label: `${y}-H1`, start: new Date(`${y - 1}-12-31T23:00:00Z`), end: new Date(`${y}-06-30T22:00:00Z`) },
    { label: `${y}-H2`, start: new Date(`${y}-06-30T22:00:00Z`), end: new Date(`${y}-12-31T23:00:00Z`) },
  ]);
  await trendEntries(db, { municipalityIds, periods });
  return plans;
}

/**
 * Every scan of a case or referral index must be a range on the period's column (or the returns' person): a scan with
 * no index condition on it reads all of the municipality's rows, as a Seq Scan reads all of the table's.
 */
function unrangedScans(plan: string): string[] {
  const lines = plan.split('\n');
  return lines.flatMap((line, i) => {
    const index = /(?:Index Scan|Index Only Scan) using (\S+)|Bitmap Index Scan on (\S+)/.exec(line);
    const name = index?.[1] ?? index?.[2];
    if (!name || !/^(case|referral)_/.test(name)) return [];
    const condition = lines[i + 1]?.trim() ?? '';
    return condition.startsWith('Index Cond:') && /opened_at|closed_at|received_at|person_id/.test(condition) ? [] : [line.trim()];
  });
}

function expectIndexed(plans: string[]) {
  expect(plans).toHaveLength(5);
  for (const plan of plans) {
    expect(plan).not.toMatch(/Seq Scan on (case|"case"|referral|person)\b/);
    expect(unrangedScans(plan), plan).toEqual([]);
  }
  const all = plans.join('\n');
  // Closing ranges and `closed_at is null` on the closing index, opening ranges on the case list's index.
  expect(all).toMatch(/case_report_closed_idx/);
  expect(all).toMatch(/case_list_idx/);
  expect(all).toMatch(/referral_report_idx/);
  expect(all).not.toMatch(/case_report_open_idx|case_report_opened_idx/);
}

describe('the report’s plans', () => {
  it('read only index ranges as the application role, under row-level security', async () => {
    const who = { municipalityId: tenant.municipality.id, organisationId: null, userId: tenant.users.unitManager.id, role: 'unitManager' };
    expectIndexed(await inTenantTransaction(t.db, who, (tx) => reportPlans(tx, [tenant.municipality.id])));
  });

  it('read only index ranges as the regional role', async () => {
    const who = { regionId, userId: tenant.users.regional.id, role: 'regional' };
    expectIndexed(await inRegionalTransaction(t.db, who, (tx) => reportPlans(tx, [tenant.municipality.id])));
  });

  // A control, so the tests above cannot pass by checking nothing: without the closing index, the same check finds
  // scans that read the municipality's every case (the index is dropped inside the transaction, back on rollback).
  it('control: without case_report_closed_idx the closing ranges are no index range any more', async () => {
    const who = { municipalityId: tenant.municipality.id, organisationId: null, userId: tenant.users.unitManager.id, role: 'unitManager' };
    const plans = await inTenantTransaction(t.db, who, async (tx) => {
      // Dropped as the owner, then back to the application role; the thrown answer rolls the drop back.
      await tx.execute(sql`reset role`);
      await tx.execute(sql`drop index case_report_closed_idx`);
      await tx.execute(sql`select set_config('role', 'utvag_app', true)`);
      throw Object.assign(new Error('rollback'), { found: await reportPlans(tx, [tenant.municipality.id]) });
    }).catch((error: { found?: string[] }) => {
      if (!error.found) throw error;
      return error.found;
    });
    expect(() => expectIndexed(plans)).toThrow();
    expect(plans.flatMap(unrangedScans).length + plans.filter((p) => /Seq Scan on "case"/.test(p)).length).toBeGreaterThan(0);
  });

  it('the dropped indexes are gone, the ones the plans use are there', async () => {
    const found = await t.db.execute<{ name: string }>(
      sql`select indexname as name from pg_indexes where tablename = 'case' and indexname like 'case_report%' order by 1`,
    );
    expect(found.map((r) => r.name)).toEqual(['case_report_closed_idx']);
  });
});
