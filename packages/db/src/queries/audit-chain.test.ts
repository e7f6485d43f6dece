// The audit log is append-only for the application role and tamper-evident for everyone: each kind of
// tampering done directly in the database as the owner is found, and the first broken entry is named.
import { sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { insertAuditEntry } from './audit.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { inTenantTransaction } from './tenant.ts';

let t: TestDatabase;
let ids: number[];

beforeEach(async () => {
  if (t) await t.drop();
  t = await createTestDatabase();
  for (let i = 0; i < 6; i++) {
    await insertAuditEntry(t.db, { action: `test.${i}`, recordType: 'test', recordId: String(i) });
  }
  ids = (await t.db.execute<{ id: string }>(sql`select id from audit_entry order by chain_seq`)).map((r) => Number(r.id));
});
afterAll(() => t.drop());

/** Tampering as the owner: the append-only trigger must be switched off first, as an attacker with owner rights would. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_entry disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_entry enable trigger user`);
  });
}

it('is intact after normal appends, concurrent ones included', async () => {
  await Promise.all(
    Array.from({ length: 20 }, (_, i) => insertAuditEntry(t.db, { action: `parallel.${i}`, recordType: 'test' })),
  );
  expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 26 });
});

describe('detects tampering', () => {
  it('an altered entry', async () => {
    await tamper(sql`update audit_entry set action = 'referral.read' where id = ${ids[2]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: ids[2], reason: 'altered' });
  });

  it('a deleted entry', async () => {
    await tamper(sql`delete from audit_entry where id = ${ids[3]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: ids[4] });
  });

  it('two entries swapped', async () => {
    // Entries at positions 2 and 3 trade places.
    await tamper(sql`update audit_entry set chain_seq = -1 where id = ${ids[1]}`);
    await tamper(sql`update audit_entry set chain_seq = 2 where id = ${ids[2]}`);
    await tamper(sql`update audit_entry set chain_seq = 3 where id = ${ids[1]}`);
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toMatchObject({ ok: false, brokenId: ids[2] });
  });

  it('an inserted entry', async () => {
    await tamper(sql`update audit_entry set chain_seq = -chain_seq where chain_seq > 3`);
    await tamper(sql`update audit_entry set chain_seq = -chain_seq + 1 where chain_seq < 0`);
    await tamper(sql`insert into audit_entry (action, record_type, chain_seq, prev_hash, hash)
      values ('forged', 'test', 4, (select hash from audit_entry where chain_seq = 3), repeat('0', 64))`);
    const forged = (await t.db.execute<{ id: string }>(sql`select id from audit_entry where action = 'forged'`))[0]!;
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: Number(forged.id), reason: 'altered' });
  });
});

describe('append-only', () => {
  it('refuses UPDATE and DELETE even for the owner while the trigger is on', async () => {
    await expect(t.db.execute(sql`update audit_entry set action = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_entry`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_entry`)).rejects.toThrow();
  });

  it('gives the application role no UPDATE or DELETE privilege at all', async () => {
    const tenant = { municipalityId: crypto.randomUUID(), organisationId: null, userId: crypto.randomUUID(), role: 'intake' };
    for (const statement of [sql`update audit_entry set action = 'x'`, sql`delete from audit_entry`]) {
      const error = await inTenantTransaction(t.db, tenant, (tx) => tx.execute(statement)).catch((e: Error) => e);
      expect(String((error as Error).cause)).toMatch(/permission denied for table audit_entry/);
    }
  });
});
