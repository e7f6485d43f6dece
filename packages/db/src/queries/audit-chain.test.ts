// The audit log is append-only for the application role and tamper-evident for everyone: each kind of
// tampering done directly in the database as the owner is found, and the first broken entry is named.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { insertAuditEntry } from './audit.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { inTenantTransaction } from './tenant.ts';

let t: TestDatabase;
let ids: number[];
let seqs: number[];

beforeEach(async () => {
  if (t) await t.drop();
  t = await createTestDatabase();
  // One transaction is one backend, so the six entries share one lane's chain.
  await t.db.transaction(async (tx) => {
    for (let i = 0; i < 6; i++) {
      await insertAuditEntry(tx, { action: `test.${i}`, recordType: 'test', recordId: String(i) });
    }
  });
  const rows = await t.db.execute<{ id: string; chain_seq: string }>(sql`select id, chain_seq from audit_entry order by chain_seq`);
  ids = rows.map((r) => Number(r.id));
  seqs = rows.map((r) => Number(r.chain_seq));
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
  expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 26 });
});

it('links each entry to the previous one of its lane, the first of a lane to none', async () => {
  const rows = await t.db.execute<{ chain_lane: number | null; prev_hash: string | null; hash: string }>(
    sql`select chain_lane, prev_hash, hash from audit_entry order by chain_seq`,
  );
  expect(new Set(rows.map((r) => r.chain_lane)).size).toBe(1);
  expect(rows[0]!.chain_lane).not.toBeNull();
  expect(rows[0]!.prev_hash).toBeNull();
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
});

it('lets two backends that start in the same lane append at the same time: the second takes a free lane', async () => {
  // A lane used to be pg_backend_pid() % 16 and nothing else, so two such backends committed one after the other.
  // Open connections until two backends share that starting lane (17 always do), outside the test's small pool.
  const client = postgres(t.url, { max: 20, onnotice: () => {} });
  try {
    const byLane = new Map<number, Awaited<ReturnType<typeof client.reserve>>>();
    let pair: [Awaited<ReturnType<typeof client.reserve>>, Awaited<ReturnType<typeof client.reserve>>] | undefined;
    for (let i = 0; i < 17 && !pair; i++) {
      const c = await client.reserve();
      const lane = (await c<{ lane: number }[]>`select pg_backend_pid() % 16 as lane`)[0]!.lane;
      const earlier = byLane.get(lane);
      if (earlier) pair = [earlier, c];
      else byLane.set(lane, c);
    }
    const [first, second] = pair!;
    await first`begin`;
    await first`insert into audit_entry (action, record_type) values ('held', 'test')`;
    // The first transaction holds its lane's lock until it ends; the second must not wait for it.
    await second`begin`;
    await second`set local lock_timeout = '2s'`;
    await second`insert into audit_entry (action, record_type) values ('concurrent', 'test')`;
    // Its later entries stay in the lane it took, so one request's entries are one chain's.
    await second`insert into audit_entry (action, record_type) values ('concurrent.again', 'test')`;
    const lanes = await second<{ action: string; chain_lane: number }[]>`
      select action, chain_lane from audit_entry where action like 'concurrent%' order by chain_seq`;
    await second`commit`;
    const [held] = await first<{ chain_lane: number }[]>`select chain_lane from audit_entry where action = 'held'`;
    await first`commit`;
    expect(lanes[0]!.chain_lane).not.toBe(held!.chain_lane);
    expect(lanes[1]!.chain_lane).toBe(lanes[0]!.chain_lane);
  } finally {
    await client.end({ timeout: 5 });
  }
  expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 9 });
});

it('waits for its own lane only when all sixteen lanes of the municipality are held', async () => {
  const client = postgres(t.url, { max: 20, onnotice: () => {} });
  try {
    const holders = await Promise.all(Array.from({ length: 16 }, () => client.reserve()));
    for (const h of holders) {
      await h`begin`;
      await h`insert into audit_entry (action, record_type) values ('holding', 'test')`;
    }
    // Sixteen transactions each hold a lane (checked after their commit below); a seventeenth must wait.
    const late = await client.reserve();
    await late`begin`;
    await late`set local lock_timeout = '300ms'`;
    await expect(late`insert into audit_entry (action, record_type) values ('late', 'test')`).rejects.toThrow(/lock timeout/);
    await late`rollback`;
    late.release();
    for (const h of holders) {
      await h`commit`;
      h.release();
    }
  } finally {
    await client.end({ timeout: 5 });
  }
  const lanes = await t.db.execute<{ lanes: number }>(sql`select count(distinct chain_lane)::int as lanes from audit_entry where action = 'holding'`);
  expect(lanes[0]!.lanes).toBe(16);
  expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 22 });
});

describe('detects tampering', () => {
  it('an altered entry', async () => {
    await tamper(sql`update audit_entry set action = 'referral.read' where id = ${ids[2]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: ids[2], reason: 'altered' });
  });

  it('a deleted entry', async () => {
    await tamper(sql`delete from audit_entry where id = ${ids[3]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: ids[4], reason: 'link' });
  });

  it("a lane's first entries deleted", async () => {
    await tamper(sql`delete from audit_entry where id = ${ids[0]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: ids[1], reason: 'link' });
  });

  it('two entries swapped', async () => {
    // The entries at the second and third position trade places.
    await tamper(sql`update audit_entry set chain_seq = -1 where id = ${ids[1]}`);
    await tamper(sql`update audit_entry set chain_seq = ${seqs[1]} where id = ${ids[2]}`);
    await tamper(sql`update audit_entry set chain_seq = ${seqs[2]} where id = ${ids[1]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: ids[2] });
  });

  it('an inserted entry', async () => {
    // Make room after the fourth entry, then forge one there that links to it.
    await tamper(sql`update audit_entry set chain_seq = chain_seq + 1000 where chain_seq > ${seqs[3]}`);
    await tamper(sql`insert into audit_entry (action, record_type, chain_seq, chain_lane, prev_hash, hash)
      select 'forged', 'test', ${seqs[3]! + 1}, chain_lane, hash, repeat('0', 64) from audit_entry where id = ${ids[3]}`);
    const forged = (await t.db.execute<{ id: string }>(sql`select id from audit_entry where action = 'forged'`))[0]!;
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: Number(forged.id), reason: 'altered' });
  });

  it('an entry moved to another lane', async () => {
    await tamper(sql`update audit_entry set chain_lane = (chain_lane + 1) % 16 where id = ${ids[5]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: ids[5] });
  });

  it('an entry moved into the legacy chain', async () => {
    await tamper(sql`update audit_entry set chain_lane = null where id = ${ids[2]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenId: ids[2], reason: 'position' });
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
