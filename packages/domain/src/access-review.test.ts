import { describe, expect, it } from 'vitest';
import { flagAccesses, isOutsideWorkingHours, monthBounds, swedishMidnight, type ReviewedAccess } from './access-review.ts';

const at = (iso: string) => new Date(iso);
let nextId = 1;
const access = (over: Partial<ReviewedAccess>): ReviewedAccess => ({
  id: nextId++,
  at: at('2026-11-18T10:00:00+01:00'), // a Wednesday, mid-morning
  userId: 'u1',
  userUnitId: 'unit-a',
  recordKey: 'referral:r1',
  recordUnitId: null,
  protectedIdentity: false,
  ...over,
});

describe('working hours (Swedish working days, local time)', () => {
  it.each([
    ['2026-11-18T10:00:00+01:00', false], // Wednesday 10:00
    ['2026-11-18T06:59:00+01:00', true], // before 07:00
    ['2026-11-18T18:00:00+01:00', true], // from 18:00
    ['2026-11-21T10:00:00+01:00', true], // Saturday
    ['2026-12-25T10:00:00+01:00', true], // Christmas Day
    ['2026-06-19T10:00:00+02:00', true], // Midsummer Eve (a non-working day in Sweden)
    ['2026-06-18T17:30:00+02:00', false], // summer time is read as local time
    ['2026-06-18T16:30:00Z', true], // 18:30 in Stockholm
  ])('%s outside: %s', (iso, outside) => {
    expect(isOutsideWorkingHours(at(iso))).toBe(outside);
  });
});

describe('flags', () => {
  it('flags nothing for an ordinary access', () => {
    const a = access({});
    expect(flagAccesses([a]).get(a.id)).toEqual([]);
  });

  it('flags a record outside the user’s unit only where the record’s unit is known', () => {
    const other = access({ recordKey: 'case:c1', recordUnitId: 'unit-b' });
    const own = access({ recordKey: 'case:c2', recordUnitId: 'unit-a' });
    const unknown = access({ recordKey: 'referral:r9', recordUnitId: null });
    const flags = flagAccesses([other, own, unknown]);
    expect(flags.get(other.id)).toEqual(['outsideUnit']);
    expect(flags.get(own.id)).toEqual([]);
    expect(flags.get(unknown.id)).toEqual([]);
  });

  it('flags protected identities and accesses outside working hours', () => {
    const p = access({ protectedIdentity: true });
    const night = access({ at: at('2026-11-18T23:10:00+01:00') });
    const flags = flagAccesses([p, night]);
    expect(flags.get(p.id)).toEqual(['protectedIdentity']);
    expect(flags.get(night.id)).toEqual(['outsideWorkingHours']);
  });

  it('flags many different records by one user in a short time, not the same record again and again', () => {
    const rules = { burst: { records: 3, withinMinutes: 10 }, workingHours: { startHour: 7, endHour: 18 } };
    const t0 = at('2026-11-18T10:00:00+01:00').getTime();
    const burst = [0, 1, 2].map((i) => access({ userId: 'u2', recordKey: `referral:b${i}`, at: new Date(t0 + i * 60_000) }));
    const same = [0, 1, 2, 3].map((i) => access({ userId: 'u3', recordKey: 'referral:same', at: new Date(t0 + i * 60_000) }));
    const slow = [0, 1, 2].map((i) => access({ userId: 'u4', recordKey: `referral:s${i}`, at: new Date(t0 + i * 11 * 60_000) }));
    const listing = [0, 1, 2].map((i) => access({ userId: 'u5', recordKey: null, at: new Date(t0 + i * 1000) }));
    const flags = flagAccesses([...burst, ...same, ...slow, ...listing], rules);
    for (const a of burst) expect(flags.get(a.id)).toEqual(['burst']);
    for (const a of [...same, ...slow, ...listing]) expect(flags.get(a.id)).toEqual([]);
  });
});

describe('months in Swedish time', () => {
  it('starts at local midnight, winter and summer', () => {
    expect(swedishMidnight('2026-01-01').toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(swedishMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(monthBounds('2026-12')).toEqual({ from: swedishMidnight('2026-12-01'), to: swedishMidnight('2027-01-01') });
  });
});
