// The hot queries must be served by their indexes, not a sequential scan (STACK.md trap 7: an ORDER BY that
// does not match the index falls back to a parallel seq scan on a million rows).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { sql } from 'drizzle-orm';
import { listInbox, listSubmissionsOfOrganisation } from './referrals.ts';
import { inTenantTransaction } from './tenant.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // The planner prefers a seq scan on tiny tables; this makes it show which index it would use.
  await t.sql`set enable_seqscan = off`;
});
afterAll(() => t.drop());

async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }) {
  const { sql: text, params } = query.toSQL();
  const rows = await t.sql.unsafe(`explain ${text}`, params as never[]);
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

it('serves the inbox page from referral_inbox_open_idx without sorting, also the next page', async () => {
  const municipalityId = '00000000-0000-4000-8000-000000000000';
  const after = { rank: 1, receivedAt: new Date(), id: municipalityId };
  for (const q of [{ municipalityId, limit: 50 }, { municipalityId, limit: 50, after }]) {
    const plan = await planOf(listInbox(t.db, q) as never);
    expect(plan).toContain('referral_inbox_open_idx');
    expect(plan).not.toMatch(/Seq Scan on referral|Sort/);
  }
});

it('serves a partner’s submissions from referral_source_idx', async () => {
  const plan = await planOf(
    listSubmissionsOfOrganisation(t.db, { organisationId: '00000000-0000-4000-8000-000000000000', limit: 50 }) as never,
  );
  expect(plan).toContain('referral_source_idx');
});

it('uses the same index as the application role, under row-level security', async () => {
  const municipalityId = '00000000-0000-4000-8000-000000000000';
  const tenant = { municipalityId, organisationId: null, userId: municipalityId, role: 'intake' };
  const plan = await inTenantTransaction(t.db, tenant, async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const { sql: text, params } = listInbox(tx, { municipalityId, limit: 50 }).toSQL();
    const rows = await tx.execute(sql.raw(`explain ${inline(text, params)}`));
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
  expect(plan).toContain('referral_inbox_open_idx');
  expect(plan).not.toMatch(/Seq Scan on referral|Sort/);
});

/** EXPLAIN cannot take bind parameters through Drizzle's sql.raw; inline them as literals (test values only). */
function inline(text: string, params: unknown[]) {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value instanceof Date ? value.toISOString() : value).replaceAll("'", "''")}'`;
  });
}
