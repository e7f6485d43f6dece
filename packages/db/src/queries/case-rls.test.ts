// Row-level security for the case record (issue 6): every table that carries a municipality has RLS on with a
// policy (so a new table cannot be forgotten), partners reach none of the case record, and signed rows hold.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createTenant, createTestDatabase, type Tenant, type TestDatabase } from '../testing/index.ts';
import { caseDecision, journalEntry, supportCase } from '../schema/index.ts';
import { applicationRole, inTenantTransaction } from './tenant.ts';

let t: TestDatabase;
let a: Tenant;
let b: Tenant;
let caseId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await createTenant(t.db);
  b = await createTenant(t.db);
  const p = await createPerson(t.db, { municipalityId: a.municipality.id });
  const [c] = await t.db.insert(supportCase).values({ municipalityId: a.municipality.id, personId: p.id, programme: 'sig' }).returning();
  caseId = c!.id;
  await t.db.insert(journalEntry).values({ municipalityId: a.municipality.id, caseId, body: 'x', authorUserId: a.users.caseWorker.id });
  await t.db.insert(caseDecision).values({ municipalityId: a.municipality.id, caseId, createdByUserId: a.users.caseWorker.id });
});
afterAll(() => t.drop());

const count = async (tenant: Parameters<typeof inTenantTransaction>[1], table: string) =>
  inTenantTransaction(t.db, tenant, async (tx) => Number((await tx.execute<{ n: string }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n));

describe('case record under row-level security', () => {
  it('has RLS and a policy on every table with a municipality_id', async () => {
    const unguarded = await t.db.execute<{ table_name: string }>(sql`
      select c.table_name from information_schema.columns c
      join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace
      where c.table_schema = 'public' and c.column_name = 'municipality_id'
        and (not k.relrowsecurity or not exists (select 1 from pg_policy p where p.polrelid = k.oid))
        and c.table_name not in ('app_user', 'unit', 'organisation', 'audit_entry',
          -- follow-up configuration (issue 8): a threshold and which municipalities share sums with a region; no person data
          'follow_up_setting', 'region_data_sharing')`);
    expect(unguarded.map((r) => r.table_name)).toEqual([]);
  });

  it('shows staff of the municipality the journal and decisions, and nobody else', async () => {
    const staffOf = (x: Tenant) => ({ municipalityId: x.municipality.id, organisationId: null, userId: x.users.caseWorker.id, role: 'caseWorker' });
    expect(await count(staffOf(a), 'journal_entry')).toBe(1);
    expect(await count(staffOf(b), 'journal_entry')).toBe(0);
    const police = { municipalityId: a.municipality.id, organisationId: a.organisations.police.id, userId: a.users.police.id, role: 'police' };
    for (const table of ['journal_entry', 'case_decision', 'eligibility_record', 'case_commitment', 'case_follow_up', 'case_task']) {
      expect([table, await count(police, table)]).toEqual([table, 0]);
    }
  });

  it('lets a signed entry move to another tenant (transfer) but not change otherwise', async () => {
    const [e] = await t.db
      .insert(journalEntry)
      .values({ municipalityId: a.municipality.id, caseId, body: 'signerad', authorUserId: a.users.caseWorker.id, signedAt: new Date() })
      .returning();
    await expect(t.db.execute(sql`update journal_entry set body = 'ändrad' where id = ${e!.id}`)).rejects.toThrow();
    await t.db.execute(sql`update journal_entry set municipality_id = ${b.municipality.id} where id = ${e!.id}`);
    await t.db.execute(sql`update journal_entry set municipality_id = ${a.municipality.id} where id = ${e!.id}`);
    expect(applicationRole).toBe('utvag_app');
  });
});
