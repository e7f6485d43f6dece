// The follow-up SQL below the API: the regional policies open exactly the sharing municipalities' rows, read-only;
// the clock calendar is filled once from the domain. The report's plans: follow-up-plans.test.ts.
import { clocksFor } from '@utvag/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockDue } from '../schema/index.ts';
import { createReferral, createRegion, createTenant, createTestDatabase, type Tenant, type TestDatabase } from '../testing/index.ts';
import { ensureClockDues, inRegionalTransaction } from './follow-up.ts';

let t: TestDatabase;
let sharing: Tenant;
let other: Tenant;
let regionId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  sharing = await createTenant(t.db);
  other = await createTenant(t.db);
  for (const tenant of [sharing, other]) {
    await createReferral(t.db, {
      municipalityId: tenant.municipality.id,
      submittedByUserId: tenant.users.police.id,
      sourceOrganisationId: tenant.organisations.police.id,
    });
  }
  const region = await createRegion(t.db, { sharingMunicipalityIds: [sharing.municipality.id], regionalUserIds: [sharing.users.regional.id] });
  regionId = region.id;
});
afterAll(() => t.drop());

const asRegion = <T>(id: string | null, work: Parameters<typeof inRegionalTransaction<T>>[2]) =>
  inRegionalTransaction(t.db, { regionId: id ?? '', userId: sharing.users.regional.id, role: 'regional' }, work);

describe('the regional policies', () => {
  it('let a region read the sharing municipalities only, and no region nothing', async () => {
    const municipalities = (id: string | null) =>
      asRegion(id, async (tx) => (await tx.execute<{ m: string }>(sql`select distinct municipality_id as m from referral`)).map((r) => r.m));
    expect(await municipalities(regionId)).toEqual([sharing.municipality.id]);
    expect(await municipalities(null)).toEqual([]);
    const people = await asRegion(regionId, async (tx) => (await tx.execute<{ n: string }>(sql`select count(*) as n from person where municipality_id = ${other.municipality.id}`))[0]!.n);
    expect(Number(people)).toBe(0);
  });

  it('never let a region write, and leave the application role without the regional policies', async () => {
    const refused = { cause: { message: expect.stringMatching(/permission denied/) } };
    await expect(
      asRegion(regionId, (tx) => tx.execute(sql`update referral set reason = 'ändrad' where municipality_id = ${sharing.municipality.id}`)),
    ).rejects.toMatchObject(refused);
    await expect(
      asRegion(regionId, (tx) => tx.execute(sql`insert into person (municipality_id, first_name, last_name) values (${sharing.municipality.id}, 'Ny', 'Person')`)),
    ).rejects.toMatchObject(refused);
    const policies = await t.db.execute<{ table: string; roles: string }>(
      sql`select tablename as "table", roles::text from pg_policies where policyname = 'regional' order by tablename`,
    );
    // Cases, people, referrals and decisions (0013), the support tables the report's costs read (0016), and the
    // region's own stored figures (0029).
    expect(policies.map((p) => p.table)).toEqual([
      'budget', 'case', 'case_decision', 'follow_up_figures', 'intervention', 'intervention_type', 'person', 'referral',
      'state_funding_assessment',
    ]);
    expect(new Set(policies.map((p) => p.roles))).toEqual(new Set(['{utvag_regional}']));
    // A region writes only its own stored figures, its audit entries (append only, 0015) and the clock calendar
    // (due times per hour of receipt, no person data), never a person's data.
    const writable = await t.db.execute<{ table: string }>(
      sql`select distinct table_name as "table" from information_schema.role_table_grants
          where grantee = 'utvag_regional' and privilege_type in ('INSERT', 'UPDATE', 'DELETE') order by 1`,
    );
    expect(writable.map((w) => w.table)).toEqual(['audit_entry', 'clock_due', 'follow_up_figures']);
  });
});

describe('the clock calendar', () => {
  it("holds the domain's due times for every hour of a period, filled once", async () => {
    const start = new Date('2026-03-01T00:00:00Z');
    const end = new Date('2026-03-03T00:00:00Z');
    await ensureClockDues(t.db, start, end);
    await ensureClockDues(t.db, start, end);
    const rows = await t.db.select().from(clockDue).where(sql`${clockDue.receivedHour} >= ${start.toISOString()}::timestamptz and ${clockDue.receivedHour} < ${end.toISOString()}::timestamptz`);
    expect(rows).toHaveLength(48);
    const afternoon = rows.find((r) => r.receivedHour.toISOString() === '2026-03-02T15:00:00.000Z')!;
    const expected = Object.fromEntries(clocksFor({ kind: 'concernReport', receivedAt: afternoon.receivedHour }, afternoon.receivedHour).map((c) => [c.code, c.dueAt.toISOString()]));
    expect(afternoon.firstContactDueAt.toISOString()).toBe(expected.firstContact);
    expect(afternoon.safetyAssessmentDueAt.toISOString()).toBe(expected.immediateSafetyAssessment);
    expect(afternoon.preliminaryAssessmentDueAt.toISOString()).toBe(expected.preliminaryAssessment);
  });
});
