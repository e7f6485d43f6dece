// Issue 4: the inbox's sortable headers. Each order pages by keyset in both directions without repeating or
// skipping an item; an unknown order is refused naming its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createWorld, referralInput, type World } from './harness.ts';
import { concernReportInput } from './inputs.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
  await (await world.partner('police')).referral.submit(referralInput({ threatOrProtectionNeed: false, urgency: 'normal' }));
  await (await world.partner('police')).referral.submit(referralInput({ threatOrProtectionNeed: true }));
  await (await world.partner('schoolStaff')).concernReport.submit(concernReportInput({ suspectedViolenceAtHome: true }));
  await (await world.partner('schoolStaff')).concernReport.submit(concernReportInput());
  await (await world.partner('police')).referral.submit(referralInput());
});
afterAll(() => world.t.drop());

type Sort = { sort: 'priority' | 'received'; order: 'asc' | 'desc' };

async function everyPage(sort: Sort) {
  const intake = await world.staff('intake');
  const seen: { id: string; receivedAt: string }[] = [];
  for (let cursor: string | undefined, i = 0; i < 50; i++) {
    const page = await intake.inbox.list({ limit: 2, cursor, ...sort });
    seen.push(...page.items.map((x) => ({ id: x.id, receivedAt: x.receivedAt })));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return seen;
}

describe('[INTAKE] sorting the inbox', () => {
  it('by time of receipt, newest or oldest first, across pages', async () => {
    const all = await everyPage({ sort: 'priority', order: 'asc' });
    expect(all.length).toBeGreaterThanOrEqual(5);
    const byTime = (a: { receivedAt: string; id: string }, b: { receivedAt: string; id: string }) =>
      a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id);
    const oldest = await everyPage({ sort: 'received', order: 'asc' });
    const newest = await everyPage({ sort: 'received', order: 'desc' });
    expect(oldest).toEqual([...all].sort(byTime));
    expect(newest).toEqual([...oldest].reverse());
  });

  it('priority descending is the default order reversed', async () => {
    const ascending = await everyPage({ sort: 'priority', order: 'asc' });
    expect(await everyPage({ sort: 'priority', order: 'desc' })).toEqual([...ascending].reverse());
  });

  it('refuses an unknown sort or direction', async () => {
    const intake = await world.staff('intake');
    expect(await codeOf(intake.inbox.list({ limit: 5, sort: 'name' as never }))).toBe('BAD_REQUEST');
    expect(await codeOf(intake.inbox.list({ limit: 5, order: 'sideways' as never }))).toBe('BAD_REQUEST');
  });
});
