// audited(): the entry is written with the access; when it cannot be written, the caller gets an error, never the
// result, and nothing the work wrote stays. Guards any future change to how the insert and COMMIT are sent (issue 9).
import { auditEntry, referral } from '@utvag/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audited } from '../src/audit.ts';
import { contextFor, createWorld, referralInput, type World } from './harness.ts';

let world: World;
let referralId: string;
beforeAll(async () => {
  world = await createWorld();
  referralId = (await (await world.partner('police')).referral.submit(referralInput())).id;
});
afterAll(() => world.t.drop());

const ctxOf = async () => contextFor(world.t.db, await world.user('intake')) as Parameters<typeof audited>[0];
const entriesOf = (requestId: string) => world.t.db.select().from(auditEntry).where(eq(auditEntry.requestId, requestId));
const urgencyOf = async () => (await world.t.db.select({ u: referral.urgency }).from(referral).where(eq(referral.id, referralId)))[0]!.u;

describe('audited()', () => {
  it('returns the result with its entry committed', async () => {
    const ctx = await ctxOf();
    const got = await audited(ctx, 'referral.read', async (tx) => {
      const [row] = await tx.select({ id: referral.id }).from(referral).where(eq(referral.id, referralId));
      return { result: row, record: { recordType: 'referral', recordId: referralId, subjectIds: [] } };
    });
    expect(got).toEqual({ id: referralId });
    expect(await entriesOf(ctx.requestId)).toMatchObject([{ action: 'referral.read', recordId: referralId, outcome: 'allowed' }]);
  });

  it('gives no result and keeps no write when the entry cannot be written', async () => {
    const ctx = await ctxOf();
    const before = await urgencyOf();
    const changed = before === 'high' ? 'normal' : 'high';
    let reached = false;
    const attempt = audited(ctx, 'referral.triage', async (tx) => {
      await tx.update(referral).set({ urgency: changed }).where(eq(referral.id, referralId));
      reached = true;
      // Not a uuid: PostgreSQL refuses the audit insert (22P02), after the work has written.
      return { result: 'secret', record: { recordType: 'referral', recordId: referralId, subjectIds: ['not-a-uuid'] } };
    });
    await expect(attempt).rejects.toThrow();
    expect(reached).toBe(true);
    expect(await urgencyOf()).toBe(before);
    expect(await entriesOf(ctx.requestId)).toEqual([]);
    // The connection is usable afterwards (the aborted transaction ended).
    const ok = await audited(await ctxOf(), 'referral.read', async () => ({ result: 1, record: { recordType: 'referral' } }));
    expect(ok).toBe(1);
  });

  it('keeps the work’s own error when the work fails', async () => {
    const ctx = await ctxOf();
    await expect(
      audited(ctx, 'referral.read', async () => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await entriesOf(ctx.requestId)).toEqual([]);
  });
});
