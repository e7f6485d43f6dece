// Walks the audit hash chain in order and reports the first entry that does not fit: altered content (its
// hash no longer matches), a deleted, inserted or reordered entry (its link to the previous hash or its
// position breaks), or an entry that bypassed the chain trigger (no position).
import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenId: number; reason: 'altered' | 'link' | 'position' | 'unchained' };

type ChainRow = {
  id: string;
  chain_seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  recomputed: string;
};

export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<ChainVerdict> {
  const [unchained] = await db.execute<{ id: string }>(
    sql`select id from audit_entry where chain_seq is null or hash is null order by id limit 1`,
  );
  if (unchained) return { ok: false, entries: 0, brokenId: Number(unchained.id), reason: 'unchained' };
  let lastSeq = 0;
  let lastHash: string | null = null;
  let entries = 0;
  for (;;) {
    const rows = await db.execute<ChainRow>(sql`
      select id, chain_seq, prev_hash, hash, audit_entry_digest(a, a.prev_hash) as recomputed
      from audit_entry a where chain_seq > ${lastSeq} order by chain_seq limit ${batchSize}`);
    if (rows.length === 0) return { ok: true, entries };
    for (const row of rows) {
      const id = Number(row.id);
      if (Number(row.chain_seq) !== lastSeq + 1) return { ok: false, entries, brokenId: id, reason: 'position' };
      if (row.prev_hash !== lastHash) return { ok: false, entries, brokenId: id, reason: 'link' };
      if (row.recomputed !== row.hash) return { ok: false, entries, brokenId: id, reason: 'altered' };
      lastSeq += 1;
      lastHash = row.hash;
      entries += 1;
    }
  }
}
