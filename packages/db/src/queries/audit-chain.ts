// Walks every audit hash chain in order and reports the first entry that does not fit: altered content (its
// hash no longer matches), a deleted, inserted or reordered entry (its link to the previous hash or its
// position breaks), or an entry that bypassed the chain trigger (no position).
//
// The chains (migration 0023): the legacy chain of entries written before lanes existed (lane null, positions
// 1, 2, 3, … without gaps), then one chain per municipality and lane (positions increasing with gaps, the
// first entry without a predecessor). Within a lane's chain a deleted entry shows as a broken link.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';

export type ChainVerdict =
  | { ok: true; entries: number; chains: number }
  | { ok: false; entries: number; brokenId: number; reason: 'altered' | 'link' | 'position' | 'unchained' };

type ChainRow = {
  id: string;
  chain_seq: string;
  prev_hash: string | null;
  hash: string | null;
  recomputed: string;
};

type Broken = Extract<ChainVerdict, { ok: false }>;

/** Walks one chain; `consecutive` demands positions 1, 2, 3, … (the legacy chain). */
async function walkChain(db: Executor, inChain: SQL, consecutive: boolean, before: number, batchSize: number) {
  let lastSeq = 0;
  let lastHash: string | null = null;
  let entries = before;
  for (;;) {
    const rows = await db.execute<ChainRow>(sql`
      select id, chain_seq, prev_hash, hash, audit_entry_digest(a, a.prev_hash) as recomputed
      from audit_entry a where ${inChain} and chain_seq > ${lastSeq} order by chain_seq limit ${batchSize}`);
    if (rows.length === 0) return { entries };
    for (const row of rows) {
      const id = Number(row.id);
      const broken = (reason: Broken['reason']): { broken: Broken } => ({ broken: { ok: false, entries, brokenId: id, reason } });
      if (consecutive && Number(row.chain_seq) !== lastSeq + 1) return broken('position');
      if (row.prev_hash !== lastHash) return broken('link');
      if (row.recomputed !== row.hash) return broken('altered');
      lastSeq = Number(row.chain_seq);
      lastHash = row.hash;
      entries += 1;
    }
  }
}

export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<ChainVerdict> {
  const [unchained] = await db.execute<{ id: string }>(
    sql`select id from audit_entry where chain_seq is null or hash is null order by id limit 1`,
  );
  if (unchained) return { ok: false, entries: 0, brokenId: Number(unchained.id), reason: 'unchained' };
  const legacy = await walkChain(db, sql`chain_lane is null`, true, 0, batchSize);
  if ('broken' in legacy) return legacy.broken!;
  let entries = legacy.entries;
  const lanes = await db.execute<{ municipality_id: string | null; chain_lane: number }>(sql`
    select distinct municipality_id, chain_lane from audit_entry where chain_lane is not null
    order by municipality_id nulls first, chain_lane`);
  for (const lane of lanes) {
    const municipality = lane.municipality_id === null ? sql`municipality_id is null` : sql`municipality_id = ${lane.municipality_id}`;
    const walked = await walkChain(db, sql`${municipality} and chain_lane = ${lane.chain_lane}`, false, entries, batchSize);
    if ('broken' in walked) return walked.broken!;
    entries = walked.entries;
  }
  return { ok: true, entries, chains: lanes.length + (legacy.entries > 0 ? 1 : 0) };
}
