// Row-level security, bypassing the API: as the application role, a request's tenant sees only its own
// municipality's case data (a partner only its organisation's referrals), and no tenant at all sees nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferral, createTenant, createTestDatabase, type Tenant, type TestDatabase } from '../testing/index.ts';
import { applicationRole, inTenantTransaction } from './tenant.ts';

let t: TestDatabase;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await createTenant(t.db);
  b = await createTenant(t.db);
  for (const tenant of [a, b]) {
    await createReferral(t.db, {
      municipalityId: tenant.municipality.id,
      submittedByUserId: tenant.users.police.id,
      sourceOrganisationId: tenant.organisations.police.id,
    });
    await createReferral(t.db, {
      municipalityId: tenant.municipality.id,
      submittedByUserId: tenant.users.probationOfficer.id,
      sourceOrganisationId: tenant.organisations.probationService.id,
    });
  }
});
afterAll(() => t.drop());

const staffOf = (tenant: Tenant) => ({
  municipalityId: tenant.municipality.id,
  organisationId: null,
  userId: tenant.users.intake.id,
  role: 'intake',
});
const count = async (tenant: Parameters<typeof inTenantTransaction>[1], table: string) =>
  inTenantTransaction(t.db, tenant, async (tx) => {
    const [row] = await tx.execute<{ n: string }>(sql.raw(`select count(*) as n from ${table}`));
    return Number(row!.n);
  });

describe('the application role', () => {
  it('is no superuser, cannot bypass RLS and owns no table', async () => {
    const [role] = await t.db.execute<{ rolsuper: boolean; rolbypassrls: boolean }>(
      sql`select rolsuper, rolbypassrls from pg_roles where rolname = ${applicationRole}`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await t.db.execute(sql`select tablename from pg_tables where schemaname = 'public' and tableowner = ${applicationRole}`);
    expect(owned.length).toBe(0);
  });

  it('is the role a request transaction runs as', async () => {
    const who = await inTenantTransaction(t.db, staffOf(a), async (tx) => (await tx.execute<{ u: string }>(sql`select current_user as u`))[0]!.u);
    expect(who).toBe(applicationRole);
  });
});

describe('tenant isolation in the database', () => {
  it('shows staff their own municipality’s referrals and people only', async () => {
    expect(await count(staffOf(a), 'referral')).toBe(2);
    expect(await count(staffOf(a), 'person')).toBe(2);
    const theirs = await inTenantTransaction(t.db, staffOf(a), (tx) =>
      tx.execute(sql`select id from referral where municipality_id = ${b.municipality.id}`),
    );
    expect(theirs.length).toBe(0);
  });

  it('shows a partner only its own organisation’s referrals and no cases', async () => {
    const police = { municipalityId: a.municipality.id, organisationId: a.organisations.police.id, userId: a.users.police.id, role: 'police' };
    expect(await count(police, 'referral')).toBe(1);
    expect(await count(police, '"case"')).toBe(0);
  });

  it('fails closed: without a tenant no row is visible', async () => {
    const rows = await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', ${applicationRole}, true)`);
      return tx.execute(sql`select id from referral`);
    });
    expect(rows.length).toBe(0);
  });

  it('refuses writing a row into another municipality', async () => {
    const error = await inTenantTransaction(t.db, staffOf(a), (tx) =>
      tx.execute(sql`insert into person (municipality_id, first_name, last_name) values (${b.municipality.id}, 'X', 'Y')`),
    ).catch((e: Error) => e);
    expect(String((error as Error).cause)).toMatch(/row-level security/);
  });
});
