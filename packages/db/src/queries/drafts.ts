// Drafts of intake forms: the author's own, by the form's idempotency key. RLS (0006) limits every query
// to the author; the user id is in each WHERE as well (tenant scope applied twice, docs/architecture.md).
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { IntakeSource } from '@utvag/domain';
import type { Executor } from '../client.ts';
import { referralDraft } from '../schema/index.ts';

const draftColumns = {
  id: referralDraft.id,
  idempotencyKey: referralDraft.idempotencyKey,
  source: referralDraft.source,
  values: referralDraft.values,
  updatedAt: referralDraft.updatedAt,
};

/** Creates the draft or replaces its values; saving the same form twice keeps one draft. */
export async function saveDraft(
  db: Executor,
  d: { municipalityId: string; organisationId: string | null; userId: string; idempotencyKey: string; source: IntakeSource; values: Record<string, string> },
) {
  const [row] = await db
    .insert(referralDraft)
    .values(d)
    .onConflictDoUpdate({
      target: [referralDraft.userId, referralDraft.idempotencyKey],
      set: { values: d.values, source: d.source, updatedAt: sql`now()` },
      // A key is one form: a draft cannot change which form it belongs to.
      setWhere: eq(referralDraft.source, d.source),
    })
    .returning(draftColumns);
  return row;
}

/** `savedAfter`: drafts last saved before it have expired (domain `draftExpiryCutoff`) and are not offered. */
export async function findDraft(db: Executor, q: { userId: string; idempotencyKey: string; savedAfter?: Date; source?: IntakeSource }) {
  const [row] = await db
    .select(draftColumns)
    .from(referralDraft)
    .where(
      and(
        eq(referralDraft.userId, q.userId),
        eq(referralDraft.idempotencyKey, q.idempotencyKey),
        q.savedAfter ? gte(referralDraft.updatedAt, q.savedAfter) : undefined,
        q.source ? eq(referralDraft.source, q.source) : undefined,
      ),
    );
  return row;
}

export function listDrafts(db: Executor, q: { userId: string; limit: number; savedAfter?: Date; source?: IntakeSource }) {
  return db
    .select(draftColumns)
    .from(referralDraft)
    .where(
      and(
        eq(referralDraft.userId, q.userId),
        q.savedAfter ? gte(referralDraft.updatedAt, q.savedAfter) : undefined,
        q.source ? eq(referralDraft.source, q.source) : undefined,
      ),
    )
    .orderBy(desc(referralDraft.updatedAt))
    .limit(q.limit);
}

export async function deleteDraft(db: Executor, q: { userId: string; idempotencyKey: string; source?: IntakeSource }) {
  const rows = await db
    .delete(referralDraft)
    .where(
      and(
        eq(referralDraft.userId, q.userId),
        eq(referralDraft.idempotencyKey, q.idempotencyKey),
        q.source ? eq(referralDraft.source, q.source) : undefined,
      ),
    )
    .returning({ id: referralDraft.id });
  return rows.length > 0;
}

/** The nightly clean-up (job queue, no tenant: runs as the owner): every draft last saved before `cutoff`. */
export async function deleteExpiredDrafts(db: Executor, cutoff: Date) {
  const rows = await db.delete(referralDraft).where(lt(referralDraft.updatedAt, cutoff)).returning({ id: referralDraft.id });
  return rows.length;
}
