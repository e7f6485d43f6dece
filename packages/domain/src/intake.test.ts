import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareInboxItems, inboxRank } from './intake.ts';

describe('the inbox order', () => {
  it('ranks protection need before child before neither', () => {
    expect(inboxRank({ protectionNeed: true, child: true })).toBe(0);
    expect(inboxRank({ protectionNeed: true, child: false })).toBe(1);
    expect(inboxRank({ protectionNeed: false, child: true })).toBe(2);
    expect(inboxRank({ protectionNeed: false, child: false })).toBe(3);
  });

  it('orders by rank, then longest waiting, then id, as a total order', () => {
    const item = fc.record({
      rank: fc.integer({ min: 0, max: 3 }),
      receivedAt: fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
      id: fc.uuid(),
    });
    fc.assert(
      fc.property(item, item, (a, b) => {
        expect(Math.sign(compareInboxItems(a, b))).toBe(-Math.sign(compareInboxItems(b, a)));
        if (a.rank < b.rank) expect(compareInboxItems(a, b)).toBeLessThan(0);
        if (a.rank === b.rank && a.receivedAt < b.receivedAt) expect(compareInboxItems(a, b)).toBeLessThan(0);
      }),
    );
  });
});
